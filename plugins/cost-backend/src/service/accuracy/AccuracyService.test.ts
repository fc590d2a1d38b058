import { mockServices, TestDatabaseId } from '@backstage/backend-test-utils';
import { storageTestDatabases } from '@gatehouse/test-utils';
import type { DailyAggregate } from '../../focus';
import { DatabaseCostStore } from '../../store/DatabaseCostStore';
import { addDays, daysOf } from '../../store/dayRanges';
import { AccuracyService } from './AccuracyService';

jest.setTimeout(60_000);

const databases = storageTestDatabases();

/** Days in the 730-hour month. */
const MONTH_DAYS = 730 / 24;

function day(
  date: string,
  cost: number,
  service: string | null = 'orchestrator-api',
  environment = 'production',
): DailyAggregate {
  return {
    sourceFile: 'billing.csv',
    day: date,
    provider: 'AWS',
    service,
    team: 'team-agents',
    environment,
    serviceCategory: 'Compute',
    chargeCategory: 'Usage',
    currency: 'USD',
    billedCost: cost * 1.1,
    effectiveCost: cost,
    listCost: null,
    rowCount: 1,
  };
}

function every(from: string, to: string, cost: number, ...rest: any[]) {
  return daysOf({ from, to }).map(d => day(d, cost, ...rest));
}

/**
 * February at 10 a day; the change is approved on 1 March (100 that day,
 * the change landing); from 2 to 15 March 14 a day. Around it, spend of
 * another environment, another service and unattributed spend, none of
 * which may count.
 */
const BILLING: DailyAggregate[] = [
  ...every('2026-02-01', '2026-02-28', 10),
  day('2026-03-01', 100),
  ...every('2026-03-02', '2026-03-15', 14),
  ...every('2026-02-01', '2026-03-15', 50, 'orchestrator-api', 'staging'),
  ...every('2026-02-01', '2026-03-15', 70, 'task-runner'),
  ...every('2026-02-01', '2026-03-15', 5, null),
];

async function serviceOn(databaseId: TestDatabaseId) {
  const knex = await databases.init(databaseId);
  const store = await DatabaseCostStore.create({
    database: mockServices.database({ knex, migrations: { skip: false } }),
  });
  await store.replaceFile({
    source: 'billing',
    path: 'billing.csv',
    sha256: 'sha',
    size: 1,
    rowsRead: BILLING.length,
    rowsRejected: 0,
    rowsUnattributed: 0,
    aggregates: BILLING,
  });
  return new AccuracyService(store, { settleAfterDays: 7, windowDays: 30 });
}

const REQUEST = {
  entityRef: 'component:default/orchestrator-api',
  environment: 'production',
};

describe.each(databases.eachSupportedId())(
  'AccuracyService on %s',
  databaseId => {
    it('compares a settled estimate and its delta with the run rates before and after', async () => {
      const service = await serviceOn(databaseId);
      const accuracy = await service.compare({
        ...REQUEST,
        since: '2026-03-01T10:15:00Z',
        estimatedMonthly: 400,
        estimatedDelta: 100,
      });
      // After: 2–15 March, 14 days at 14. Before: the 14 days to 28 February at 10.
      const after = 14 * MONTH_DAYS;
      const before = 10 * MONTH_DAYS;
      expect(accuracy).toEqual({
        entityRef: REQUEST.entityRef,
        service: 'orchestrator-api',
        environment: 'production',
        currency: 'USD',
        approvedOn: '2026-03-01',
        settleAfterDays: 7,
        settlesOn: '2026-03-08',
        dataUpTo: '2026-03-15',
        status: 'settled',
        after: {
          from: '2026-03-02',
          to: '2026-03-15',
          days: 14,
          total: 196,
          monthlyRunRate: expect.closeTo(after, 6),
        },
        before: {
          from: '2026-02-15',
          to: '2026-02-28',
          days: 14,
          total: 140,
          monthlyRunRate: expect.closeTo(before, 6),
        },
        estimate: { monthly: 400, delta: 100 },
        actual: {
          monthly: expect.closeTo(after, 6),
          delta: expect.closeTo(after - before, 6),
        },
        error: {
          monthly: {
            difference: expect.closeTo(400 - after, 6),
            percent: expect.closeTo(((400 - after) / after) * 100, 6),
          },
          delta: {
            difference: expect.closeTo(100 - (after - before), 6),
            percent: expect.closeTo(
              ((100 - (after - before)) / (after - before)) * 100,
              6,
            ),
          },
        },
      });
      // 425.83 a month against 400 estimated: 6.1% low.
      expect(accuracy.error!.monthly.percent).toBeCloseTo(-6.0665, 3);
    });

    it('waits until a week of billing data follows the approval', async () => {
      const service = await serviceOn(databaseId);
      const accuracy = await service.compare({
        ...REQUEST,
        since: '2026-03-12',
        estimatedMonthly: 400,
      });
      expect(accuracy).toMatchObject({
        status: 'settling',
        settlesOn: '2026-03-19',
        after: { from: '2026-03-13', to: '2026-03-15', days: 3, total: 42 },
        before: { from: '2026-03-09', to: '2026-03-11', days: 3, total: 42 },
        actual: { monthly: expect.closeTo(14 * MONTH_DAYS, 6), delta: 0 },
        error: null,
      });
    });

    it('has no after window before billing data reaches past the approval day', async () => {
      const service = await serviceOn(databaseId);
      const accuracy = await service.compare({
        ...REQUEST,
        since: '2026-03-15T23:00:00+00:00',
        estimatedMonthly: 400,
        estimatedDelta: 20,
      });
      expect(accuracy).toMatchObject({
        status: 'settling',
        settlesOn: '2026-03-22',
        after: null,
        actual: null,
        error: null,
        // The baseline so far: the settle period just before the approval day.
        before: { from: '2026-03-08', to: '2026-03-14', days: 7, total: 98 },
      });
    });

    it('looks at most windowDays ahead and no earlier than the first billing day', async () => {
      const service = await serviceOn(databaseId);
      const accuracy = await service.compare({
        ...REQUEST,
        since: '2026-02-03',
        estimatedMonthly: 300,
      });
      // After: 4 February to 5 March (30 days): 25 × 10 + 100 + 4 × 14.
      expect(accuracy.after).toEqual({
        from: '2026-02-04',
        to: '2026-03-05',
        days: 30,
        total: 406,
        monthlyRunRate: expect.closeTo((406 / 30) * MONTH_DAYS, 6),
      });
      // Before: only 1–2 February have billing data.
      expect(accuracy.before).toMatchObject({
        from: '2026-02-01',
        to: '2026-02-02',
        days: 2,
        total: 20,
      });
      expect(accuracy.status).toBe('settled');
      expect(accuracy.error!.delta).toBeNull();
    });

    it('counts days without spend of the service as zero', async () => {
      const service = await serviceOn(databaseId);
      // A service that appears in no billing line: every day is zero.
      const accuracy = await service.compare({
        entityRef: 'component:default/knowledge-store',
        environment: 'production',
        since: '2026-03-01',
        estimatedMonthly: 250,
        estimatedDelta: 250,
      });
      expect(accuracy).toMatchObject({
        status: 'settled',
        after: { days: 14, total: 0, monthlyRunRate: 0 },
        actual: { monthly: 0, delta: 0 },
        error: {
          monthly: { difference: 250, percent: null },
          delta: { difference: 250, percent: null },
        },
      });
      expect(addDays(accuracy.approvedOn, 7)).toBe(accuracy.settlesOn);
    });
  },
);

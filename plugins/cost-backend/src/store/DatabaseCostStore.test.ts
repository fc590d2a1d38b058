import { mockServices, TestDatabaseId } from '@backstage/backend-test-utils';
import { storageTestDatabases } from '@gatehouse/test-utils';
import { Knex } from 'knex';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import type { DailyAggregate } from '../focus';
import type { StoredEstimate } from '@gatehouse/plugin-cost-common';
import { DatabaseCostStore } from './DatabaseCostStore';
import { FileIngestion } from './CostStore';

jest.setTimeout(60_000);

const databases = storageTestDatabases();

function aggregate(
  day: string,
  service: string | null,
  cost: number,
  extra: Partial<DailyAggregate> = {},
): DailyAggregate {
  return {
    sourceFile: 'f',
    day,
    provider: 'AWS',
    service,
    team: service ? `team-of-${service}` : null,
    environment: 'production',
    serviceCategory: 'Compute',
    chargeCategory: 'Usage',
    currency: 'USD',
    billedCost: cost * 2,
    effectiveCost: cost,
    listCost: null,
    rowCount: 1,
    ...extra,
  };
}

function file(
  path: string,
  aggregates: DailyAggregate[],
  sha256 = `sha-${path}`,
): FileIngestion {
  return {
    source: 'billing',
    path,
    sha256,
    size: 100,
    rowsRead: aggregates.length,
    rowsRejected: 0,
    rowsUnattributed: aggregates.filter(a => a.service === null).length,
    aggregates,
  };
}

async function createStore(databaseId: TestDatabaseId) {
  const knex = await databases.init(databaseId);
  const store = await DatabaseCostStore.create({
    database: mockServices.database({ knex, migrations: { skip: false } }),
  });
  return { knex, store };
}

describe.each(databases.eachSupportedId())(
  'DatabaseCostStore on %s',
  databaseId => {
    it('counts a file ingested twice once, and replaces a changed file', async () => {
      const { store } = await createStore(databaseId);
      const january = file('2026-01.csv', [
        aggregate('2026-01-05', 'api', 10),
        aggregate('2026-01-06', 'api', 5),
        aggregate('2026-01-06', null, 1),
      ]);
      await store.replaceFile(january);
      await store.replaceFile(january);
      const query = {
        range: { from: '2026-01-01', to: '2026-01-31' },
        metric: 'effective' as const,
        filters: {},
        groupBy: 'service' as const,
      };
      expect(await store.totals(query)).toEqual([
        { key: 'api', cost: 15 },
        { key: null, cost: 1 },
      ]);

      // The corrected export moves spend to another day and drops the unattributed line.
      await store.replaceFile(
        file(
          '2026-01.csv',
          [aggregate('2026-01-20', 'api', 7)],
          'sha-corrected',
        ),
      );
      expect(await store.totals(query)).toEqual([{ key: 'api', cost: 7 }]);
      expect(await store.dailyTotal(query)).toEqual([
        { day: '2026-01-20', cost: 7 },
      ]);
      const [recorded] = await store.listIngestedFiles('billing');
      expect(recorded).toMatchObject({
        path: '2026-01.csv',
        sha256: 'sha-corrected',
        firstDay: '2026-01-20',
        lastDay: '2026-01-20',
      });
    });

    it('answers the same from rollups as from the daily aggregates, across month edges', async () => {
      const { store } = await createStore(databaseId);
      const rows: DailyAggregate[] = [];
      // Three services, a little over three months of spend, deterministic amounts.
      for (let d = 0; d < 100; d++) {
        const day = new Date(Date.UTC(2026, 0, 20 + d))
          .toISOString()
          .slice(0, 10);
        ['api', 'web', 'worker'].forEach((service, i) =>
          rows.push(
            aggregate(day, service, (d % 7) + i * 1.25, {
              environment: i ? 'staging' : 'production',
            }),
          ),
        );
        rows.push(aggregate(day, null, 0.5));
      }
      await store.replaceFile(file('a.csv', rows.slice(0, 150)));
      await store.replaceFile(file('b.csv', rows.slice(150)));

      const range = { from: '2026-01-25', to: '2026-04-17' };
      const inRange = rows.filter(
        r => r.day >= range.from && r.day <= range.to,
      );
      const expected = (
        dimension: 'service' | 'environment',
        metric: 'effectiveCost' | 'billedCost',
      ) => {
        const sums = new Map<string | null, number>();
        for (const r of inRange)
          sums.set(r[dimension], (sums.get(r[dimension]) ?? 0) + r[metric]);
        return sums;
      };
      for (const [dimension, metric, column] of [
        ['service', 'effective', 'effectiveCost'],
        ['environment', 'billed', 'billedCost'],
      ] as const) {
        const totals = await store.totals({
          range,
          metric,
          filters: {},
          groupBy: dimension,
        });
        const sums = expected(dimension, column);
        expect(totals.map(t => t.key).sort()).toEqual([...sums.keys()].sort());
        for (const total of totals) {
          expect(total.cost).toBeCloseTo(sums.get(total.key)!, 9);
        }
      }

      // Filtered queries read the daily aggregates directly and must agree.
      const filtered = await store.totals({
        range,
        metric: 'effective',
        filters: { environment: 'staging' },
        groupBy: 'service',
      });
      const stagingSums = new Map<string | null, number>();
      for (const row of inRange.filter(r => r.environment === 'staging')) {
        stagingSums.set(
          row.service,
          (stagingSums.get(row.service) ?? 0) + row.effectiveCost,
        );
      }
      expect(Object.fromEntries(filtered.map(t => [t.key, t.cost]))).toEqual(
        Object.fromEntries(
          [...stagingSums].map(([k, v]) => [k, expect.closeTo(v, 9)]),
        ),
      );

      const daily = await store.daily({
        range: { from: '2026-03-01', to: '2026-03-03' },
        metric: 'effective',
        filters: {},
        groupBy: 'service',
        keys: ['api', null],
      });
      expect(daily).toHaveLength(6);
      expect(daily.filter(d => d.key === null).map(d => d.cost)).toEqual([
        0.5, 0.5, 0.5,
      ]);
      expect(await store.lastDay()).toBe('2026-04-29');
    });

    it('keeps ingestion runs with their progress', async () => {
      const { store } = await createStore(databaseId);
      const run = await store.createIngestionRun({
        id: 'run-1',
        trigger: 'manual',
        requestedBy: 'user:default/grace',
      });
      expect(run).toMatchObject({
        status: 'queued',
        filesDone: 0,
        requestedBy: 'user:default/grace',
      });
      expect((await store.listQueuedIngestionRuns()).map(r => r.id)).toEqual([
        'run-1',
      ]);
      const startedAt = new Date().toISOString();
      await store.updateIngestionRun('run-1', {
        status: 'running',
        startedAt,
        filesTotal: 3,
        filesDone: 1,
        rowsRead: 1_500_000,
        currentFile: 'b.csv',
      });
      expect(await store.getIngestionRun('run-1')).toMatchObject({
        status: 'running',
        filesTotal: 3,
        filesDone: 1,
        rowsRead: 1_500_000,
        currentFile: 'b.csv',
        startedAt,
      });
      expect(await store.listQueuedIngestionRuns()).toEqual([]);
    });

    it('records each alert crossing once', async () => {
      const { store } = await createStore(databaseId);
      const alert = {
        dedupeKey: 'threshold:service:api:2026-03:1000',
        kind: 'threshold' as const,
        dimension: 'service' as const,
        key: 'api',
        period: '2026-03',
        threshold: 1000,
        actual: 1042.5,
        message: 'api passed 1,000 USD in March',
      };
      const first = await store.recordAlert(alert);
      expect(first).toMatchObject({
        kind: 'threshold',
        key: 'api',
        actual: 1042.5,
        threshold: 1000,
      });
      expect(
        await store.recordAlert({ ...alert, actual: 1100 }),
      ).toBeUndefined();
      expect(
        await store.listAlerts({ dimension: 'service', key: 'api', limit: 10 }),
      ).toHaveLength(1);
    });

    it('keeps estimates per entity, newest first', async () => {
      const { store } = await createStore(databaseId);
      const base = {
        entityRef: 'component:default/api',
        environment: 'production',
        kind: 'terraform' as const,
        createdBy: 'user:default/bob',
        currency: 'USD',
        monthlyBefore: 100,
        monthlyAfter: 150,
        monthlyDelta: 50,
        resourceCount: 3,
        unpricedCount: 1,
      };
      await store.saveEstimate({
        ...base,
        id: 'e1',
        createdAt: '2026-03-01T10:00:00.000Z',
        approximateCount: null,
        // The store keeps the breakdown as it is given: any JSON will do here.
        result: { a: 1 } as unknown as StoredEstimate['result'],
      });
      await store.saveEstimate({
        ...base,
        id: 'e2',
        createdAt: '2026-03-02T10:00:00.000Z',
        approximateCount: 2,
        result: { a: 2 } as unknown as StoredEstimate['result'],
      });
      const listed = await store.listEstimates({
        entityRef: 'component:default/api',
        limit: 5,
      });
      expect(listed.map(e => e.id)).toEqual(['e2', 'e1']);
      expect(listed[0]).toMatchObject({
        monthlyDelta: 50,
        createdAt: '2026-03-02T10:00:00.000Z',
        approximateCount: 2,
      });
      // Kept before prices carried their provenance: not recorded, not 0.
      expect(listed[1].approximateCount).toBeNull();
      expect((await store.getEstimate('e1'))?.result).toEqual({ a: 1 });
    });

    it('migrates down and up again', async () => {
      const knex: Knex = await databases.init(databaseId);
      const directory = resolvePackagePath(
        '@gatehouse/plugin-cost-backend',
        'migrations',
      );
      await knex.migrate.latest({ directory });
      expect(await knex.schema.hasTable('cost_daily_spend')).toBe(true);
      await knex.migrate.rollback({ directory }, true);
      expect(await knex.schema.hasTable('cost_daily_spend')).toBe(false);
      await knex.migrate.latest({ directory });
      expect(await knex.schema.hasTable('cost_rollup_monthly')).toBe(true);
    });
  },
);

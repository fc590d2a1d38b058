import { CompensatedSum } from './compensatedSum';
import { DailyAggregator, type AggregatableRow } from './dailyAggregator';

const hour = (day: number, h: number) => Date.UTC(2025, 0, day, h);

function row(overrides: Partial<AggregatableRow> = {}): AggregatableRow {
  return {
    chargePeriodStart: hour(1, 10),
    chargePeriodEnd: hour(1, 11),
    providerName: 'AWS',
    serviceCategory: 'Compute',
    chargeCategory: 'Usage',
    billingCurrency: 'USD',
    billedCost: 1,
    effectiveCost: 1,
    listCost: 1.2,
    ...overrides,
  };
}

describe('DailyAggregator', () => {
  it('groups by UTC day and key fields, tagging aggregates with the source file', () => {
    const aggregator = new DailyAggregator({
      sourceFile: 'exports/2025-01.csv',
    });
    const api = {
      service: 'orchestrator-api',
      team: 'team-agents',
      environment: 'production',
    };
    aggregator.add(row({ chargePeriodStart: hour(1, 0) }), api);
    aggregator.add(
      row({
        chargePeriodStart: hour(1, 23),
        billedCost: 2,
        effectiveCost: 1.5,
      }),
      api,
    );
    aggregator.add(row({ chargePeriodStart: hour(2, 0) }), api);
    aggregator.add(row({ serviceCategory: 'Storage' }), api);
    aggregator.add(row(), {});
    expect(aggregator.size).toBe(4);
    expect(aggregator.rowCount).toBe(5);
    expect(aggregator.aggregates()).toEqual([
      {
        sourceFile: 'exports/2025-01.csv',
        day: '2025-01-01',
        provider: 'AWS',
        service: null,
        team: null,
        environment: null,
        serviceCategory: 'Compute',
        chargeCategory: 'Usage',
        currency: 'USD',
        billedCost: 1,
        effectiveCost: 1,
        listCost: 1.2,
        rowCount: 1,
      },
      expect.objectContaining({
        day: '2025-01-01',
        service: 'orchestrator-api',
        serviceCategory: 'Compute',
        billedCost: 3,
        effectiveCost: 2.5,
        rowCount: 2,
      }),
      expect.objectContaining({
        day: '2025-01-01',
        service: 'orchestrator-api',
        serviceCategory: 'Storage',
        rowCount: 1,
      }),
      expect.objectContaining({
        day: '2025-01-02',
        service: 'orchestrator-api',
        rowCount: 1,
      }),
    ]);
  });

  it('keeps currencies, charge categories and providers apart', () => {
    const aggregator = new DailyAggregator({ sourceFile: 'f' });
    aggregator.add(row(), {});
    aggregator.add(row({ billingCurrency: 'EUR' }), {});
    aggregator.add(
      row({ chargeCategory: 'Credit', billedCost: -5, effectiveCost: -5 }),
      {},
    );
    aggregator.add(row({ providerName: null }), {});
    expect(aggregator.size).toBe(4);
    const credit = aggregator
      .aggregates()
      .find(a => a.chargeCategory === 'Credit');
    expect(credit).toMatchObject({ billedCost: -5, effectiveCost: -5 });
  });

  it('does not confuse a null field with an empty or literal value', () => {
    const aggregator = new DailyAggregator({ sourceFile: 'f' });
    aggregator.add(row({ serviceCategory: null }), {});
    aggregator.add(row({ serviceCategory: '' }), {});
    aggregator.add(row({ serviceCategory: 'null' }), {});
    expect(aggregator.size).toBe(3);
  });

  it('reports listCost as null when no row of the group had one', () => {
    const aggregator = new DailyAggregator({ sourceFile: 'f' });
    aggregator.add(row({ listCost: null }), {});
    aggregator.add(row({ listCost: null }), {});
    expect(aggregator.aggregates()[0].listCost).toBeNull();
  });

  it('assigns multi-day rows to their start day and counts them', () => {
    const aggregator = new DailyAggregator({ sourceFile: 'f' });
    aggregator.add(
      row({ chargePeriodStart: hour(1, 23), chargePeriodEnd: hour(2, 0) }),
      {},
    );
    aggregator.add(
      row({ chargePeriodStart: hour(1, 0), chargePeriodEnd: hour(2, 0) }),
      {},
    );
    aggregator.add(
      row({
        chargePeriodStart: hour(1, 0),
        chargePeriodEnd: hour(32, 0),
        billedCost: 31,
      }),
      {},
    );
    expect(aggregator.multiDayRows).toBe(1);
    expect(aggregator.aggregates()).toEqual([
      expect.objectContaining({
        day: '2025-01-01',
        billedCost: 33,
        rowCount: 3,
      }),
    ]);
  });

  it('sums a million sub-cent amounts without drift', () => {
    const aggregator = new DailyAggregator({ sourceFile: 'f' });
    let naive = 0;
    for (let i = 0; i < 1_000_000; i++) {
      aggregator.add(row({ billedCost: 0.0000004, effectiveCost: 0.1 }), {});
      naive += 0.1;
    }
    const [aggregate] = aggregator.aggregates();
    // Naive summation of 0.1 a million times is visibly off; ours is not.
    expect(Math.abs(naive - 100000)).toBeGreaterThan(1e-7);
    expect(aggregate.effectiveCost).toBe(100000);
    expect(aggregate.billedCost).toBeCloseTo(0.4, 15);
  });
});

describe('CompensatedSum', () => {
  it('recovers small addends lost next to large ones', () => {
    const sum = new CompensatedSum();
    for (const value of [1, 1e100, 1, -1e100]) sum.add(value);
    expect(sum.value).toBe(2);
    expect([1, 1e100, 1, -1e100].reduce((a, b) => a + b, 0)).toBe(0);
  });
});

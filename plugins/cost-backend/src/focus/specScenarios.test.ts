/*
 * The official FOCUS specification scenarios for commitment discounts.
 *
 * FOCUS semantics checked here: BilledCost is what is invoiced when it is
 * invoiced (the purchase), EffectiveCost is the amortised cost, carried by
 * the usage the commitment covers (used or unused), so a Purchase row has
 * EffectiveCost 0 and committed usage has BilledCost 0. When a file holds both
 * the purchase and all the usage it pays for, both totals agree.
 */
import { createReadStream } from 'node:fs';
import { aggregateFocusFile } from './aggregateFocusFile';
import { specScenarioFile } from './__testUtils__/fixtures';

async function ingestScenario(name: string) {
  return aggregateFocusFile(createReadStream(specScenarioFile(name)), {
    sourceFile: name,
    // The scenario files omit BillingCurrency.
    defaultBillingCurrency: 'USD',
  });
}

const sum = (values: number[]) => values.reduce((s, v) => s + v, 0);

describe('FOCUS spec scenarios', () => {
  it.each([
    // name, rows, BilledCost, EffectiveCost
    ['commitment_discount_purchase_scenario_1', 1, 8760, 0],
    ['commitment_discount_purchase_scenario_2', 3, 3, 0],
    ['commitment_discount_purchase_scenario_3', 4, 4381.5, 0],
    ['commitment_discount_usage_scenario_1', 1, 0, 1],
    ['commitment_discount_usage_scenario_2', 1, 0, 1],
    ['commitment_discount_usage_scenario_3', 2, 0, 1],
    ['commitment_discount_usage_scenario_4', 2, 0.5, 1.5],
    [
      'one_hundred_percent_utilization_with_commitment_discount_flexibility_with_1_resource',
      3,
      2.75,
      2.75,
    ],
    [
      'one_hundred_percent_utilization_with_commitment_discount_flexibility_with_2_resources',
      3,
      2,
      2,
    ],
    [
      'one_hundred_percent_utilization_without_commitment_discount_flexibility',
      2,
      1.5,
      1.5,
    ],
    [
      'zero_percent_utilization_without_commitment_discount_flexibility',
      3,
      3.5,
      3.5,
    ],
  ])(
    '%s: %d rows, BilledCost %d, EffectiveCost %d',
    async (name, rows, billed, effective) => {
      const { aggregates, summary } = await ingestScenario(name);
      expect(summary.rowsRejected).toBe(0);
      expect(summary.rowsAccepted).toBe(rows);
      expect(sum(aggregates.map(a => a.billedCost))).toBeCloseTo(billed, 12);
      expect(sum(aggregates.map(a => a.effectiveCost))).toBeCloseTo(
        effective,
        12,
      );
    },
  );

  it('keeps purchases out of EffectiveCost and committed usage out of BilledCost', async () => {
    const { aggregates } = await ingestScenario(
      'one_hundred_percent_utilization_with_commitment_discount_flexibility_with_1_resource',
    );
    const byCategory = (category: string) =>
      aggregates.filter(a => a.chargeCategory === category);
    expect(byCategory('Purchase')).toEqual([
      expect.objectContaining({
        billedCost: 0.5,
        effectiveCost: 0,
        rowCount: 1,
      }),
    ]);
    // Usage: the committed VM (billed 0, effective 0.5) and the on-demand
    // remainder (2.25 / 2.25) fall into the same daily group.
    expect(byCategory('Usage')).toEqual([
      expect.objectContaining({
        billedCost: 2.25,
        effectiveCost: 2.75,
        rowCount: 2,
      }),
    ]);
  });

  it('charges the unused part of a commitment as EffectiveCost', async () => {
    const { aggregates } = await ingestScenario(
      'zero_percent_utilization_without_commitment_discount_flexibility',
    );
    const usage = aggregates.find(a => a.chargeCategory === 'Usage')!;
    // 1.50 unused commitment + 2.00 on-demand; only the on-demand is billed.
    expect(usage.effectiveCost).toBeCloseTo(3.5, 12);
    expect(usage.billedCost).toBeCloseTo(2, 12);
  });

  it('puts a one-time purchase spanning a year on its start day and counts it', async () => {
    const result = await ingestScenario(
      'commitment_discount_purchase_scenario_1',
    );
    expect(result.multiDayRows).toBe(1);
    expect(result.aggregates).toEqual([
      expect.objectContaining({
        day: '2023-01-01',
        chargeCategory: 'Purchase',
        billedCost: 8760,
        effectiveCost: 0,
        currency: 'USD',
        service: null,
      }),
    ]);
  });

  it('reads the literal "null" cells and flags the invalid hour 30 as a warning', async () => {
    const { summary } = await ingestScenario(
      'commitment_discount_purchase_scenario_3',
    );
    expect(summary.rowsRejected).toBe(0);
    expect(summary.warnings).toEqual([
      {
        kind: 'invalid-optional-value',
        line: 5,
        column: 'ChargePeriodEnd',
        problem: 'not a valid timestamp',
        value: '2023-02-01T30:00:00Z',
      },
    ]);
  });
});

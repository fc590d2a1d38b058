import type { StoredEstimate } from '@gatehouse/plugin-cost-common';

/** What the policy and the risk know about a change's cost. */
export type CostFacts = {
  /** The point estimate of the monthly delta (USD); null when unknown. */
  delta: number | null;
  /**
   * The most the change may add a month: the high end of the estimate's
   * delta range (node groups at their max_size, usage at its high default),
   * or the point estimate when that is higher. Null when unknown.
   */
  deltaHigh: number | null;
  /** Whether every resource the change creates, updates, replaces or deletes was priced. */
  pricedInFull: boolean;
};

/** Actions that change what is paid; an unpriced resource left as it is changes nothing. */
const CHANGING = ['create', 'update', 'replace', 'delete'];

/**
 * The cost facts of a change from its estimate. A change without a priced
 * part (generated files alone) adds nothing known, but nothing of it was
 * priced either; a change whose estimate failed has an unknown cost.
 */
export function costFactsOf(
  estimate: StoredEstimate | null,
  priced: boolean,
): CostFacts {
  if (!priced) return { delta: 0, deltaHigh: 0, pricedInFull: false };
  if (!estimate) return { delta: null, deltaHigh: null, pricedInFull: false };
  const { totals, unpriced } = estimate.result;
  return {
    delta: estimate.monthlyDelta,
    deltaHigh: Math.max(estimate.monthlyDelta, totals.deltaRange.high),
    pricedInFull: !unpriced.some(resource =>
      CHANGING.includes(resource.action),
    ),
  };
}

import type { StoredEstimate } from '@gatehouse/plugin-cost-common';
import { costFactsOf } from './costFacts';

function estimate(
  delta: number,
  deltaRange: { low: number; high: number },
  unpriced: Array<{ action: string }> = [],
): StoredEstimate {
  return {
    monthlyDelta: delta,
    result: {
      totals: { delta, deltaRange },
      unpriced: unpriced.map(u => ({
        address: 'x',
        type: 'aws_sqs_queue',
        reason: 'no prices',
        ...u,
      })),
    },
  } as unknown as StoredEstimate;
}

describe('the cost facts of a change', () => {
  it('take the high end of the delta range, or the point estimate when that is higher', () => {
    // max_size 3 → 10: nothing more today, seven more nodes at the ceiling.
    expect(costFactsOf(estimate(0, { low: 0, high: 120.288 }), true)).toEqual({
      delta: 0,
      deltaHigh: 120.288,
      pricedInFull: true,
    });
    // desired 2 → 3 under an unchanged max: the range moves nothing, the point does.
    expect(costFactsOf(estimate(17.184, { low: 0, high: 0 }), true)).toEqual({
      delta: 17.184,
      deltaHigh: 17.184,
      pricedInFull: true,
    });
  });

  it('are priced in full only when no changed resource is unpriced', () => {
    const unchangedQueue = estimate(5, { low: 5, high: 5 }, [
      { action: 'no-op' },
    ]);
    expect(costFactsOf(unchangedQueue, true).pricedInFull).toBe(true);
    const newQueue = estimate(5, { low: 5, high: 5 }, [{ action: 'create' }]);
    expect(costFactsOf(newQueue, true).pricedInFull).toBe(false);
  });

  it('know nothing of a change that could not be estimated, and price nothing of generated files', () => {
    expect(costFactsOf(null, true)).toEqual({
      delta: null,
      deltaHigh: null,
      pricedInFull: false,
    });
    expect(costFactsOf(null, false)).toEqual({
      delta: 0,
      deltaHigh: 0,
      pricedInFull: false,
    });
  });
});

/** Budget rules. */
import type { EnvContext } from '../shared/ruleContext';
import { requireForTier } from '../shared/ruleHelpers';

/** A monthly budget, as the tier asks. */
export function checkBudget(ctx: EnvContext): void {
  if (!ctx.env.budget) {
    requireForTier(
      ctx,
      'budget',
      ['budget'],
      'no monthly budget',
      'add budget: { monthlyUsd: 1500, alertThresholds: [80, 100] }',
    );
  }
}

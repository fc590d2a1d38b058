/** The budget of a preset environment: a monthly amount by tier, with alerts at 80% and 100%. */
import type { Tier } from '../../schema';
import type { PresetContext } from '../shared/presetContext';
import type { BudgetPlan } from './schema';

const MONTHLY_BUDGET_USD: Record<Tier, number> = {
  development: 400,
  staging: 1500,
  production: 8000,
};

export function presetBudget(ctx: PresetContext): BudgetPlan {
  return {
    monthlyUsd: MONTHLY_BUDGET_USD[ctx.tier],
    alertThresholds: [80, 100],
  };
}

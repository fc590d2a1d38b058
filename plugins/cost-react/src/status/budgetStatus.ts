import type { BudgetStatus } from '@gatehouse/plugin-cost-common';
import type { StatusTone } from './tones';

/**
 * A budget's state as a tone: within it, close to it (by the forecast), or
 * over it.
 *
 * @public
 */
export const BUDGET_STATUS_TONES: Record<BudgetStatus['status'], StatusTone> = {
  ok: 'success',
  warning: 'warning',
  over: 'error',
};

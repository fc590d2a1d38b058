/**
 * The `budget` section: the monthly spend and when to alert on it.
 */
import { z } from 'zod';

/** @public */
export const budgetSchema = z
  .object({
    monthlyUsd: z.number().positive(),
    /** Percentages of the budget at which to alert, e.g. [50, 80, 100]. */
    alertThresholds: z.array(z.number().positive()).optional(),
  })
  .strict();

/** @public */
export type BudgetPlan = z.infer<typeof budgetSchema>;

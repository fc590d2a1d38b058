/**
 * Fixtures of the table-driven rule tests (not exported from the package):
 * each section lists cases (`sections/<section>/validate.cases.ts`) that
 * break the full fixture plan in its production environment, so one rule
 * must report it at a path, and optionally give the nearest valid variant,
 * on which the rule must stay silent.
 */
import type { EnvironmentPlan, InfraPlan } from '../schema';
import { validatePlan } from '../validate';
import { FIXTURE_DATE, fullPlan, prod } from './plans';

/** The path of the environment the cases edit. */
export const P = 'spec.environments.production';

export interface RuleCase {
  rule: string;
  name: string;
  /** Breaks the plan; the rule must report at `path`. */
  fail: (env: EnvironmentPlan, plan: InfraPlan) => void;
  path: string;
  severity?: 'error' | 'warning';
  /** The nearest valid variant; the rule must stay silent. */
  pass?: (env: EnvironmentPlan, plan: InfraPlan) => void;
  problem?: RegExp;
  hint?: RegExp;
}

/** Validates the full fixture plan after an edit of its production environment. */
export function validateEdited(
  mutate?: (env: EnvironmentPlan, plan: InfraPlan) => void,
) {
  const plan = fullPlan();
  mutate?.(prod(plan), plan);
  return validatePlan(plan, { asOf: FIXTURE_DATE });
}

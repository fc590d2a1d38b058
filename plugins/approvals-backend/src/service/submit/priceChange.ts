import type { StoredEstimate } from '@gatehouse/plugin-cost-common';
import { type CostFacts, costFactsOf } from '../../change/costFacts';
import type { CostEstimator } from '../CostEstimator';
import type { ParsedSubmission } from './parseSubmission';

/**
 * The cost plugin's estimate: of the infrastructure plan's environment
 * when there is one (against its prior plan), else of the Terraform plan.
 */
async function estimate(
  estimator: CostEstimator,
  entityRef: string,
  environment: string,
  { plan, infraPlan }: Pick<ParsedSubmission, 'plan' | 'infraPlan'>,
): Promise<StoredEstimate | null> {
  if (infraPlan) {
    return estimator.estimate({
      kind: 'infra-plan',
      entityRef,
      environment,
      ...infraPlan.documents,
    });
  }
  if (plan) {
    return estimator.estimate({
      kind: 'terraform',
      entityRef,
      environment,
      plan: plan.json,
    });
  }
  return null;
}

/**
 * Prices the change (the cost plugin keeps the estimate) and derives what
 * the risk and the policy know of its cost.
 */
export async function priceChange(
  estimator: CostEstimator,
  change: {
    entityRef: string;
    environment: string;
    submission: Pick<ParsedSubmission, 'plan' | 'infraPlan'>;
  },
): Promise<{ estimate: StoredEstimate | null; cost: CostFacts }> {
  const { entityRef, environment, submission } = change;
  const found = await estimate(estimator, entityRef, environment, submission);
  // Generated files alone change no priced resource (and price nothing).
  const priced = Boolean(submission.plan || submission.infraPlan);
  return { estimate: found, cost: costFactsOf(found, priced) };
}

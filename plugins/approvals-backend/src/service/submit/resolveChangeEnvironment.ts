import type { Entity } from '@backstage/catalog-model';
import {
  type EnvironmentConflict,
  EnvironmentMismatchError,
  findEnvironmentConflicts,
} from '../../change/environmentEvidence';
import type { SubmittedInfraPlan } from '../../change/infraPlan';
import type { EnvironmentMismatchHandling } from '../../config';
import type { EnvironmentResolver } from '../../environment/EnvironmentResolver';
import type {
  ResolvedEnvironment,
  SubmittedPlanTiers,
} from '../../environment/resolveEnvironment';
import type { ParsedSubmission } from './parseSubmission';

/** The environments of a submitted infrastructure plan and of its prior plan, with their tiers. */
function submittedTiers(infraPlan: SubmittedInfraPlan): SubmittedPlanTiers {
  const tiersOf = (plan: SubmittedInfraPlan['plan']) =>
    Object.fromEntries(
      Object.entries(plan.spec.environments).map(([name, env]) => [
        name,
        env.tier,
      ]),
    );
  return {
    tiers: tiersOf(infraPlan.plan),
    priorTiers: infraPlan.prior ? tiersOf(infraPlan.prior) : undefined,
  };
}

/**
 * The environment the change names, resolved among the entity's with its
 * tier (or refused), and the resources of its Terraform plan that belong to
 * another environment. Those refuse the change unless configured to be held
 * as high risk instead.
 */
export async function resolveChangeEnvironment(
  deps: {
    environments: Pick<EnvironmentResolver, 'resolve'>;
    environmentMismatch: EnvironmentMismatchHandling;
  },
  change: {
    entity: Entity;
    name: string;
    submission: Pick<ParsedSubmission, 'plan' | 'infraPlan'>;
  },
): Promise<{
  environment: ResolvedEnvironment;
  conflicts: EnvironmentConflict[];
}> {
  const { plan, infraPlan } = change.submission;
  const environment = await deps.environments.resolve({
    entity: change.entity,
    name: change.name,
    submitted: infraPlan && submittedTiers(infraPlan),
  });
  const conflicts = plan
    ? findEnvironmentConflicts(plan.parsed, environment)
    : [];
  if (conflicts.length > 0 && deps.environmentMismatch === 'refuse') {
    throw new EnvironmentMismatchError(environment, conflicts);
  }
  return { environment, conflicts };
}

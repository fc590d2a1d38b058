import type {
  ChangeSummary,
  Risk,
  RiskLevel,
} from '@gatehouse/plugin-approvals-common';
import { assessRisk } from '../../change/assessRisk';
import type { CostFacts } from '../../change/costFacts';
import {
  describeConflicts,
  type EnvironmentConflict,
} from '../../change/environmentEvidence';
import { scalingCeilingReasons } from '../../change/scalingCeilings';
import type { ResolvedEnvironment } from '../../environment/resolveEnvironment';
import type { ParsedSubmission } from './parseSubmission';

type Change = {
  environment: ResolvedEnvironment;
  /** Resources of the Terraform plan that belong to another environment. */
  conflicts: EnvironmentConflict[];
  summary: ChangeSummary;
  cost: CostFacts;
  submission: Pick<ParsedSubmission, 'plan' | 'infraPlan'>;
};

/**
 * Risk reasons found outside the change's resources: how its environment
 * was resolved, the scaling ceilings it raises, and (when configured to hold
 * rather than refuse) resources that belong to another environment.
 */
function furtherRiskReasons({
  environment,
  conflicts,
  submission,
}: Change): Array<[RiskLevel, string]> {
  const reasons: Array<[RiskLevel, string]> = [...environment.reasons];
  for (const reason of scalingCeilingReasons({
    plan: submission.plan?.parsed,
    infraPlan: submission.infraPlan,
  })) {
    reasons.push(['medium', reason]);
  }
  if (conflicts.length > 0) {
    reasons.push([
      'high',
      `the plan belongs to another environment than ${
        environment.name
      }: ${describeConflicts(conflicts)}`,
    ]);
  }
  return reasons;
}

/** The change's risk: from its resources and cost, and from what surrounds them. */
export function assessChangeRisk(change: Change): Risk {
  return assessRisk({
    environment: change.environment,
    summary: change.summary,
    cost: change.cost,
    infraPlan: change.submission.infraPlan,
    reasons: furtherRiskReasons(change),
  });
}

import type {
  ChangeSummary,
  Risk,
  RiskLevel,
} from '@gatehouse/plugin-approvals-common';
import { infraPlanRiskReasons, type SubmittedInfraPlan } from './infraPlan';

/** Resources that hold data: deleting or replacing one can lose it. */
const STATEFUL = [
  /^aws_db_instance$/,
  /^aws_rds_cluster/,
  /^aws_elasticache_/,
  /^aws_s3_bucket$/,
  /^aws_ebs_volume$/,
  /^aws_efs_file_system$/,
  /^aws_dynamodb_table$/,
  /^aws_kms_key$/,
  /^kubernetes_persistent_volume/,
  /^kubernetes_stateful_set/,
];
/** Resources that decide who and what may reach what. */
const ACCESS = [
  /^aws_security_group/,
  /^aws_vpc_security_group_/,
  /^aws_iam_/,
  /^aws_network_acl/,
  /^aws_wafv2_/,
];

const RANK: Record<RiskLevel, number> = { low: 0, medium: 1, high: 2 };

/**
 * The risk of a change and why: production, deletes or replacements of
 * stateful resources, security-group and IAM changes, and the size of the
 * cost increase each raise it, whether they come from a Terraform plan or
 * an infrastructure plan's diff. The highest reason sets the level.
 */
export function assessRisk(input: {
  environment: string;
  summary: ChangeSummary;
  costDelta: number | null;
  infraPlan?: SubmittedInfraPlan;
}): Risk {
  const reasons: Array<[RiskLevel, string]> = [];
  const productionTier = input.infraPlan?.current.tier === 'production';
  const production = input.environment === 'production' || productionTier;
  if (input.environment === 'production') {
    reasons.push(['medium', 'changes production']);
  } else if (productionTier) {
    reasons.push([
      'medium',
      `changes ${input.environment}, a production-tier environment`,
    ]);
  }
  if (input.infraPlan) {
    reasons.push(...infraPlanRiskReasons(input.infraPlan, production));
  }

  const destructive = input.summary.resources.filter(
    r =>
      (r.action === 'delete' || r.action === 'replace') &&
      STATEFUL.some(p => p.test(r.type)),
  );
  for (const r of destructive) {
    reasons.push([
      'high',
      `${r.action === 'delete' ? 'deletes' : 'replaces'} stateful ${r.address}`,
    ]);
  }
  const access = input.summary.resources.filter(
    r =>
      r.action !== 'no-op' &&
      r.action !== 'read' &&
      ACCESS.some(p => p.test(r.type)),
  );
  if (access.length > 0) {
    const names = access
      .slice(0, 3)
      .map(r => r.address)
      .join(', ');
    const more = access.length > 3 ? ` and ${access.length - 3} more` : '';
    reasons.push([
      production ? 'high' : 'medium',
      `changes network or IAM access: ${names}${more}`,
    ]);
  }
  if (input.costDelta === null) {
    reasons.push(['medium', 'its cost could not be estimated']);
  } else if (input.costDelta > 5000) {
    reasons.push([
      'high',
      `raises monthly cost by ${Math.round(input.costDelta)} USD`,
    ]);
  } else if (input.costDelta > 1000) {
    reasons.push([
      'medium',
      `raises monthly cost by ${Math.round(input.costDelta)} USD`,
    ]);
  }
  const level = reasons.reduce<RiskLevel>(
    (max, [l]) => (RANK[l] > RANK[max] ? l : max),
    'low',
  );
  return { level, reasons: reasons.map(([, reason]) => reason) };
}

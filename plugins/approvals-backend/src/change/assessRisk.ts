import type {
  ChangeSummary,
  EnvironmentTier,
  Risk,
  RiskLevel,
} from '@gatehouse/plugin-approvals-common';
import type { CostFacts } from './costFacts';
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

function productionReason(name: string) {
  return name === 'production'
    ? 'changes production'
    : `changes ${name}, a production-tier environment`;
}

function costReason(
  cost: Pick<CostFacts, 'delta' | 'deltaHigh'>,
): [RiskLevel, string] | undefined {
  if (cost.deltaHigh === null) {
    return ['medium', 'its cost could not be estimated'];
  }
  const level: RiskLevel | undefined =
    (cost.deltaHigh > 5000 && 'high') ||
    (cost.deltaHigh > 1000 && 'medium') ||
    undefined;
  if (!level) return undefined;
  const high = Math.round(cost.deltaHigh);
  return [
    level,
    cost.delta !== null && cost.deltaHigh > cost.delta
      ? `could raise monthly cost by up to ${high} USD (${Math.round(
          cost.delta,
        )} USD as planned)`
      : `raises monthly cost by ${high} USD`,
  ];
}

/**
 * The risk of a change and why: a production-tier environment (whatever it
 * is called), deletes or replacements of stateful resources, security-group
 * and IAM changes, and the most the change may add to the monthly cost each
 * raise it, whether they come from a Terraform plan or an infrastructure
 * plan's diff; `reasons` adds what was found elsewhere (raised scaling
 * ceilings, how the environment was resolved). The highest reason sets the
 * level.
 */
export function assessRisk(input: {
  environment: { name: string; tier: EnvironmentTier };
  summary: ChangeSummary;
  cost: Pick<CostFacts, 'delta' | 'deltaHigh'>;
  infraPlan?: SubmittedInfraPlan;
  reasons?: Array<[RiskLevel, string]>;
}): Risk {
  const reasons: Array<[RiskLevel, string]> = [];
  const production = input.environment.tier === 'production';
  if (production) {
    reasons.push(['medium', productionReason(input.environment.name)]);
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
  const cost = costReason(input.cost);
  if (cost) reasons.push(cost);
  reasons.push(...(input.reasons ?? []));
  const level = reasons.reduce<RiskLevel>(
    (max, [l]) => (RANK[l] > RANK[max] ? l : max),
    'low',
  );
  return { level, reasons: reasons.map(([, reason]) => reason) };
}

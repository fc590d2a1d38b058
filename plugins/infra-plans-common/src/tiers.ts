/**
 * What each environment tier must (or should) contain, in the spirit of the
 * infrastructure architecture checklist: production needs disaster recovery,
 * alerts, SLOs and encryption; staging needs observability and a rollback
 * procedure; development may omit most sections.
 *
 * `required` items missing from an environment are errors, `recommended`
 * ones are warnings, `optional` ones are not checked. The validator and the
 * README's table are both driven by {@link TIER_REQUIREMENTS}.
 */
import type { Tier } from './schema';

/** How strongly a tier asks for a section. @public */
export type RequirementLevel = 'required' | 'recommended' | 'optional';

/** One row of the tier requirements table. @public */
export interface TierRequirement {
  /** Rule identifier; issues carry `tier:<id>`. */
  id: string;
  /** Where in the environment the requirement applies. */
  section: string;
  description: string;
  levels: Record<Tier, RequirementLevel>;
}

function levels(
  development: RequirementLevel,
  staging: RequirementLevel,
  production: RequirementLevel,
): Record<Tier, RequirementLevel> {
  return { development, staging, production };
}

/** The tier requirements table. @public */
export const TIER_REQUIREMENTS: readonly TierRequirement[] = [
  {
    id: 'three-azs',
    section: 'network.vpc.availabilityZones',
    description: 'three or more availability zones (two are always required)',
    levels: levels('optional', 'optional', 'recommended'),
  },
  {
    id: 'nat-per-az',
    section: 'network.vpc.natGateways',
    description: 'one NAT gateway per availability zone',
    levels: levels('optional', 'optional', 'recommended'),
  },
  {
    id: 'flow-logs',
    section: 'network.vpc.flowLogs',
    description: 'VPC flow logs enabled',
    levels: levels('optional', 'recommended', 'required'),
  },
  {
    id: 'node-redundancy',
    section: 'compute.nodeGroups',
    description: 'at least two nodes at minimum size across node groups',
    levels: levels('optional', 'recommended', 'required'),
  },
  {
    id: 'probes',
    section: 'workloads[].probes',
    description:
      'liveness probe on every workload and readiness probe on every service',
    levels: levels('recommended', 'required', 'required'),
  },
  {
    id: 'memory-limits',
    section: 'workloads[].resources.limits.memory',
    description: 'memory limit on every workload',
    levels: levels('optional', 'recommended', 'required'),
  },
  {
    id: 'disruption-budget',
    section: 'workloads[].disruptionBudget',
    description:
      'disruption budget on every workload running more than one replica',
    levels: levels('optional', 'recommended', 'required'),
  },
  {
    id: 'autoscaling',
    section: 'workloads[].autoscaling',
    description: 'horizontal autoscaling on every service workload',
    levels: levels('optional', 'optional', 'recommended'),
  },
  {
    id: 'database-backups',
    section: 'data.databases[].backup',
    description: 'automated database backups',
    levels: levels('recommended', 'required', 'required'),
  },
  {
    id: 'database-multi-az',
    section: 'data.databases[].multiAz',
    description: 'multi-AZ databases',
    levels: levels('optional', 'recommended', 'required'),
  },
  {
    id: 'database-replicas',
    section: 'data.databases[].readReplicas',
    description: 'at least one read replica per database',
    levels: levels('optional', 'optional', 'recommended'),
  },
  {
    id: 'deletion-protection',
    section: 'data.databases[].deletionProtection',
    description: 'deletion protection on databases',
    levels: levels('optional', 'optional', 'required'),
  },
  {
    id: 'cache-replication',
    section: 'data.caches[]',
    description: 'Redis/Valkey caches with a replica and multi-AZ failover',
    levels: levels('optional', 'optional', 'recommended'),
  },
  {
    id: 'delivery',
    section: 'delivery.rollback.procedure',
    description: 'a delivery strategy with a written rollback procedure',
    levels: levels('optional', 'required', 'required'),
  },
  {
    id: 'observability',
    section: 'observability.metrics, observability.logs',
    description: 'metrics and logs collection',
    levels: levels('optional', 'required', 'required'),
  },
  {
    id: 'alerts',
    section: 'observability.alerts',
    description: 'at least one alert, and at least one critical alert',
    levels: levels('optional', 'recommended', 'required'),
  },
  {
    id: 'slos',
    section: 'slos',
    description: 'availability and latency objectives',
    levels: levels('optional', 'recommended', 'required'),
  },
  {
    id: 'disaster-recovery',
    section: 'disasterRecovery',
    description: 'RPO, RTO, recovery strategy and DR test cadence',
    levels: levels('optional', 'recommended', 'required'),
  },
  {
    id: 'encryption',
    section: 'security.encryption',
    description: 'encryption at rest and in transit enabled',
    levels: levels('optional', 'required', 'required'),
  },
  {
    id: 'secrets',
    section: 'security.secrets',
    description: 'a secrets manager (and rotation)',
    levels: levels('optional', 'recommended', 'required'),
  },
  {
    id: 'waf',
    section: 'security.waf',
    description: 'a WAF with rules in front of internet-facing load balancers',
    levels: levels('optional', 'recommended', 'required'),
  },
  {
    id: 'budget',
    section: 'budget',
    description: 'a monthly budget in USD',
    levels: levels('recommended', 'required', 'required'),
  },
];

/** The level of one requirement for a tier. @public */
export function requirementLevel(id: string, tier: Tier): RequirementLevel {
  const requirement = TIER_REQUIREMENTS.find(r => r.id === id);
  if (!requirement) throw new Error(`Unknown tier requirement ${id}`);
  return requirement.levels[tier];
}

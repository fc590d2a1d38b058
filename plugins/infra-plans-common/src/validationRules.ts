/**
 * The catalogue of validation rules: every `rule` an issue can carry, with
 * what it checks. Tier requirements add `tier:<id>` rules, listed in
 * {@link TIER_REQUIREMENTS}.
 */

/** One validation rule. @public */
export interface ValidationRule {
  id: string;
  area:
    | 'format'
    | 'network'
    | 'compute'
    | 'workloads'
    | 'data'
    | 'delivery'
    | 'observability'
    | 'disaster-recovery'
    | 'security'
    | 'slos';
  /** Usual severity; `warning` rules point at risks rather than mistakes. */
  severity: 'error' | 'warning';
  checks: string;
}

/** Every rule of {@link validatePlan} and {@link parsePlan}. @public */
export const VALIDATION_RULES: readonly ValidationRule[] = [
  {
    id: 'yaml-syntax',
    area: 'format',
    severity: 'error',
    checks: 'The text is one well-formed YAML document without duplicate keys.',
  },
  {
    id: 'schema',
    area: 'format',
    severity: 'error',
    checks:
      'Shape, types, enums and units (CPU 250m, memory 512Mi, durations 30d); unknown fields with the closest known name.',
  },
  {
    id: 'names-unique',
    area: 'format',
    severity: 'error',
    checks:
      'Names are unique: node groups, workloads, load balancers, security groups, NACLs, alerts, WAF rules (and priorities), container ports, data stores across kinds.',
  },
  {
    id: 'cidr-syntax',
    area: 'network',
    severity: 'error',
    checks:
      'Every CIDR is a valid network (octets 0–255, prefix 0–32), e.g. 10.0.300.0/24 is rejected.',
  },
  {
    id: 'cidr-host-bits',
    area: 'network',
    severity: 'error',
    checks:
      'No host bits set: 10.0.1.5/24 is reported with the network it probably meant, 10.0.1.0/24.',
  },
  {
    id: 'cidr-family',
    area: 'network',
    severity: 'error',
    checks: 'VPC and subnet blocks are IPv4.',
  },
  {
    id: 'vpc-size',
    area: 'network',
    severity: 'error',
    checks: 'The VPC block is between /16 and /28 (the AWS limits).',
  },
  {
    id: 'az-region',
    area: 'network',
    severity: 'error',
    checks:
      "Availability zones belong to the environment's region and are listed once.",
  },
  {
    id: 'eks-min-azs',
    area: 'network',
    severity: 'error',
    checks: 'At least two availability zones (EKS needs subnets in two).',
  },
  {
    id: 'subnet-outside-vpc',
    area: 'network',
    severity: 'error',
    checks: 'Every subnet lies inside the VPC block.',
  },
  {
    id: 'subnet-overlap',
    area: 'network',
    severity: 'error',
    checks: 'No two subnets (of any tier) share addresses.',
  },
  {
    id: 'subnet-az-coverage',
    area: 'network',
    severity: 'error',
    checks:
      'Each subnet tier has exactly one subnet in every listed zone, and none in other zones.',
  },
  {
    id: 'database-subnets',
    area: 'network',
    severity: 'error',
    checks:
      'Databases have a database subnet tier (warning when missing) spanning at least two zones (an RDS subnet group needs two).',
  },
  {
    id: 'nat-public-subnets',
    area: 'network',
    severity: 'error',
    checks: 'NAT gateways have public subnets to live in.',
  },
  {
    id: 'lb-placement',
    area: 'network',
    severity: 'error',
    checks:
      'Internet-facing load balancers have public subnets; internal ones are not placed in public subnets (warning).',
  },
  {
    id: 'lb-listeners',
    area: 'network',
    severity: 'error',
    checks:
      'Listener protocols fit the load balancer type; HTTPS/TLS listeners have a certificate; plain HTTP on an internet-facing LB outside development redirects to HTTPS (warning).',
  },
  {
    id: 'lb-targets',
    area: 'network',
    severity: 'error',
    checks: 'Load balancer targets are defined service workloads with ports.',
  },
  {
    id: 'sg-reference',
    area: 'network',
    severity: 'error',
    checks: 'Security groups referenced by rules and load balancers exist.',
  },
  {
    id: 'sg-open-world',
    area: 'network',
    severity: 'error',
    checks:
      'No ingress from 0.0.0.0/0 or ::/0 on ports other than 80 and 443 (ICMP from anywhere is a warning).',
  },
  {
    id: 'nacl-rules',
    area: 'network',
    severity: 'error',
    checks:
      'NACL rule numbers are 1–32766 and unique per direction; TCP/UDP rules have ports; the subnet tier exists.',
  },
  {
    id: 'node-group-sizing',
    area: 'compute',
    severity: 'error',
    checks:
      'Node groups satisfy minSize ≤ desiredSize ≤ maxSize and maxSize ≥ 1.',
  },
  {
    id: 'workload-node-group',
    area: 'compute',
    severity: 'error',
    checks: "A workload's nodeGroup exists.",
  },
  {
    id: 'taint-toleration',
    area: 'compute',
    severity: 'error',
    checks:
      'A workload tolerates the NoSchedule/NoExecute taints of the node group it runs on.',
  },
  {
    id: 'workload-fits-node',
    area: 'compute',
    severity: 'error',
    checks:
      "One pod's requests fit on one node of its node group (known instance types).",
  },
  {
    id: 'cluster-capacity',
    area: 'compute',
    severity: 'warning',
    checks:
      'All workloads at their HPA maximum fit in the node groups at maxSize.',
  },
  {
    id: 'type-known',
    area: 'compute',
    severity: 'error',
    checks:
      'Instance types, RDS instance classes and ElastiCache node types are in the price book and instance catalogue; the hint names the three nearest known ones.',
  },
  {
    id: 'version-in-calendar',
    area: 'compute',
    severity: 'error',
    checks:
      'The EKS Kubernetes version, and the RDS PostgreSQL/MySQL and ElastiCache Redis/Valkey engine versions, are on the support calendar and released on the validation date.',
  },
  {
    id: 'version-extended-support',
    area: 'compute',
    severity: 'warning',
    checks:
      'A version in extended support on the validation date: when it ends and what it costs extra.',
  },
  {
    id: 'version-support-ended',
    area: 'compute',
    severity: 'error',
    checks:
      'No version is past the end of its extended support on the validation date.',
  },
  {
    id: 'workload-ports',
    area: 'workloads',
    severity: 'error',
    checks: 'Service workloads declare at least one port.',
  },
  {
    id: 'requests-within-limits',
    area: 'workloads',
    severity: 'error',
    checks: 'CPU and memory requests do not exceed their limits.',
  },
  {
    id: 'hpa-bounds',
    area: 'workloads',
    severity: 'error',
    checks: 'HPA minReplicas ≥ 1 and minReplicas ≤ maxReplicas.',
  },
  {
    id: 'hpa-targets',
    area: 'workloads',
    severity: 'error',
    checks:
      'An HPA has at least one target; utilisation targets are whole percentages in 1–100.',
  },
  {
    id: 'replicas-within-hpa',
    area: 'workloads',
    severity: 'error',
    checks: 'The replica count lies within the HPA bounds.',
  },
  {
    id: 'probe-port',
    area: 'workloads',
    severity: 'error',
    checks: 'Probes check a port the workload declares (by number or name).',
  },
  {
    id: 'disruption-budget',
    area: 'workloads',
    severity: 'error',
    checks:
      'A disruption budget leaves at least one pod evictable at minimum scale (otherwise node drains block).',
  },
  {
    id: 'workload-expose',
    area: 'workloads',
    severity: 'error',
    checks:
      'Exposure names a defined load balancer and a declared port; host/path routing needs an ALB.',
  },
  {
    id: 'workload-references',
    area: 'workloads',
    severity: 'error',
    checks:
      'Data stores in uses, queues scaled on, secrets mounted and workloads watched by alerts are defined.',
  },
  {
    id: 'image-tag',
    area: 'workloads',
    severity: 'warning',
    checks:
      'Outside development, images are pinned to a version tag or digest, not latest.',
  },
  {
    id: 'database-storage',
    area: 'data',
    severity: 'error',
    checks:
      'RDS storage is at least 20Gi and max storage is not below the allocated size.',
  },
  {
    id: 'database-backup',
    area: 'data',
    severity: 'error',
    checks:
      'Backup retention is 1–35 days and the backup window does not overlap the maintenance window.',
  },
  {
    id: 'backup-vs-rpo',
    area: 'disaster-recovery',
    severity: 'error',
    checks:
      'Backups are at least as frequent as the RPO: an RPO of 1h needs point-in-time recovery or backups at least hourly.',
  },
  {
    id: 'cache-replication',
    area: 'data',
    severity: 'error',
    checks:
      'Multi-AZ caches have replicas; memcached has no replicas, shards or snapshots.',
  },
  {
    id: 'bucket-replication',
    area: 'data',
    severity: 'error',
    checks: 'Replicated buckets are versioned and replicate to another region.',
  },
  {
    id: 'bucket-lifecycle',
    area: 'data',
    severity: 'error',
    checks:
      'Transitions to IA classes come after 30 days, in increasing order, and before expiration.',
  },
  {
    id: 'bucket-public',
    area: 'data',
    severity: 'warning',
    checks: 'Outside development, buckets are not public.',
  },
  {
    id: 'encryption-consistency',
    area: 'security',
    severity: 'error',
    checks: 'With encryption at rest enabled, no database or bucket opts out.',
  },
  {
    id: 'queue-limits',
    area: 'data',
    severity: 'error',
    checks: 'SQS retention is 60s–14d and the visibility timeout at most 12h.',
  },
  {
    id: 'delivery-config',
    area: 'delivery',
    severity: 'error',
    checks:
      'A canary has steps; a rolling update can progress; settings for another strategy are flagged (warning).',
  },
  {
    id: 'canary-steps',
    area: 'delivery',
    severity: 'error',
    checks: 'Canary weights are in 1–100 and strictly increasing.',
  },
  {
    id: 'alert-threshold',
    area: 'observability',
    severity: 'error',
    checks:
      'Alert thresholds suit their signal: percentages in 0–100, durations for latency/age/lag, counts for queue depth; custom alerts have expr.',
  },
  {
    id: 'alert-vs-slo',
    area: 'observability',
    severity: 'warning',
    checks: 'A p95 latency alert is not looser than the p95 latency objective.',
  },
  {
    id: 'dr-region',
    area: 'disaster-recovery',
    severity: 'error',
    checks:
      "The DR region differs from the environment's; strategies beyond backup-restore and cross-region replication have one.",
  },
  {
    id: 'dr-replication',
    area: 'disaster-recovery',
    severity: 'warning',
    checks: 'When DR replicates object storage, every bucket has replication.',
  },
  {
    id: 'dr-test-cadence',
    area: 'disaster-recovery',
    severity: 'error',
    checks: 'Production DR is tested at least quarterly.',
  },
  {
    id: 'rto-feasibility',
    area: 'disaster-recovery',
    severity: 'warning',
    checks: 'An RTO under 1h is not promised by backup and restore.',
  },
  {
    id: 'region-listed',
    area: 'network',
    severity: 'error',
    checks:
      "The environment's region is in spec.regions (the DR region should be: warning).",
  },
  {
    id: 'tls-version',
    area: 'security',
    severity: 'error',
    checks: 'Minimum TLS is 1.2 or 1.3.',
  },
  {
    id: 'waf-rules',
    area: 'security',
    severity: 'error',
    checks:
      'Rate-limit rules have a limit ≥ 10; managed rules name their rule group.',
  },
  {
    id: 'slo-ranges',
    area: 'slos',
    severity: 'error',
    checks:
      'Availability is strictly between 0 and 100, error rate a percentage, p99 ≥ p95.',
  },
];

import type { ParsedPlan } from '@gatehouse/plugin-cost-node';
import type { SubmittedInfraPlan } from './infraPlan';

/**
 * Where Terraform resources keep their scaling ceiling: the most a node
 * group, a scaling group or a HorizontalPodAutoscaler may grow to without
 * anyone asking again.
 */
const TERRAFORM_CEILINGS: Array<{
  type: RegExp;
  path: Array<string | number>;
  field: string;
  unit: string;
}> = [
  {
    type: /^aws_eks_node_group$/,
    path: ['scaling_config', 0, 'max_size'],
    field: 'max_size',
    unit: 'nodes',
  },
  {
    type: /^aws_autoscaling_group$/,
    path: ['max_size'],
    field: 'max_size',
    unit: 'instances',
  },
  {
    type: /^kubernetes_horizontal_pod_autoscaler(_v1|_v2|_v2beta\d)?$/,
    path: ['spec', 0, 'max_replicas'],
    field: 'max_replicas',
    unit: 'replicas',
  },
  {
    type: /^kubernetes_manifest$/,
    path: ['manifest', 'spec', 'maxReplicas'],
    field: 'maxReplicas',
    unit: 'replicas',
  },
];

function at(values: unknown, path: Array<string | number>): unknown {
  let current = values;
  for (const step of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[step];
  }
  return current;
}

/** Ceilings a Terraform plan raises on resources that exist (new ones are priced at their ceiling). */
function terraformReasons(plan: ParsedPlan): string[] {
  const reasons: string[] = [];
  for (const change of plan.resourceChanges) {
    if (change.mode !== 'managed' || !change.before || !change.after) continue;
    const ceiling = TERRAFORM_CEILINGS.find(c => c.type.test(change.type));
    if (!ceiling) continue;
    const before = at(change.before, ceiling.path);
    const after = at(change.after, ceiling.path);
    if (
      typeof before === 'number' &&
      typeof after === 'number' &&
      after > before
    ) {
      reasons.push(
        `raises the scaling ceiling of ${change.address}: ${ceiling.field} ${before} → ${after} ${ceiling.unit}`,
      );
    }
  }
  return reasons;
}

const NODE_GROUP_MAX = /\.compute\.nodeGroups\[name=([^\]]+)\]\.maxSize$/;
const HPA_MAX = /\.workloads\[name=([^\]]+)\]\.autoscaling\.maxReplicas$/;
const HPA_ADDED = /\.workloads\[name=([^\]]+)\]\.autoscaling$/;

/** Ceilings an infrastructure plan raises in the request's environment, against the prior plan. */
function infraPlanReasons(submitted: SubmittedInfraPlan): string[] {
  if (!submitted.prior) return [];
  const reasons: string[] = [];
  for (const change of submitted.changes) {
    if (change.environment !== submitted.environment) continue;
    const raised =
      change.kind === 'changed' &&
      typeof change.before === 'number' &&
      typeof change.after === 'number' &&
      change.after > change.before;
    const nodeGroup = NODE_GROUP_MAX.exec(change.path)?.[1];
    const workload = HPA_MAX.exec(change.path)?.[1];
    if (raised && nodeGroup) {
      reasons.push(
        `raises the scaling ceiling of node group ${nodeGroup}: max ${change.before} → ${change.after} nodes`,
      );
    } else if (raised && workload) {
      reasons.push(
        `raises the autoscaling ceiling of workload ${workload}: max ${change.before} → ${change.after} replicas`,
      );
    }
    const autoscaled = HPA_ADDED.exec(change.path)?.[1];
    if (autoscaled && change.kind === 'added') {
      const max = (change.after as { maxReplicas?: number }).maxReplicas;
      const replicas = submitted.previous?.workloads.find(
        w => w.name === autoscaled,
      )?.replicas;
      if (
        typeof max === 'number' &&
        (replicas === undefined || max > replicas)
      ) {
        reasons.push(
          `adds autoscaling to workload ${autoscaled}, up to ${max} replicas${
            replicas !== undefined ? ` (${replicas} now)` : ''
          }`,
        );
      }
    }
  }
  return reasons;
}

/**
 * Raised scaling ceilings: each lets the change cost more later without
 * another approval, so each is a reason to have a person look (the cost
 * plugin prices the ceiling in the estimate's range; see costFacts).
 */
export function scalingCeilingReasons(change: {
  plan?: ParsedPlan;
  infraPlan?: SubmittedInfraPlan;
}): string[] {
  return [
    ...(change.plan ? terraformReasons(change.plan) : []),
    ...(change.infraPlan ? infraPlanReasons(change.infraPlan) : []),
  ];
}

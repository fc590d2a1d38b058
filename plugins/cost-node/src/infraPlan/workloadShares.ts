import {
  HOURS_PER_MONTH,
  InfraPlanWorkloadShare,
  roundMoney,
} from '@gatehouse/plugin-cost-common';
import type {
  EnvironmentPlan,
  NodeGroup,
  Workload,
} from '@gatehouse/plugin-infra-plans-common';
import { InvalidInputError } from '../errors';
import { estimateKubernetesWorkloads } from '../kubernetes/estimateKubernetesWorkloads';
import type { PriceBook } from '../pricing/PriceBook';

/** Taints that keep pods without a matching toleration off a node group. */
const REPELLING_EFFECTS = new Set(['NoSchedule', 'NoExecute']);

/**
 * Where a workload without `nodeGroup` lands: the first group whose taints
 * do not repel pods (the plan's validation makes sure there is one when it
 * matters).
 */
function defaultNodeGroup(groups: NodeGroup[]): NodeGroup | undefined {
  return groups.find(
    group => !(group.taints ?? []).some(t => REPELLING_EFFECTS.has(t.effect)),
  );
}

/**
 * The Kubernetes objects the generator makes of a workload, as far as cost
 * goes: a Deployment with the pod's requests, and its HPA bounds. (Canary
 * and blue-green Rollouts run the same pods.)
 */
function workloadObjects(workload: Workload, namespace: string): unknown[] {
  const deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: workload.name, namespace },
    spec: {
      replicas: workload.replicas,
      template: {
        spec: {
          containers: [
            {
              name: workload.name,
              resources: {
                requests: workload.resources.requests,
                limits: workload.resources.limits,
              },
            },
          ],
        },
      },
    },
  };
  if (!workload.autoscaling) return [deployment];
  return [
    deployment,
    {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: workload.name, namespace },
      spec: {
        scaleTargetRef: {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          name: workload.name,
        },
        minReplicas: workload.autoscaling.minReplicas,
        maxReplicas: workload.autoscaling.maxReplicas,
      },
    },
  ];
}

/**
 * What each node group's workloads take of it: the pods' requests priced as
 * a share of the group's first instance type (the same formula as
 * `estimateKubernetesWorkloads`). One entry per node group, idle ones
 * included, so a reader sees how full each group is planned to be.
 */
export function workloadShares(options: {
  environment: string;
  env: EnvironmentPlan;
  namespace: string;
  priceBook: PriceBook;
}): InfraPlanWorkloadShare[] {
  const { environment, env, namespace, priceBook } = options;
  const groups = env.compute.nodeGroups;
  const fallback = defaultNodeGroup(groups);
  const byGroup = new Map<string, Workload[]>(groups.map(g => [g.name, []]));
  const homeless: Workload[] = [];
  for (const workload of env.workloads) {
    const target = byGroup.get(workload.nodeGroup ?? fallback?.name ?? '');
    if (target) target.push(workload);
    else homeless.push(workload);
  }

  return groups.map((group, position) => {
    const instanceType = group.instanceTypes[0];
    const hourly = priceBook.price(
      env.region,
      `ec2:instance:${instanceType}`,
    )?.price;
    const nodeGroupMonthly =
      hourly === undefined ? 0 : hourly * HOURS_PER_MONTH * group.desiredSize;
    const workloads = byGroup.get(group.name)!;
    const share: InfraPlanWorkloadShare = {
      environment,
      nodeGroup: group.name,
      instanceType,
      desiredNodes: group.desiredSize,
      nodeGroupMonthly: roundMoney(nodeGroupMonthly),
      requestedMonthly: 0,
      requestedRange: { low: 0, high: 0 },
      shareOfNodeGroup: null,
      workloads: [],
      unpriced: [],
    };
    // Workloads no group takes are reported on the first group's entry.
    if (position === 0) {
      share.unpriced.push(
        ...homeless.map(w => ({
          name: w.name,
          reason: w.nodeGroup
            ? `node group ${w.nodeGroup} is not in the plan`
            : 'every node group is tainted; set nodeGroup and tolerations',
        })),
      );
    }
    if (workloads.length === 0) {
      if (nodeGroupMonthly > 0) share.shareOfNodeGroup = 0;
      return share;
    }
    try {
      const estimate = estimateKubernetesWorkloads(
        workloads.flatMap(w => workloadObjects(w, namespace)),
        { nodeInstanceType: instanceType, region: env.region, priceBook },
      );
      share.workloads = estimate.workloads;
      share.unpriced.push(
        ...estimate.unpriced.map(u => ({ name: u.name, reason: u.reason })),
      );
      share.requestedMonthly = estimate.totals.monthly;
      share.requestedRange = estimate.totals.range;
      share.shareOfNodeGroup =
        nodeGroupMonthly > 0
          ? roundMoney(estimate.totals.monthly / nodeGroupMonthly)
          : null;
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      // No price or no vCPU/memory figures for the instance type.
      share.unpriced.push(
        ...workloads.map(w => ({ name: w.name, reason: error.message })),
      );
    }
    return share;
  });
}

/**
 * Compute rules: node group sizing, whether each workload can be scheduled
 * on a node group and fits on its nodes, total capacity at maximum scale,
 * known instance types and a supported Kubernetes version.
 */
import { KNOWN_INSTANCE_TYPES } from '../../catalogue/knownTypes';
import { allocatable, instanceShape } from '../../instanceTypes';
import type { Workload } from '../../schema';
import { formatCpu, formatMemory, parseCpu, parseMemory } from '../../units';
import type { EnvContext } from '../shared/ruleContext';
import {
  checkSupportedVersion,
  checkUniqueNames,
  requireForTier,
  requireKnownType,
} from '../shared/ruleHelpers';
import type { NodeGroup } from './schema';

/** Node groups: sizing bounds, scheduling of workloads onto them, capacity. */
export function checkCompute(ctx: EnvContext): void {
  const { env } = ctx;
  const groups = env.compute.nodeGroups;
  const sink = ctx.sink.at('compute', 'nodeGroups');
  checkUniqueNames(sink, [], groups, 'node group');

  groups.forEach((group, index) => {
    const { minSize, desiredSize, maxSize, name } = group;
    if (maxSize < 1) {
      sink.error(
        'node-group-sizing',
        [index, 'maxSize'],
        `node group ${name} has maxSize ${maxSize}, so it can never run a node`,
        'set maxSize to at least 1',
      );
    }
    if (minSize > maxSize) {
      sink.error(
        'node-group-sizing',
        [index, 'minSize'],
        `node group ${name}: minSize ${minSize} is greater than maxSize ${maxSize}`,
        'sizes must satisfy minSize ≤ desiredSize ≤ maxSize',
      );
    } else if (desiredSize < minSize || desiredSize > maxSize) {
      sink.error(
        'node-group-sizing',
        [index, 'desiredSize'],
        `node group ${name}: desiredSize ${desiredSize} is outside ${minSize}–${maxSize}`,
        `sizes must satisfy minSize ≤ desiredSize ≤ maxSize; set desiredSize between ${minSize} and ${maxSize}`,
      );
    }
  });

  const minNodes = groups.reduce((sum, g) => sum + g.minSize, 0);
  if (minNodes < 2) {
    requireForTier(
      ctx,
      'node-redundancy',
      ['compute', 'nodeGroups'],
      `the node groups can shrink to ${minNodes} node${
        minNodes === 1 ? '' : 's'
      }`,
      'set minSize so at least two nodes (in different zones) always run',
    );
  }

  checkScheduling(ctx);
  checkCapacity(ctx);
}

function intolerableTaints(group: NodeGroup, workload: Workload) {
  return (group.taints ?? []).filter(
    taint =>
      taint.effect !== 'PreferNoSchedule' &&
      !(workload.tolerations ?? []).some(
        t =>
          t.key === taint.key &&
          (t.value === undefined || t.value === taint.value) &&
          (t.effect === undefined || t.effect === taint.effect),
      ),
  );
}

/** The node groups a workload can land on. */
export function candidateGroups(
  groups: readonly NodeGroup[],
  workload: Workload,
): NodeGroup[] {
  const pool = workload.nodeGroup
    ? groups.filter(g => g.name === workload.nodeGroup)
    : groups;
  return pool.filter(g => intolerableTaints(g, workload).length === 0);
}

function largestAllocatable(group: NodeGroup) {
  let best:
    | { millicores: number; memoryBytes: number; type: string }
    | undefined;
  for (const type of group.instanceTypes) {
    const shape = instanceShape(type);
    if (!shape) return undefined; // an unknown type: do not guess
    const a = allocatable(shape);
    if (!best || a.millicores > best.millicores) best = { ...a, type };
  }
  return best;
}

function checkScheduling(ctx: EnvContext): void {
  const groups = ctx.env.compute.nodeGroups;
  const names = new Set(groups.map(g => g.name));
  const sink = ctx.sink.at('workloads');
  ctx.env.workloads.forEach((workload, index) => {
    if (workload.nodeGroup && !names.has(workload.nodeGroup)) {
      sink.error(
        'workload-node-group',
        [index, 'nodeGroup'],
        `workload ${workload.name} asks for node group ${workload.nodeGroup}, which is not defined`,
        `use one of: ${[...names].join(', ')}`,
      );
      return;
    }
    const candidates = candidateGroups(groups, workload);
    if (candidates.length === 0) {
      const group =
        groups.find(g => g.name === workload.nodeGroup) ?? groups[0];
      const taint = intolerableTaints(group, workload)[0];
      sink.error(
        'taint-toleration',
        [index, workload.nodeGroup ? 'nodeGroup' : 'name'],
        workload.nodeGroup
          ? `workload ${workload.name} targets node group ${
              group.name
            }, whose taint ${taint.key}=${taint.value ?? ''}:${
              taint.effect
            } it does not tolerate`
          : `every node group is tainted and workload ${workload.name} tolerates none of the taints`,
        `add tolerations: [{ key: ${taint.key}, value: "${
          taint.value ?? ''
        }", effect: ${
          taint.effect
        } }] or schedule it on an untainted node group`,
      );
      return;
    }
    const cpu = parseCpu(workload.resources.requests.cpu) ?? 0;
    const memory = parseMemory(workload.resources.requests.memory) ?? 0;
    const sizes = candidates.map(largestAllocatable);
    if (sizes.some(s => s === undefined)) return;
    const fits = sizes.some(
      s => s && s.millicores >= cpu && s.memoryBytes >= memory,
    );
    if (!fits) {
      const biggest = sizes.reduce((a, b) =>
        (b?.millicores ?? 0) > (a?.millicores ?? 0) ? b : a,
      )!;
      sink.error(
        'workload-fits-node',
        [index, 'resources', 'requests'],
        `workload ${workload.name} requests ${formatCpu(
          cpu,
        )} CPU and ${formatMemory(memory)}, more than one ${
          biggest.type
        } node can offer (about ${formatCpu(
          Math.floor(biggest.millicores),
        )} CPU and ${formatMemory(biggest.memoryBytes)} allocatable)`,
        'lower the requests or add a larger instance type to the node group',
      );
    }
  });
}

function checkCapacity(ctx: EnvContext): void {
  const groups = ctx.env.compute.nodeGroups;
  let capacityCpu = 0;
  let capacityMemory = 0;
  for (const group of groups) {
    let smallest: { millicores: number; memoryBytes: number } | undefined;
    for (const type of group.instanceTypes) {
      const shape = instanceShape(type);
      if (!shape) return;
      const a = allocatable(shape);
      if (!smallest || a.millicores < smallest.millicores) smallest = a;
    }
    capacityCpu += (smallest?.millicores ?? 0) * group.maxSize;
    capacityMemory += (smallest?.memoryBytes ?? 0) * group.maxSize;
  }
  let needCpu = 0;
  let needMemory = 0;
  for (const workload of ctx.env.workloads) {
    const replicas = workload.autoscaling?.maxReplicas ?? workload.replicas;
    needCpu += (parseCpu(workload.resources.requests.cpu) ?? 0) * replicas;
    needMemory +=
      (parseMemory(workload.resources.requests.memory) ?? 0) * replicas;
  }
  if (needCpu > capacityCpu || needMemory > capacityMemory) {
    ctx.sink.warning(
      'cluster-capacity',
      ['compute', 'nodeGroups'],
      `at maximum scale the workloads request ${formatCpu(
        needCpu,
      )} CPU and ${formatMemory(
        needMemory,
      )}, but the node groups at maxSize offer about ${
        Math.round(capacityCpu / 100) / 10
      } CPU and ${formatMemory(capacityMemory)}`,
      'raise maxSize or use larger instances, or lower the HPA maxReplicas',
    );
  }
}

/** Node group instance types the price book and instance catalogue know. */
export function checkNodeGroupInstanceTypes(ctx: EnvContext): void {
  ctx.env.compute.nodeGroups.forEach((group, groupIndex) => {
    group.instanceTypes.forEach((type, typeIndex) =>
      requireKnownType(ctx, type, KNOWN_INSTANCE_TYPES, 'instance type', [
        'compute',
        'nodeGroups',
        groupIndex,
        'instanceTypes',
        typeIndex,
      ]),
    );
  });
}

/** The cluster's Kubernetes version against the EKS support calendar. */
export function checkKubernetesVersion(ctx: EnvContext): void {
  checkSupportedVersion(ctx, 'eks', ctx.env.compute.cluster.kubernetesVersion, [
    'compute',
    'cluster',
    'kubernetesVersion',
  ]);
}

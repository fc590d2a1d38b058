/** Figures derived from a plan, shared by the generated documents. */
import { parseCidr, usableSubnetAddresses } from '../cidr';
import { allocatable, instanceShape } from '../instanceTypes';
import type {
  EnvironmentPlan,
  InfraPlan,
  NodeGroup,
  Probe,
  SecurityGroupRule,
  SubnetTier,
  Workload,
} from '../schema';
import { TIERS } from '../schema';
import {
  GIB,
  MIB,
  formatPortRange,
  parseCpu,
  parseDuration,
  parseMemory,
  parsePortRange,
} from '../units';
import { candidateGroups } from '../sections/compute/validate';
import type { PerformanceRecommendation } from './performancePlan';

export const SUBNET_TIERS: SubnetTier[] = ['public', 'private', 'database'];

/** Environments ordered by tier (development → production), then name. */
export function orderedEnvironments(
  plan: InfraPlan,
): [string, EnvironmentPlan][] {
  return Object.entries(plan.spec.environments).sort(
    ([an, a], [bn, b]) =>
      TIERS.indexOf(a.tier) - TIERS.indexOf(b.tier) || an.localeCompare(bn),
  );
}

export function usableAddresses(cidr: string): number | null {
  const parsed = parseCidr(cidr);
  return parsed.ok ? usableSubnetAddresses(parsed.cidr) : null;
}

export interface GroupCapacity {
  /** vCPU of one node (the smallest listed instance type). */
  nodeVcpu: number;
  nodeMemoryGiB: number;
  vcpu: { min: number; desired: number; max: number };
  memoryGiB: { min: number; desired: number; max: number };
  /** Allocatable for pods at max size (millicores, bytes). */
  allocatableAtMax: { millicores: number; memoryBytes: number };
  allocatableAtDesired: { millicores: number; memoryBytes: number };
}

export function groupCapacity(group: NodeGroup): GroupCapacity | null {
  const shapes = group.instanceTypes.map(instanceShape);
  if (shapes.some(s => !s)) return null;
  const smallest = shapes.reduce((a, b) =>
    b!.vcpu < a!.vcpu || (b!.vcpu === a!.vcpu && b!.memoryGiB < a!.memoryGiB)
      ? b
      : a,
  )!;
  const alloc = allocatable(smallest);
  const times = (n: number) => ({
    min: n * group.minSize,
    desired: n * group.desiredSize,
    max: n * group.maxSize,
  });
  return {
    nodeVcpu: smallest.vcpu,
    nodeMemoryGiB: smallest.memoryGiB,
    vcpu: times(smallest.vcpu),
    memoryGiB: times(smallest.memoryGiB),
    allocatableAtMax: {
      millicores: alloc.millicores * group.maxSize,
      memoryBytes: alloc.memoryBytes * group.maxSize,
    },
    allocatableAtDesired: {
      millicores: alloc.millicores * group.desiredSize,
      memoryBytes: alloc.memoryBytes * group.desiredSize,
    },
  };
}

export interface WorkloadFigures {
  cpuRequest: number;
  cpuLimit: number | null;
  memoryRequest: number;
  memoryLimit: number | null;
  minReplicas: number;
  maxReplicas: number;
  qosClass: 'Guaranteed' | 'Burstable';
}

export function workloadFigures(w: Workload): WorkloadFigures {
  const cpuRequest = parseCpu(w.resources.requests.cpu) ?? 0;
  const memoryRequest = parseMemory(w.resources.requests.memory) ?? 0;
  const cpuLimit =
    w.resources.limits?.cpu !== undefined
      ? parseCpu(w.resources.limits.cpu) ?? null
      : null;
  const memoryLimit =
    w.resources.limits?.memory !== undefined
      ? parseMemory(w.resources.limits.memory) ?? null
      : null;
  return {
    cpuRequest,
    cpuLimit,
    memoryRequest,
    memoryLimit,
    minReplicas: w.autoscaling?.minReplicas ?? w.replicas,
    maxReplicas: w.autoscaling?.maxReplicas ?? w.replicas,
    qosClass:
      cpuLimit === cpuRequest && memoryLimit === memoryRequest
        ? 'Guaranteed'
        : 'Burstable',
  };
}

export const toMiB = (bytes: number) => Math.round((bytes / MIB) * 100) / 100;
export const toGiB = (bytes: number) => Math.round((bytes / GIB) * 100) / 100;
export const round1 = (n: number) => Math.round(n * 10) / 10;
/** A duration in whole milliseconds; null when it is not given. */
export const milliseconds = (d: string | undefined) =>
  d === undefined ? null : Math.round((parseDuration(d) ?? 0) * 1000);

/** The node group a workload lands on (its own, else the first it tolerates). */
export function placement(env: EnvironmentPlan, w: Workload): string | null {
  if (w.nodeGroup) return w.nodeGroup;
  return candidateGroups(env.compute.nodeGroups, w)[0]?.name ?? null;
}

export function describeProbe(probe: Probe | undefined): string | null {
  if (!probe) return null;
  if (probe.http) return `HTTP GET ${probe.http.path} :${probe.http.port}`;
  if (probe.tcp) return `TCP :${probe.tcp.port}`;
  if (probe.grpc) return `gRPC :${probe.grpc.port}`;
  if (probe.exec) return `exec ${probe.exec.command.join(' ')}`;
  return null;
}

export function describePeer(rule: SecurityGroupRule): string {
  if (rule.cidr) return rule.cidr;
  if (rule.securityGroup) return `sg:${rule.securityGroup}`;
  return 'self';
}

export function describePorts(
  protocol: string,
  ports: number | string | undefined,
): string {
  if (protocol === 'all') return 'all';
  const range = parsePortRange(ports);
  if (range) return formatPortRange(range);
  return protocol === 'icmp' ? '-' : String(ports ?? '-');
}

/** `minAvailable 2` or `maxUnavailable 1`, or undefined without a budget. */
export function describeBudget(w: Workload): string | undefined {
  const pdb = w.disruptionBudget;
  if (!pdb) return undefined;
  return pdb.minAvailable !== undefined
    ? `minAvailable ${pdb.minAvailable}`
    : `maxUnavailable ${pdb.maxUnavailable}`;
}

export function describeTargets(w: Workload): string[] {
  const t = w.autoscaling?.targets;
  if (!t) return [];
  return [
    t.cpuUtilization !== undefined ? `CPU ${t.cpuUtilization}%` : '',
    t.memoryUtilization !== undefined ? `memory ${t.memoryUtilization}%` : '',
    t.requestsPerSecond !== undefined
      ? `${t.requestsPerSecond} req/s per pod`
      : '',
    t.queue ? `${t.queue.messagesPerReplica} msgs/pod on ${t.queue.name}` : '',
  ].filter(Boolean);
}

/** Kubernetes objects a workload becomes. */
export function kubernetesKinds(env: EnvironmentPlan, w: Workload): string[] {
  const progressive = env.delivery && env.delivery.strategy !== 'rolling';
  return [
    progressive ? 'Rollout' : 'Deployment',
    w.type === 'service' && w.ports?.length ? 'Service' : '',
    w.autoscaling ? 'HorizontalPodAutoscaler' : '',
    w.disruptionBudget ? 'PodDisruptionBudget' : '',
    w.expose ? 'Ingress' : '',
    env.security?.networkPolicy?.defaultDeny ? 'NetworkPolicy' : '',
  ].filter(Boolean);
}

/**
 * Adds one recommendation of the performance plan about a subject (a
 * workload, data store or `environment`); its id is
 * `<environment>.<subject>.<check>`.
 */
export type Recommend = (
  subject: string,
  check: string,
  area: PerformanceRecommendation['area'],
  priority: PerformanceRecommendation['priority'],
  recommendation: string,
) => void;

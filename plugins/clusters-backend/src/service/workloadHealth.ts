import type {
  FailingPod,
  HealthStatus,
  HpaAtMaximum,
  ServiceWorkloadHealth,
  WorkloadReplicas,
} from '@gatehouse/plugin-clusters-common';
import { changeOfAnnotations } from '@gatehouse/plugin-infra-plans-common';
import type { WorkloadObjects } from '../kubernetes/objectTypes';
import { podProblem, podRestarts } from './podProblems';

/** The label that ties workloads to a catalog entity (Backstage's convention). */
export const SERVICE_LABEL = 'backstage.io/kubernetes-id';

export const emptyObjects = (): WorkloadObjects => ({
  pods: [],
  deployments: [],
  statefulsets: [],
  rollouts: [],
  horizontalpodautoscalers: [],
});

/**
 * Groups a cluster's objects by the service label, once per listing; every
 * service's health is then computed from its own small group.
 */
export function groupByService(
  objects: WorkloadObjects,
): Map<string, WorkloadObjects> {
  const groups = new Map<string, WorkloadObjects>();
  for (const type of Object.keys(objects) as (keyof WorkloadObjects)[]) {
    for (const object of objects[type]) {
      const service = object.metadata?.labels?.[SERVICE_LABEL];
      if (!service) continue;
      let group = groups.get(service);
      if (!group) {
        group = emptyObjects();
        groups.set(service, group);
      }
      (group[type] as unknown[]).push(object);
    }
  }
  return groups;
}

/** Only the objects in one namespace (the entity's namespace annotation). */
export function inNamespace(
  objects: WorkloadObjects,
  namespace: string,
): WorkloadObjects {
  const keep = <T extends { metadata?: { namespace?: string } }>(list: T[]) =>
    list.filter(o => o.metadata?.namespace === namespace);
  return {
    pods: keep(objects.pods),
    deployments: keep(objects.deployments),
    statefulsets: keep(objects.statefulsets),
    rollouts: keep(objects.rollouts),
    horizontalpodautoscalers: keep(objects.horizontalpodautoscalers),
  };
}

function workloads(objects: WorkloadObjects): WorkloadReplicas[] {
  const of = (
    kind: WorkloadReplicas['kind'],
    list: Array<{
      metadata?: {
        name?: string;
        namespace?: string;
        annotations?: Record<string, string>;
      };
      spec?: { replicas?: number };
      status?: { readyReplicas?: number };
    }>,
  ) =>
    list.map(o => ({
      kind,
      name: o.metadata?.name ?? '',
      namespace: o.metadata?.namespace ?? '',
      // Kubernetes defaults replicas to 1 when the spec leaves it out.
      desired: o.spec?.replicas ?? 1,
      ready: o.status?.readyReplicas ?? 0,
      change: changeOfAnnotations(o.metadata?.annotations),
    }));
  return [
    ...of('Deployment', objects.deployments),
    ...of('StatefulSet', objects.statefulsets),
    ...of('Rollout', objects.rollouts),
  ];
}

function hpasAtMaximum(objects: WorkloadObjects): HpaAtMaximum[] {
  return objects.horizontalpodautoscalers
    .filter(
      hpa =>
        (hpa.status?.currentReplicas ?? 0) >= hpa.spec!.maxReplicas &&
        hpa.spec!.maxReplicas > 0,
    )
    .map(hpa => ({
      name: hpa.metadata?.name ?? '',
      namespace: hpa.metadata?.namespace ?? '',
      target: `${hpa.spec!.scaleTargetRef.kind}/${
        hpa.spec!.scaleTargetRef.name
      }`,
      currentReplicas: hpa.status?.currentReplicas ?? 0,
      maxReplicas: hpa.spec!.maxReplicas,
      message:
        hpa.status?.conditions?.find(
          c => c.type === 'ScalingLimited' && c.status === 'True',
        )?.message ?? null,
    }));
}

/** Names the workload behind a pod: a ReplicaSet's name is its owner's plus a hash. */
function ownerOf(
  pod: WorkloadObjects['pods'][number],
  objects: WorkloadObjects,
): string | null {
  const owner = pod.metadata?.ownerReferences?.find(o => o.controller);
  if (!owner) return null;
  if (owner.kind !== 'ReplicaSet') return `${owner.kind}/${owner.name}`;
  const hash = pod.metadata?.labels?.['pod-template-hash'];
  const base =
    hash && owner.name.endsWith(`-${hash}`)
      ? owner.name.slice(0, -(hash.length + 1))
      : owner.name;
  if (objects.rollouts.some(r => r.metadata?.name === base))
    return `Rollout/${base}`;
  if (objects.deployments.some(d => d.metadata?.name === base))
    return `Deployment/${base}`;
  return `ReplicaSet/${owner.name}`;
}

function failingPods(objects: WorkloadObjects, now: number): FailingPod[] {
  const failing: FailingPod[] = [];
  for (const pod of objects.pods) {
    const problem = podProblem(pod, now);
    if (!problem) continue;
    failing.push({
      name: pod.metadata?.name ?? '',
      namespace: pod.metadata?.namespace ?? '',
      ...problem,
      restarts: podRestarts(pod),
      owner: ownerOf(pod, objects),
      since: pod.metadata?.creationTimestamp ?? null,
    });
  }
  return failing.sort(
    (a, b) =>
      a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name),
  );
}

function statusOf(
  replicas: WorkloadReplicas[],
  failing: FailingPod[],
  atMaximum: HpaAtMaximum[],
): HealthStatus {
  if (replicas.some(w => w.desired > 0 && w.ready === 0)) return 'failing';
  if (
    replicas.some(w => w.ready < w.desired) ||
    failing.length > 0 ||
    atMaximum.length > 0
  )
    return 'degraded';
  return 'healthy';
}

/** One service's workload health on one cluster, from its objects there. */
export function workloadHealth(
  service: {
    serviceId: string;
    entityRef: string | null;
    title: string | null;
  },
  objects: WorkloadObjects,
  now: number,
): ServiceWorkloadHealth {
  const replicas = workloads(objects);
  const failing = failingPods(objects, now);
  const atMaximum = hpasAtMaximum(objects);
  return {
    // Named one by one: a claim carries more than the answer declares.
    serviceId: service.serviceId,
    entityRef: service.entityRef,
    title: service.title,
    status: statusOf(replicas, failing, atMaximum),
    ready: replicas.reduce((sum, w) => sum + w.ready, 0),
    desired: replicas.reduce((sum, w) => sum + w.desired, 0),
    workloads: replicas,
    failingPods: failing,
    hpasAtMaximum: atMaximum,
  };
}

const SEVERITY: Record<HealthStatus, number> = {
  failing: 0,
  degraded: 1,
  healthy: 2,
};

/** The worst of several statuses. */
export function worstStatus(statuses: HealthStatus[]): HealthStatus {
  return statuses.reduce<HealthStatus>(
    (worst, s) => (SEVERITY[s] < SEVERITY[worst] ? s : worst),
    'healthy',
  );
}

/** Unhealthy first, then by name. */
export function byUrgency(a: ServiceWorkloadHealth, b: ServiceWorkloadHealth) {
  return (
    SEVERITY[a.status] - SEVERITY[b.status] ||
    a.serviceId.localeCompare(b.serviceId)
  );
}

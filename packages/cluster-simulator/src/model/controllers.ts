import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IDeploymentCondition } from 'kubernetes-models/apps/v1/DeploymentCondition';
import type { IReplicaSet } from 'kubernetes-models/apps/v1/ReplicaSet';
import type { IStatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import type { IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import type { IHorizontalPodAutoscalerCondition } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscalerCondition';
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import type { IResourceQuota } from 'kubernetes-models/v1/ResourceQuota';
import type { IPod } from 'kubernetes-models/v1/Pod';
import type { IRollout } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/Rollout';
import {
  formatCpu,
  formatMemoryQuantity,
} from '@gatehouse/plugin-infra-plans-common';
import { KubeObject } from '../types';
import { timestamp } from './ids';
import { isPodReady, resourceAmount } from './pods';

/**
 * Status computations, standing in for the Kubernetes controllers: each
 * workload's status is derived from the pods that exist, so it always agrees
 * with them.
 */

interface Condition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
  lastUpdateTime?: string;
}

/** Keeps transition times of conditions whose status did not change. */
export function carryConditionTimes<T extends Condition>(
  previous: T[] | undefined,
  next: T[],
  now: number,
): T[] {
  return next.map(c => {
    const old = previous?.find(p => p.type === c.type);
    const merged = { ...c };
    if (old && old.status === c.status) {
      merged.lastTransitionTime = old.lastTransitionTime;
      if ('lastUpdateTime' in c) {
        merged.lastUpdateTime =
          old.reason === c.reason && old.message === c.message
            ? old.lastUpdateTime
            : timestamp(now);
      }
    } else {
      merged.lastTransitionTime = timestamp(now);
      if ('lastUpdateTime' in c) {
        merged.lastUpdateTime = timestamp(now);
      }
    }
    return merged;
  });
}

function ownedBy(obj: KubeObject, owner: KubeObject): boolean {
  return (obj.metadata.ownerReferences ?? []).some(
    r => r.uid === owner.metadata.uid,
  );
}

function live(pods: KubeObject[]) {
  return pods.filter(p => !p.metadata.deletionTimestamp);
}

export function podsOwnedBy(pods: KubeObject[], owner: KubeObject) {
  return live(pods).filter(p => ownedBy(p, owner));
}

function omitZero<T extends Record<string, unknown>>(
  status: T,
  keys: string[],
): T {
  const out: Record<string, unknown> = { ...status };
  for (const key of keys) {
    if (out[key] === 0) {
      delete out[key];
    }
  }
  return out as T;
}

export function replicaSetStatus(
  rs: KubeObject,
  pods: KubeObject[],
): NonNullable<IReplicaSet['status']> {
  const owned = podsOwnedBy(pods, rs);
  const ready = owned.filter(isPodReady).length;
  return omitZero(
    {
      replicas: owned.length,
      fullyLabeledReplicas: owned.length,
      readyReplicas: ready,
      availableReplicas: ready,
      observedGeneration: rs.metadata.generation ?? 1,
    },
    ['fullyLabeledReplicas', 'readyReplicas', 'availableReplicas'],
  );
}

/** The absolute maxUnavailable of a rolling update (percentages round down). */
export function maxUnavailable(spec: IDeployment['spec'], replicas: number) {
  const value = spec?.strategy?.rollingUpdate?.maxUnavailable ?? '25%';
  if (typeof value === 'number') {
    return value;
  }
  return Math.floor((replicas * parseInt(value, 10)) / 100);
}

export function deploymentStatus(
  deployment: KubeObject,
  replicaSets: KubeObject[],
  pods: KubeObject[],
  now: number,
): NonNullable<IDeployment['status']> {
  const d = deployment as unknown as IDeployment;
  const owned = replicaSets.filter(rs => ownedBy(rs, deployment));
  const revision =
    d.metadata?.annotations?.['deployment.kubernetes.io/revision'];
  const current = owned.find(
    rs =>
      rs.metadata.annotations?.['deployment.kubernetes.io/revision'] ===
      revision,
  );
  const allPods = owned.flatMap(rs => podsOwnedBy(pods, rs));
  const updated = current ? podsOwnedBy(pods, current).length : 0;
  const ready = allPods.filter(isPodReady).length;
  const desired = d.spec?.replicas ?? 1;
  const available = ready;
  const minAvailable = desired - maxUnavailable(d.spec, desired);
  const isAvailable = available >= minAvailable;
  const conditions: IDeploymentCondition[] = [
    {
      type: 'Available',
      status: isAvailable ? 'True' : 'False',
      reason: isAvailable
        ? 'MinimumReplicasAvailable'
        : 'MinimumReplicasUnavailable',
      message: isAvailable
        ? 'Deployment has minimum availability.'
        : 'Deployment does not have minimum availability.',
      lastUpdateTime: '',
      lastTransitionTime: '',
    },
    {
      type: 'Progressing',
      status: 'True',
      reason: 'NewReplicaSetAvailable',
      message: `ReplicaSet "${
        current?.metadata.name ?? d.metadata!.name
      }" has successfully progressed.`,
      lastUpdateTime: '',
      lastTransitionTime: '',
    },
  ];
  return omitZero(
    {
      observedGeneration: d.metadata?.generation ?? 1,
      replicas: allPods.length,
      updatedReplicas: updated,
      readyReplicas: ready,
      availableReplicas: available,
      unavailableReplicas: Math.max(0, desired - available),
      conditions: carryConditionTimes(d.status?.conditions, conditions, now),
    },
    [
      'replicas',
      'updatedReplicas',
      'readyReplicas',
      'availableReplicas',
      'unavailableReplicas',
    ],
  );
}

export function statefulSetStatus(
  sts: KubeObject,
  pods: KubeObject[],
): NonNullable<IStatefulSet['status']> {
  const s = sts as unknown as IStatefulSet;
  const owned = podsOwnedBy(pods, sts);
  const ready = owned.filter(isPodReady).length;
  const revision = s.status?.updateRevision ?? s.status?.currentRevision;
  return {
    observedGeneration: s.metadata?.generation ?? 1,
    replicas: owned.length,
    readyReplicas: ready,
    currentReplicas: owned.length,
    updatedReplicas: owned.length,
    availableReplicas: ready,
    currentRevision: revision,
    updateRevision: revision,
    collisionCount: 0,
  };
}

export function rolloutStatus(
  rollout: KubeObject,
  replicaSets: KubeObject[],
  pods: KubeObject[],
  now: number,
): NonNullable<IRollout['status']> {
  const ro = rollout as unknown as IRollout;
  const previous = ro.status!;
  const owned = replicaSets.filter(rs => ownedBy(rs, rollout));
  const allPods = owned.flatMap(rs => podsOwnedBy(pods, rs));
  const canaryRs = owned.find(
    rs =>
      rs.metadata.labels?.['rollouts-pod-template-hash'] ===
      previous.currentPodHash,
  );
  const updated = canaryRs ? podsOwnedBy(pods, canaryRs).length : 0;
  const ready = allPods.filter(isPodReady).length;
  const desired = ro.spec.replicas ?? 1;
  const healthy = ready >= desired;
  const conditions = [
    {
      type: 'Available',
      status: healthy ? 'True' : 'False',
      reason: 'AvailableReason',
      message: healthy
        ? 'Rollout has minimum availability'
        : 'Rollout does not have minimum availability',
      lastUpdateTime: '',
      lastTransitionTime: '',
    },
    {
      type: 'Progressing',
      status: 'Unknown',
      reason: 'RolloutPaused',
      message: 'Rollout is paused',
      lastUpdateTime: '',
      lastTransitionTime: '',
    },
    {
      type: 'Paused',
      status: 'True',
      reason: 'RolloutPaused',
      message: 'Rollout is paused',
      lastUpdateTime: '',
      lastTransitionTime: '',
    },
    {
      type: 'Healthy',
      status: 'False',
      reason: 'RolloutHealthy',
      message: 'Rollout is not healthy',
      lastUpdateTime: '',
      lastTransitionTime: '',
    },
  ];
  return {
    ...previous,
    replicas: allPods.length,
    updatedReplicas: updated,
    readyReplicas: ready,
    availableReplicas: ready,
    HPAReplicas: allPods.length,
    observedGeneration: String(ro.metadata?.generation ?? 1),
    conditions: carryConditionTimes(previous.conditions, conditions, now),
  };
}

export function hpaStatus(
  hpa: KubeObject,
  target: KubeObject | undefined,
  now: number,
): NonNullable<IHorizontalPodAutoscaler['status']> {
  const h = hpa as unknown as IHorizontalPodAutoscaler;
  const min = h.spec!.minReplicas ?? 1;
  const max = h.spec!.maxReplicas;
  const targetStatus = target?.status as { replicas?: number } | undefined;
  const current = targetStatus?.replicas ?? 0;
  const desired = Math.min(max, Math.max(min, current));
  const metric = h.spec!.metrics?.[0];
  const metricText =
    metric?.type === 'External'
      ? `external metric ${
          metric.external!.metric.name
        }(&LabelSelector{MatchLabels:map[string]string{${Object.entries(
          metric.external!.metric.selector?.matchLabels ?? {},
        )
          .map(([k, v]) => `${k}: ${v},`)
          .join('')}},MatchExpressions:[]LabelSelectorRequirement{},})`
      : 'cpu resource utilization (percentage of request)';
  let limited: IHorizontalPodAutoscalerCondition;
  if (desired >= max) {
    limited = {
      type: 'ScalingLimited',
      status: 'True',
      reason: 'TooManyReplicas',
      message:
        'the desired replica count is more than the maximum replica count',
    };
  } else if (current < min) {
    limited = {
      type: 'ScalingLimited',
      status: 'True',
      reason: 'TooFewReplicas',
      message:
        'the desired replica count is less than the minimum replica count',
    };
  } else {
    limited = {
      type: 'ScalingLimited',
      status: 'False',
      reason: 'DesiredWithinRange',
      message: 'the desired count is within the acceptable range',
    };
  }
  const conditions: IHorizontalPodAutoscalerCondition[] = [
    {
      type: 'AbleToScale',
      status: 'True',
      reason: 'ReadyForNewScale',
      message: 'recommended size matches current size',
    },
    {
      type: 'ScalingActive',
      status: 'True',
      reason: 'ValidMetricFound',
      message: `the HPA was able to successfully calculate a replica count from ${metricText}`,
    },
    limited,
  ];
  return {
    ...h.status,
    currentReplicas: current,
    desiredReplicas: desired,
    conditions: carryConditionTimes(h.status?.conditions, conditions, now),
  };
}

export function labelsMatch(
  selector: Record<string, string> | undefined,
  labels: Record<string, string> | undefined,
) {
  if (!selector) {
    return false;
  }
  return Object.entries(selector).every(([k, v]) => labels?.[k] === v);
}

export function pdbStatus(
  pdb: KubeObject,
  namespacePods: KubeObject[],
  now: number,
): NonNullable<IPodDisruptionBudget['status']> {
  const p = pdb as unknown as IPodDisruptionBudget;
  const selected = live(namespacePods).filter(
    pod =>
      labelsMatch(p.spec?.selector?.matchLabels, pod.metadata.labels) &&
      (pod as unknown as IPod).status?.phase !== 'Succeeded',
  );
  const expected = selected.length;
  const healthy = selected.filter(isPodReady).length;
  let desiredHealthy: number;
  if (p.spec?.minAvailable !== undefined) {
    desiredHealthy = Number(p.spec.minAvailable);
  } else {
    desiredHealthy = Math.max(
      0,
      expected - Number(p.spec?.maxUnavailable ?? 0),
    );
  }
  const allowed = Math.max(0, healthy - desiredHealthy);
  return {
    observedGeneration: p.metadata?.generation ?? 1,
    currentHealthy: healthy,
    desiredHealthy,
    expectedPods: expected,
    disruptionsAllowed: allowed,
    conditions: carryConditionTimes(
      p.status?.conditions,
      [
        {
          type: 'DisruptionAllowed',
          status: allowed > 0 ? 'True' : 'False',
          reason: allowed > 0 ? 'SufficientPods' : 'InsufficientPods',
          message: '',
          lastTransitionTime: '',
          observedGeneration: p.metadata?.generation ?? 1,
        },
      ],
      now,
    ),
  };
}

export function resourceQuotaStatus(
  quota: KubeObject,
  namespacePods: KubeObject[],
): NonNullable<IResourceQuota['status']> {
  const q = quota as unknown as IResourceQuota;
  const active = live(namespacePods).filter(pod => {
    const phase = (pod as unknown as IPod).status?.phase;
    return phase !== 'Succeeded' && phase !== 'Failed';
  });
  let reqCpu = 0;
  let limCpu = 0;
  let reqMem = 0;
  let limMem = 0;
  for (const pod of active) {
    for (const c of (pod as unknown as IPod).spec?.containers ?? []) {
      const req = c.resources?.requests ?? {};
      const lim = c.resources?.limits ?? {};
      reqCpu += req.cpu !== undefined ? resourceAmount(req.cpu) * 1000 : 0;
      limCpu += lim.cpu !== undefined ? resourceAmount(lim.cpu) * 1000 : 0;
      reqMem += req.memory !== undefined ? resourceAmount(req.memory) : 0;
      limMem += lim.memory !== undefined ? resourceAmount(lim.memory) : 0;
    }
  }
  return {
    hard: { ...(q.spec?.hard ?? {}) },
    used: {
      pods: String(active.length),
      'requests.cpu': formatCpu(reqCpu),
      'requests.memory': formatMemoryQuantity(reqMem),
      'limits.cpu': formatCpu(limCpu),
      'limits.memory': formatMemoryQuantity(limMem),
    },
  };
}

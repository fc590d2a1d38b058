import {
  CHANGE_HASH_ANNOTATION,
  CHANGE_REQUEST_ANNOTATION,
} from '@gatehouse/plugin-infra-plans-common';
import type {
  ObjectTypeName,
  WorkloadObjects,
} from '../kubernetes/objectTypes';
import { SERVICE_LABEL } from '../service/workloadHealth';

/**
 * Only what the views read is kept of each object, as it arrives: a pod as
 * the API server sends it is several kilobytes (spec, managed fields,
 * volumes, env…), of which workload health reads a few hundred bytes. What
 * is read, and by whom:
 *
 * - groupByService: the service label; inNamespace: the namespace;
 * - workloadHealth: name, namespace, the change annotations, spec.replicas
 *   and status.readyReplicas of workloads; the HPA's maxReplicas,
 *   scaleTargetRef, currentReplicas and ScalingLimited condition;
 * - failingPods/ownerOf: the controller ownerReference, pod-template-hash,
 *   creationTimestamp;
 * - podProblem: phase, reason, message, deletionTimestamp, the PodScheduled
 *   and Ready conditions, each container's waiting state, last exit and
 *   restart count.
 *
 * trimObject.test.ts checks that health from trimmed objects equals health
 * from whole ones for every simulated service, so a view that starts reading
 * another field fails there first.
 */

type Raw = Record<string, any> | undefined;

/** Labels the views read (the rest of a pod's labels are dropped). */
const KEPT_LABELS = [SERVICE_LABEL, 'pod-template-hash'];
const KEPT_ANNOTATIONS = [CHANGE_REQUEST_ANNOTATION, CHANGE_HASH_ANNOTATION];
const KEPT_POD_CONDITIONS = new Set(['PodScheduled', 'Ready']);

/** Copies the named keys that are set; undefined when none is. */
function pick(from: Raw, keys: string[]): Record<string, any> | undefined {
  if (!from) return undefined;
  let picked: Record<string, any> | undefined;
  for (const key of keys) {
    if (from[key] !== undefined) (picked ??= {})[key] = from[key];
  }
  return picked;
}

function metadataOf(metadata: Raw) {
  const owner = (metadata?.ownerReferences as Raw[] | undefined)?.find(
    o => o?.controller,
  );
  return {
    name: metadata?.name,
    namespace: metadata?.namespace,
    labels: pick(metadata?.labels, KEPT_LABELS),
    annotations: pick(metadata?.annotations, KEPT_ANNOTATIONS),
    // Only the controller is read (which workload a pod belongs to).
    ownerReferences: owner
      ? [{ kind: owner.kind, name: owner.name, controller: true }]
      : undefined,
    creationTimestamp: metadata?.creationTimestamp,
    deletionTimestamp: metadata?.deletionTimestamp,
  };
}

function containerStatusOf(status: Raw) {
  const waiting = status?.state?.waiting;
  const terminated = status?.lastState?.terminated;
  return {
    name: status?.name,
    restartCount: status?.restartCount,
    state: waiting
      ? { waiting: { reason: waiting.reason, message: waiting.message } }
      : undefined,
    lastState: terminated
      ? {
          terminated: {
            exitCode: terminated.exitCode,
            reason: terminated.reason,
          },
        }
      : undefined,
  };
}

function trimPod(pod: Raw) {
  const status = pod?.status;
  return {
    metadata: metadataOf(pod?.metadata),
    status: status && {
      phase: status.phase,
      reason: status.reason,
      message: status.message,
      conditions: (status.conditions as Raw[] | undefined)
        ?.filter(c => KEPT_POD_CONDITIONS.has(c?.type))
        .map(c => pick(c, ['type', 'status', 'reason', 'message'])),
      initContainerStatuses: (
        status.initContainerStatuses as Raw[] | undefined
      )?.map(containerStatusOf),
      containerStatuses: (status.containerStatuses as Raw[] | undefined)?.map(
        containerStatusOf,
      ),
    },
  };
}

function trimWorkload(workload: Raw) {
  return {
    metadata: metadataOf(workload?.metadata),
    spec: { replicas: workload?.spec?.replicas },
    status: { readyReplicas: workload?.status?.readyReplicas },
  };
}

function trimHpa(hpa: Raw) {
  const limited = (hpa?.status?.conditions as Raw[] | undefined)?.filter(
    c => c?.type === 'ScalingLimited',
  );
  return {
    metadata: metadataOf(hpa?.metadata),
    spec: {
      maxReplicas: hpa?.spec?.maxReplicas,
      scaleTargetRef: pick(hpa?.spec?.scaleTargetRef, ['kind', 'name']),
    },
    status: {
      currentReplicas: hpa?.status?.currentReplicas,
      conditions: limited?.map(c => pick(c, ['type', 'status', 'message'])),
    },
  };
}

/** Drops undefined keys, so a trimmed object holds no empty slots. */
function compact<T>(value: T): T {
  if (Array.isArray(value)) return value.map(compact) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (v !== undefined) out[key] = compact(v);
  }
  return out as T;
}

/** The part of an object of `type` the views read. */
export function trimObject<T extends ObjectTypeName>(
  type: T,
  object: unknown,
): WorkloadObjects[T][number] {
  const raw = object as Raw;
  let trimmed: unknown;
  if (type === 'pods') trimmed = trimPod(raw);
  else if (type === 'horizontalpodautoscalers') trimmed = trimHpa(raw);
  else trimmed = trimWorkload(raw);
  return compact(trimmed) as WorkloadObjects[T][number];
}

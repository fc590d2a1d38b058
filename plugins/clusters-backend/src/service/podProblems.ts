import type { FailingPod } from '@gatehouse/plugin-clusters-common';
import type { PodObject } from '../kubernetes/objectTypes';

/**
 * A pod that has only just been created is pending while it is scheduled and
 * its images are pulled; it only counts as failing after this long, unless
 * the scheduler already said it cannot place it.
 */
export const PENDING_GRACE_MS = 2 * 60_000;

/** Waiting reasons that are part of a normal start. */
const STARTING_REASONS = new Set(['ContainerCreating', 'PodInitializing']);

type Problem = Pick<FailingPod, 'reason' | 'message'>;

function containerStatuses(pod: PodObject) {
  return [
    ...(pod.status?.initContainerStatuses ?? []),
    ...(pod.status?.containerStatuses ?? []),
  ];
}

function condition(pod: PodObject, type: string) {
  return pod.status?.conditions?.find(c => c.type === type);
}

function waitingProblem(pod: PodObject): Problem | null {
  for (const status of containerStatuses(pod)) {
    const waiting = status.state?.waiting;
    if (!waiting?.reason || STARTING_REASONS.has(waiting.reason)) continue;
    const exitCode = status.lastState?.terminated?.exitCode;
    const lastExit =
      exitCode !== undefined
        ? `; last exit code ${exitCode} (${
            status.lastState?.terminated?.reason ?? 'terminated'
          })`
        : '';
    return {
      reason:
        waiting.reason === 'CrashLoopBackOff'
          ? 'CrashLoopBackOff'
          : 'ContainerWaiting',
      message: `${status.name}: ${waiting.reason}${
        waiting.message ? `: ${waiting.message}` : ''
      }${lastExit}`,
    };
  }
  return null;
}

function pendingProblem(pod: PodObject, now: number): Problem | null {
  const scheduled = condition(pod, 'PodScheduled');
  if (scheduled?.status === 'False') {
    return {
      reason: 'Pending',
      message: `${scheduled.reason ?? 'Unschedulable'}: ${
        scheduled.message ?? 'not scheduled'
      }`,
    };
  }
  const created = Date.parse(pod.metadata?.creationTimestamp ?? '');
  if (Number.isFinite(created) && now - created < PENDING_GRACE_MS) return null;
  return {
    reason: 'Pending',
    message: pod.status?.message ?? 'pending for more than two minutes',
  };
}

/**
 * Why a pod is failing, or null when it is fine (running and ready, done,
 * terminating, or still starting within its grace period).
 */
export function podProblem(pod: PodObject, now: number): Problem | null {
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || pod.metadata?.deletionTimestamp) return null;
  if (phase === 'Failed') {
    return {
      reason: 'Failed',
      message: `${pod.status?.reason ?? 'Failed'}${
        pod.status?.message ? `: ${pod.status.message}` : ''
      }`,
    };
  }
  const waiting = waitingProblem(pod);
  if (waiting) return waiting;
  if (phase === 'Pending') return pendingProblem(pod, now);
  const ready = condition(pod, 'Ready');
  if (phase === 'Running' && ready?.status === 'False') {
    return {
      reason: 'NotReady',
      message: ready.message ?? ready.reason ?? 'not ready',
    };
  }
  return null;
}

/** Restarts of every container of the pod. */
export function podRestarts(pod: PodObject): number {
  return containerStatuses(pod).reduce(
    (sum, status) => sum + (status.restartCount ?? 0),
    0,
  );
}

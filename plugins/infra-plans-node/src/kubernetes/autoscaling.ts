/**
 * HorizontalPodAutoscaler (autoscaling/v2) with the plan's bounds, targets
 * and scaling behaviour, and the PodDisruptionBudget.
 */
import type {
  Autoscaling,
  Workload,
} from '@gatehouse/plugin-infra-plans-common';
import { parseDuration } from '@gatehouse/plugin-infra-plans-common';
import type { RenderContext } from '../context';
import { queueName } from '../terraform/queues';
import { KubeObject, objectMeta, selectorLabels } from './meta';
import { compact, deliveryOf } from './workload';

/** Metric names the custom and external metrics adapters must serve (see README). */
export const REQUESTS_PER_SECOND_METRIC = 'http_requests_per_second';
export const QUEUE_DEPTH_METRIC = 'sqs_messages_visible';

/** A Kubernetes quantity from a number: 2 → "2", 2.5 → "2500m". */
function quantity(value: number): string {
  return Number.isInteger(value)
    ? String(value)
    : `${Math.round(value * 1000)}m`;
}

function metrics(ctx: RenderContext, targets: Autoscaling['targets']) {
  const list: Record<string, unknown>[] = [];
  const utilization = (name: string, percent: number) => ({
    type: 'Resource',
    resource: {
      name,
      target: { type: 'Utilization', averageUtilization: Math.round(percent) },
    },
  });
  if (targets.cpuUtilization !== undefined) {
    list.push(utilization('cpu', targets.cpuUtilization));
  }
  if (targets.memoryUtilization !== undefined) {
    list.push(utilization('memory', targets.memoryUtilization));
  }
  if (targets.requestsPerSecond !== undefined) {
    list.push({
      type: 'Pods',
      pods: {
        metric: { name: REQUESTS_PER_SECOND_METRIC },
        target: {
          type: 'AverageValue',
          averageValue: quantity(targets.requestsPerSecond),
        },
      },
    });
  }
  if (targets.queue) {
    const queue = ctx.env.data?.queues?.find(
      q => q.name === targets.queue!.name,
    );
    list.push({
      type: 'External',
      external: {
        metric: {
          name: QUEUE_DEPTH_METRIC,
          selector: {
            matchLabels: {
              queue_name: queue ? queueName(ctx, queue) : targets.queue.name,
            },
          },
        },
        target: {
          type: 'AverageValue',
          averageValue: quantity(targets.queue.messagesPerReplica),
        },
      },
    });
  }
  return list;
}

const SELECT_POLICY: Record<string, string> = {
  max: 'Max',
  min: 'Min',
  disabled: 'Disabled',
};

function rules(
  plan: NonNullable<NonNullable<Autoscaling['behavior']>['scaleUp']>,
) {
  const window =
    plan.stabilizationWindow === undefined
      ? undefined
      : Math.round(parseDuration(plan.stabilizationWindow) ?? 0);
  return compact({
    stabilizationWindowSeconds: window,
    selectPolicy: plan.selectPolicy
      ? SELECT_POLICY[plan.selectPolicy]
      : undefined,
    policies: plan.policies?.map(p => ({
      type: p.type === 'percent' ? 'Percent' : 'Pods',
      value: p.value,
      periodSeconds: Math.round(parseDuration(p.period) ?? 60),
    })),
  });
}

export function horizontalPodAutoscaler(
  ctx: RenderContext,
  workload: Workload,
): KubeObject {
  const autoscaling = workload.autoscaling!;
  const delivery = deliveryOf(ctx, workload);
  const behavior = autoscaling.behavior;
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: objectMeta(ctx, workload.name, workload),
    spec: compact({
      scaleTargetRef:
        delivery.kind === 'Deployment'
          ? { apiVersion: 'apps/v1', kind: 'Deployment', name: workload.name }
          : {
              apiVersion: 'argoproj.io/v1alpha1',
              kind: 'Rollout',
              name: workload.name,
            },
      minReplicas: autoscaling.minReplicas,
      maxReplicas: autoscaling.maxReplicas,
      metrics: metrics(ctx, autoscaling.targets),
      behavior: behavior
        ? compact({
            scaleUp: behavior.scaleUp ? rules(behavior.scaleUp) : undefined,
            scaleDown: behavior.scaleDown
              ? rules(behavior.scaleDown)
              : undefined,
          })
        : undefined,
    }),
  };
}

export function podDisruptionBudget(
  ctx: RenderContext,
  workload: Workload,
): KubeObject {
  const budget = workload.disruptionBudget!;
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: objectMeta(ctx, workload.name, workload),
    spec: compact({
      minAvailable: budget.minAvailable,
      maxUnavailable: budget.maxUnavailable,
      selector: { matchLabels: selectorLabels(workload) },
    }),
  };
}

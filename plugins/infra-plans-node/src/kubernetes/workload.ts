/**
 * The pod-running object of a workload: a Deployment for rolling delivery,
 * an Argo Rollout (argoproj.io/v1alpha1) for blue-green and canary, with
 * the same pod template (probes, requests/limits, placement, pod security,
 * secrets, the backstage.io/kubernetes-id label).
 */
import {
  parseDuration,
  type Probe,
  type Workload,
} from '@gatehouse/plugin-infra-plans-common';
import type { RenderContext } from '../context';
import { analysisTemplateName, hasCanaryAnalysis } from './analysis';
import { KubeObject, objectMeta, selectorLabels, workloadLabels } from './meta';

/** How a workload is delivered: `Deployment`, or a Rollout with a strategy. */
export type Delivery =
  | { kind: 'Deployment' }
  | { kind: 'Rollout'; strategy: 'blue-green' | 'canary' };

/**
 * The delivery of a workload. Blue-green switches a Service between two
 * ReplicaSets, so a workload without ports (no Service) rolls out as a
 * canary without steps instead.
 */
export function deliveryOf(ctx: RenderContext, workload: Workload): Delivery {
  const strategy = ctx.env.delivery?.strategy ?? 'rolling';
  if (strategy === 'rolling') return { kind: 'Deployment' };
  if (strategy === 'blue-green' && !(workload.ports ?? []).length) {
    return { kind: 'Rollout', strategy: 'canary' };
  }
  return { kind: 'Rollout', strategy };
}

function wholeSeconds(duration: string | undefined): number | undefined {
  if (!duration) return undefined;
  const s = parseDuration(duration);
  return s === undefined ? undefined : Math.max(1, Math.round(s));
}

function probe(p: Probe | undefined): Record<string, unknown> | undefined {
  if (!p) return undefined;
  let handler: Record<string, unknown>;
  if (p.http) handler = { httpGet: { path: p.http.path, port: p.http.port } };
  else if (p.tcp) handler = { tcpSocket: { port: p.tcp.port } };
  else if (p.grpc) handler = { grpc: { port: p.grpc.port } };
  else handler = { exec: { command: p.exec?.command ?? [] } };
  return compact({
    ...handler,
    initialDelaySeconds: wholeSeconds(p.initialDelay),
    periodSeconds: wholeSeconds(p.period),
    timeoutSeconds: wholeSeconds(p.timeout),
    failureThreshold: p.failureThreshold,
  });
}

/** Drops undefined values, so the YAML holds only what is set. */
export function compact<T extends Record<string, unknown>>(record: T): T {
  return Object.fromEntries(
    Object.entries(record).filter(([, v]) => v !== undefined),
  ) as T;
}

const quantity = (v: string | number) => String(v);

function resources(workload: Workload) {
  const { requests, limits } = workload.resources;
  const limitValues = compact({
    cpu: limits?.cpu === undefined ? undefined : quantity(limits.cpu),
    memory: limits?.memory === undefined ? undefined : quantity(limits.memory),
  });
  return compact({
    requests: {
      cpu: quantity(requests.cpu),
      memory: quantity(requests.memory),
    },
    limits: Object.keys(limitValues).length ? limitValues : undefined,
  });
}

function securityContexts(ctx: RenderContext) {
  const level = ctx.env.security?.podSecurity;
  if (level === 'restricted') {
    return {
      pod: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
      container: {
        allowPrivilegeEscalation: false,
        capabilities: { drop: ['ALL'] },
        runAsNonRoot: true,
      },
    };
  }
  if (level === 'baseline') {
    return {
      pod: { seccompProfile: { type: 'RuntimeDefault' } },
      container: { allowPrivilegeEscalation: false },
    };
  }
  return { pod: undefined, container: undefined };
}

/** Kubernetes Secret name of a plan secret (a DNS subdomain). */
export function secretName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 253);
}

export function podTemplate(ctx: RenderContext, workload: Workload) {
  const security = securityContexts(ctx);
  const spread =
    ctx.env.tier !== 'development' &&
    (workload.autoscaling?.maxReplicas ?? workload.replicas) > 1;
  const ports = (workload.ports ?? []).map(p =>
    compact({
      name: p.name,
      containerPort: p.containerPort,
      protocol: p.protocol ?? 'TCP',
    }),
  );
  const container = compact({
    name: workload.name,
    image: workload.image,
    command: workload.command,
    ports: ports.length ? ports : undefined,
    envFrom: workload.secrets?.length
      ? workload.secrets.map(s => ({ secretRef: { name: secretName(s) } }))
      : undefined,
    resources: resources(workload),
    livenessProbe: probe(workload.probes?.liveness),
    readinessProbe: probe(workload.probes?.readiness),
    startupProbe: probe(workload.probes?.startup),
    securityContext: security.container,
  });
  return {
    metadata: { labels: workloadLabels(ctx, workload) },
    spec: compact({
      nodeSelector: workload.nodeGroup
        ? { 'eks.amazonaws.com/nodegroup': workload.nodeGroup }
        : undefined,
      tolerations: workload.tolerations?.map(t =>
        compact({
          key: t.key,
          operator: t.value === undefined ? 'Exists' : 'Equal',
          value: t.value,
          effect: t.effect,
        }),
      ),
      // Spread replicas over zones so losing one zone keeps the service up.
      topologySpreadConstraints: spread
        ? [
            {
              maxSkew: 1,
              topologyKey: 'topology.kubernetes.io/zone',
              whenUnsatisfiable: 'ScheduleAnyway',
              labelSelector: { matchLabels: selectorLabels(workload) },
            },
          ]
        : undefined,
      securityContext: security.pod,
      containers: [container],
    }),
  };
}

/**
 * Replicas are left to the HorizontalPodAutoscaler when there is one:
 * re-applying a fixed count would fight it.
 */
function replicas(workload: Workload): number | undefined {
  return workload.autoscaling ? undefined : workload.replicas;
}

function deployment(ctx: RenderContext, workload: Workload): KubeObject {
  const rolling = ctx.env.delivery?.rolling;
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: objectMeta(ctx, workload.name, workload),
    spec: compact({
      replicas: replicas(workload),
      revisionHistoryLimit: 5,
      selector: { matchLabels: selectorLabels(workload) },
      strategy: {
        type: 'RollingUpdate',
        rollingUpdate: {
          maxSurge: rolling?.maxSurge ?? '25%',
          maxUnavailable: rolling?.maxUnavailable ?? 0,
        },
      },
      template: podTemplate(ctx, workload),
    }),
  };
}

/** Argo Rollouts pause durations: whole seconds, minutes or hours as written, else seconds. */
function pauseDuration(duration: string): string {
  if (/^\d+[smh]$/.test(duration)) return duration;
  return `${wholeSeconds(duration) ?? 0}s`;
}

function canaryStrategy(ctx: RenderContext, workload: Workload) {
  const canary = ctx.env.delivery?.canary;
  const usesPlanSteps = ctx.env.delivery?.strategy === 'canary' && canary;
  if (!usesPlanSteps) {
    // A workload that cannot be blue-green: replace pods gradually.
    return { canary: { maxSurge: '25%', maxUnavailable: 0 } };
  }
  const steps = canary.steps.flatMap(step => [
    { setWeight: step.weight },
    ...(step.pause ? [{ pause: { duration: pauseDuration(step.pause) } }] : []),
  ]);
  return {
    canary: compact({
      maxSurge: '25%',
      maxUnavailable: 0,
      steps,
      analysis: hasCanaryAnalysis(ctx)
        ? {
            templates: [{ templateName: analysisTemplateName(workload) }],
            // Measure from the first traffic shift on.
            startingStep: 1,
            args: [
              {
                name: 'canary-hash',
                valueFrom: { podTemplateHashValue: 'Latest' },
              },
            ],
          }
        : undefined,
    }),
  };
}

function blueGreenStrategy(ctx: RenderContext, workload: Workload) {
  const settings = ctx.env.delivery?.blueGreen;
  return {
    blueGreen: compact({
      activeService: workload.name,
      previewService: `${workload.name}-preview`,
      autoPromotionEnabled: settings?.autoPromote ?? false,
      scaleDownDelaySeconds: wholeSeconds(settings?.scaleDownDelay),
      previewReplicaCount: settings?.previewReplicas,
    }),
  };
}

function rollout(
  ctx: RenderContext,
  workload: Workload,
  strategy: 'blue-green' | 'canary',
): KubeObject {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    metadata: objectMeta(ctx, workload.name, workload),
    spec: compact({
      replicas: replicas(workload),
      revisionHistoryLimit: 5,
      selector: { matchLabels: selectorLabels(workload) },
      template: podTemplate(ctx, workload),
      strategy:
        strategy === 'blue-green'
          ? blueGreenStrategy(ctx, workload)
          : canaryStrategy(ctx, workload),
    }),
  };
}

export function workloadObject(
  ctx: RenderContext,
  workload: Workload,
): KubeObject {
  const delivery = deliveryOf(ctx, workload);
  return delivery.kind === 'Deployment'
    ? deployment(ctx, workload)
    : rollout(ctx, workload, delivery.strategy);
}

import type { IReplicaSet } from 'kubernetes-models/apps/v1/ReplicaSet';
import type { IRollout } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/Rollout';
import { ClusterGenerator, registryImage } from '../src/model/ClusterGenerator';
import { ExampleScenario } from '../src/model/generate';
import {
  DAY,
  HOUR,
  MINUTE,
  SECOND,
  safeSuffix,
  timestamp,
} from '../src/model/ids';
import { ContainerPlan, podTemplate } from '../src/model/pods';

/**
 * orchestrator-api: the API, a Deployment behind a Service and an Ingress with
 * a CPU autoscaler; production scaled up 38 minutes ago and runs hot (91% of
 * its CPU request), with an Argo Rollout canary paused at 50%.
 */
export const orchestratorApi: ExampleScenario = {
  service: 'orchestrator-api',
  populate: populateOrchestratorApi,
};

function populateOrchestratorApi(g: ClusterGenerator) {
  const svc = orchestratorApi.service;
  const { T, env } = g;
  const created = g.createdAt(svc, 120, 200);
  g.namespace(svc, created - HOUR, { 'backstage.io/kubernetes-id': svc });
  g.namespaceGuards(svc, created - HOUR);
  g.configMap(svc, created, {
    LOG_LEVEL: env === 'development' ? 'debug' : 'info',
    ENVIRONMENT: env,
    KNOWLEDGE_STORE_URL:
      'http://knowledge-store.knowledge-store.svc.cluster.local:8080',
    TASK_QUEUE: 'task-runner-jobs',
  });
  const version = g.pick({
    development: '1.43.0-rc.1',
    staging: '1.42.0',
    production: '1.41.2',
  });
  const previousVersion = g.pick({
    development: '1.42.0',
    staging: '1.41.2',
    production: '1.41.1',
  });
  const replicas = g.pick({ development: 1, staging: 2, production: 6 });
  const rolledOutAt = g.rolledOutAt(svc, 20, 70);
  const scaledAt = T - 38 * MINUTE;
  const containers: ContainerPlan[] = [
    {
      name: svc,
      image: registryImage(svc),
      port: { name: 'http', containerPort: 8080 },
      cpuRequestMilli: 250,
      cpuLimitMilli: 1000,
      memoryRequestMi: 256,
      memoryLimitMi: 512,
      probes: { readinessPath: '/readyz', livenessPath: '/livez' },
      env: { PORT: '8080', ENVIRONMENT: env },
    },
    {
      name: 'log-shipper',
      image: 'public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.2',
      cpuRequestMilli: 50,
      memoryRequestMi: 64,
      memoryLimitMi: 128,
    },
  ];
  const deployment = g.deployment({
    service: svc,
    component: 'api',
    version,
    previousVersion,
    replicas,
    containers,
    createdAt: created,
    rolledOutAt,
    revision: g.between(`${svc}/rev`, 12, 40),
    scaleSteps:
      env === 'production'
        ? [
            { at: rolledOutAt, replicas: 3 },
            { at: scaledAt, replicas: 6 },
          ]
        : undefined,
  });
  g.service({
    service: svc,
    component: 'api',
    port: 80,
    targetPort: 'http',
    createdAt: created,
  });
  g.ingress(svc, created);
  g.pdb(svc, 1, created);
  const [min, max] = g.pick({
    development: [1, 2],
    staging: [2, 4],
    production: [3, 6],
  });
  const utilization = g.pick({
    development: 22,
    staging: 45,
    production: 91,
  });
  g.hpa({
    service: svc,
    target: { kind: 'Deployment', name: svc },
    min,
    max,
    metric: {
      type: 'Resource',
      resource: {
        name: 'cpu',
        target: { type: 'Utilization', averageUtilization: 70 },
      },
    },
    current: {
      type: 'Resource',
      resource: {
        name: 'cpu',
        current: {
          averageUtilization: utilization,
          averageValue: `${Math.round((250 * utilization) / 100)}m`,
        },
      },
    },
    createdAt: created,
    lastScaleTime: env === 'production' ? scaledAt : rolledOutAt,
  });
  void deployment;

  if (env === 'production') {
    canaryRollout(g, svc, containers);
  }
}

/**
 * Production only: `orchestrator-api-canary`, an Argo Rollout paused at the
 * first pause step of a canary (50%): one stable pod, one canary pod.
 */
function canaryRollout(
  g: ClusterGenerator,
  svc: string,
  containers: ContainerPlan[],
) {
  const { T, state } = g;
  const name = `${svc}-canary`;
  const stableVersion = '1.41.2';
  const canaryVersion = '1.42.0';
  const created = T - 21 * DAY;
  const canaryAt = T - 50 * MINUTE;
  const templateFor = (version: string) =>
    podTemplate({
      labels: g.labels(svc, 'api', version, name),
      annotations: { 'kubectl.kubernetes.io/default-container': svc },
      containers: containers.map(c => ({
        ...c,
        image: c.image.replace('{version}', version),
      })),
      serviceAccountName: svc,
    });
  const stableHash = safeSuffix(`${name}/${stableVersion}`, 10);
  const canaryHash = safeSuffix(`${name}/${canaryVersion}`, 10);
  const steps = [{ setWeight: 50 }, { pause: {} }, { setWeight: 100 }];
  const rollout: IRollout = {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    metadata: g.meta('Rollout', name, svc, created, {
      generation: 2,
      labels: g.labels(svc, 'api', undefined, name),
      annotations: { 'rollout.argoproj.io/revision': '2' },
    }),
    spec: {
      replicas: 2,
      revisionHistoryLimit: 3,
      selector: { matchLabels: g.selector(svc, name) },
      template: templateFor(canaryVersion) as IRollout['spec']['template'],
      strategy: {
        canary: {
          maxSurge: '25%',
          maxUnavailable: 0,
          steps,
        },
      },
    },
    status: {
      currentPodHash: canaryHash,
      stableRS: stableHash,
      currentStepIndex: 1,
      currentStepHash: safeSuffix(JSON.stringify(steps), 10),
      phase: 'Paused',
      message: 'CanaryPauseStep',
      pauseConditions: [
        { reason: 'CanaryPauseStep', startTime: timestamp(canaryAt + MINUTE) },
      ],
      controllerPause: true,
      canary: {},
      selector: `app.kubernetes.io/instance=${name},app.kubernetes.io/name=${svc}`,
      observedGeneration: '2',
      conditions: [],
    },
  };
  const stored = g.put(rollout);
  const rs = (
    hash: string,
    version: string,
    revision: number,
    createdAt: number,
    replicas: number,
  ) => {
    const template = templateFor(version);
    template.metadata!.labels!['rollouts-pod-template-hash'] = hash;
    const obj: IReplicaSet = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: g.meta('ReplicaSet', `${name}-${hash}`, svc, createdAt, {
        generation: 1,
        labels: template.metadata!.labels,
        annotations: {
          'rollout.argoproj.io/desired-replicas': '2',
          'rollout.argoproj.io/revision': String(revision),
        },
        ownerReferences: [state.ownerRef(stored)],
      }),
      spec: {
        replicas,
        selector: {
          matchLabels: {
            ...g.selector(svc, name),
            'rollouts-pod-template-hash': hash,
          },
        },
        template,
      },
    };
    const put = g.put(obj);
    state.reconcileReplicaSet(put, createdAt + 2 * SECOND);
    return put;
  };
  rs(stableHash, stableVersion, 1, created, 1);
  rs(canaryHash, canaryVersion, 2, canaryAt, 1);
}

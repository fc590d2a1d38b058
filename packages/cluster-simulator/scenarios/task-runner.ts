import type { IPod } from 'kubernetes-models/v1/Pod';
import type { ICronJob } from 'kubernetes-models/batch/v1/CronJob';
import type { IJob } from 'kubernetes-models/batch/v1/Job';
import { ClusterGenerator, registryImage } from '../src/model/ClusterGenerator';
import { ExampleScenario, markScenario } from '../src/model/generate';
import { DAY, HOUR, MINUTE, SECOND, timestamp } from '../src/model/ids';
import {
  ContainerPlan,
  createRunningPod,
  crashLoopingPod,
  podTemplate,
  succeededPod,
} from '../src/model/pods';

/**
 * task-runner: queue workers scaled on queue depth, plus a cleanup CronJob;
 * in production one pod is in CrashLoopBackOff.
 */
export const taskRunner: ExampleScenario = {
  service: 'task-runner',
  populate: populateTaskRunner,
};

function populateTaskRunner(g: ClusterGenerator) {
  const svc = taskRunner.service;
  const { T, env, state } = g;
  const created = g.createdAt(svc, 100, 180);
  g.namespace(svc, created - HOUR, { 'backstage.io/kubernetes-id': svc });
  g.namespaceGuards(svc, created - HOUR);
  g.configMap(svc, created, {
    ENVIRONMENT: env,
    QUEUE_NAME: 'task-runner-jobs',
    BROKER_URL: 'amqp://task-queue.task-runner.svc.cluster.local:5672',
    WORKER_CONCURRENCY: '8',
  });
  const version = g.pick({
    development: '0.19.0',
    staging: '0.18.2',
    production: '0.18.1',
  });
  const containers: ContainerPlan[] = [
    {
      name: svc,
      image: registryImage(svc),
      port: { name: 'metrics', containerPort: 9090 },
      cpuRequestMilli: 500,
      cpuLimitMilli: 2000,
      memoryRequestMi: 512,
      memoryLimitMi: 1024,
      probes: { readinessPath: '/readyz', livenessPath: '/livez' },
      args: ['worker', '--queue=task-runner-jobs'],
      env: { ENVIRONMENT: env },
    },
  ];
  const replicas = g.pick({ development: 1, staging: 2, production: 4 });
  const deployment = g.deployment({
    service: svc,
    component: 'worker',
    version,
    previousVersion: g.pick({
      development: '0.18.2',
      staging: '0.18.1',
      production: '0.18.0',
    }),
    replicas,
    containers,
    createdAt: created,
    rolledOutAt: g.rolledOutAt(svc, 26, 90),
    revision: g.between(`${svc}/rev`, 10, 35),
  });
  const [min, max] = g.pick({
    development: [1, 3],
    staging: [2, 6],
    production: [2, 12],
  });
  const perPod = g.pick({ development: 4, staging: 11, production: 28 });
  g.hpa({
    service: svc,
    target: { kind: 'Deployment', name: svc },
    min,
    max,
    metric: {
      type: 'External',
      external: {
        metric: {
          name: 'sqs_queue_depth',
          selector: { matchLabels: { queue: 'task-runner-jobs' } },
        },
        target: { type: 'AverageValue', averageValue: '30' },
      },
    },
    current: {
      type: 'External',
      external: {
        metric: {
          name: 'sqs_queue_depth',
          selector: { matchLabels: { queue: 'task-runner-jobs' } },
        },
        current: { averageValue: String(perPod) },
      },
    },
    createdAt: created,
    lastScaleTime: T - g.between(`${svc}/scale`, 2, 30) * HOUR,
  });
  cronJob(g, svc, version, containers[0]);

  if (env === 'production') {
    // Broken: one pod in CrashLoopBackOff.
    const pods = g.deploymentPods(deployment);
    const pod = pods[pods.length - 1];
    const broken = crashLoopingPod(pod, {
      restartCount: 7,
      exitCode: 1,
      finishedAt: T - 70 * SECOND,
    });
    markScenario(broken, 'crash-loop-backoff');
    const stored = state.put(broken);
    state.addEvent({
      involved: stored,
      fieldPath: `spec.containers{${svc}}`,
      reason: 'BackOff',
      type: 'Warning',
      message: `Back-off restarting failed container ${svc} in pod ${stored.metadata.name}_${svc}(${stored.metadata.uid})`,
      component: 'kubelet',
      host: (stored as unknown as IPod).spec!.nodeName,
      first: Date.parse(stored.metadata.creationTimestamp!) + 40 * SECOND,
      last: T - 20 * SECOND,
      count: 31,
    });
  }
}

/** The task-runner cleanup CronJob with its last (successful) Job and pod. */
function cronJob(
  g: ClusterGenerator,
  svc: string,
  version: string,
  worker: ContainerPlan,
) {
  const { T, state } = g;
  const name = `${svc}-cleanup`;
  const created = T - 45 * DAY;
  const every = 15 * MINUTE;
  const scheduled = Math.floor((T - 2 * MINUTE) / every) * every;
  const finished = scheduled + 41 * SECOND;
  const labels = g.labels(svc, 'maintenance', version, name);
  const containers: ContainerPlan[] = [
    {
      ...worker,
      name: 'cleanup',
      image: worker.image.replace('{version}', version),
      port: undefined,
      probes: undefined,
      args: ['cleanup', '--older-than=24h'],
      cpuRequestMilli: 100,
      cpuLimitMilli: 500,
      memoryRequestMi: 128,
      memoryLimitMi: 256,
    },
  ];
  const jobTemplate = podTemplate({
    labels,
    containers,
    serviceAccountName: svc,
    restartPolicy: 'Never',
  });
  const cj: ICronJob = {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: g.meta('CronJob', name, svc, created, {
      generation: 1,
      labels: g.labels(svc, 'maintenance', undefined, name),
    }),
    spec: {
      schedule: '*/15 * * * *',
      concurrencyPolicy: 'Forbid',
      suspend: false,
      successfulJobsHistoryLimit: 1,
      failedJobsHistoryLimit: 1,
      jobTemplate: {
        metadata: { labels },
        spec: { backoffLimit: 2, template: jobTemplate },
      },
    },
    status: {
      lastScheduleTime: timestamp(scheduled),
      lastSuccessfulTime: timestamp(finished),
    },
  };
  const storedCj = g.put(cj);
  const jobName = `${name}-${Math.floor(scheduled / MINUTE)}`;
  const jobUid = g.uid('Job', svc, jobName);
  const controllerLabels = {
    'batch.kubernetes.io/controller-uid': jobUid,
    'batch.kubernetes.io/job-name': jobName,
    'controller-uid': jobUid,
    'job-name': jobName,
  };
  const podTpl = structuredClone(jobTemplate);
  podTpl.metadata!.labels = { ...podTpl.metadata!.labels, ...controllerLabels };
  const job: IJob = {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: g.meta('Job', jobName, svc, scheduled, {
      generation: 1,
      labels: { ...labels, ...controllerLabels },
      annotations: {
        'batch.kubernetes.io/cronjob-scheduled-timestamp': timestamp(scheduled),
      },
      ownerReferences: [state.ownerRef(storedCj)],
    }),
    spec: {
      parallelism: 1,
      completions: 1,
      backoffLimit: 2,
      completionMode: 'NonIndexed',
      suspend: false,
      manualSelector: false,
      podReplacementPolicy: 'TerminatingOrFailed',
      selector: {
        matchLabels: { 'batch.kubernetes.io/controller-uid': jobUid },
      },
      template: podTpl,
    },
    status: {
      conditions: [
        {
          type: 'Complete',
          status: 'True',
          lastProbeTime: timestamp(finished),
          lastTransitionTime: timestamp(finished),
        },
      ],
      startTime: timestamp(scheduled),
      completionTime: timestamp(finished),
      succeeded: 1,
      ready: 0,
      terminating: 0,
      uncountedTerminatedPods: {},
    },
  };
  const storedJob = g.put(job);
  const podName = state.newPodName(svc, jobName);
  const pod = createRunningPod({
    name: podName,
    namespace: svc,
    template: podTpl,
    owner: state.ownerRef(storedJob),
    placement: state.placement(
      podName,
      scheduled + SECOND,
      state.nodesFor(svc),
    ),
    clusterName: state.name,
  });
  state.put(succeededPod(pod, finished));
}

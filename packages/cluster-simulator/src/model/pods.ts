import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IContainerStatus } from 'kubernetes-models/v1/ContainerStatus';
import type { IPod } from 'kubernetes-models/v1/Pod';
import type { IPodCondition } from 'kubernetes-models/v1/PodCondition';
import type { IPodTemplateSpec } from 'kubernetes-models/v1/PodTemplateSpec';
import type { IProbe } from 'kubernetes-models/v1/Probe';
import {
  formatCpu,
  formatMemoryQuantity,
  MIB,
  parseQuantity,
} from '@gatehouse/plugin-infra-plans-common';
import { KubeObject, KubeOwnerReference } from '../types';
import { hex, safeSuffix, SECOND, timestamp, uuid } from './ids';

/** What a container in a simulated workload looks like. */
export interface ContainerPlan {
  name: string;
  image: string;
  port?: { name: string; containerPort: number };
  cpuRequestMilli: number;
  cpuLimitMilli?: number;
  memoryRequestMi: number;
  memoryLimitMi: number;
  /** HTTP readiness/liveness probes on the named port. */
  probes?: { readinessPath: string; livenessPath: string };
  env?: Record<string, string>;
  args?: string[];
  volumeMounts?: Array<{ name: string; mountPath: string }>;
}

function probe(
  path: string,
  port: string,
  initialDelaySeconds: number,
): IProbe {
  return {
    httpGet: { path, port, scheme: 'HTTP' },
    initialDelaySeconds,
    timeoutSeconds: 1,
    periodSeconds: 10,
    successThreshold: 1,
    failureThreshold: 3,
  };
}

/**
 * The plain value (cores, bytes) of a container's resource quantity. Every
 * quantity in the simulator is written by {@link containerSpec}, so one that
 * does not parse is a bug to surface, not input to forgive.
 */
export function resourceAmount(quantity: string | number): number {
  const value = parseQuantity(quantity);
  if (value === undefined) {
    throw new Error(`Invalid quantity '${quantity}'`);
  }
  return value;
}

export function containerSpec(plan: ContainerPlan): IContainer {
  const limits: Record<string, string> = {
    memory: formatMemoryQuantity(plan.memoryLimitMi * MIB),
  };
  if (plan.cpuLimitMilli !== undefined) {
    limits.cpu = formatCpu(plan.cpuLimitMilli);
  }
  const container: IContainer = {
    name: plan.name,
    image: plan.image,
    imagePullPolicy: 'IfNotPresent',
    resources: {
      requests: {
        cpu: formatCpu(plan.cpuRequestMilli),
        memory: formatMemoryQuantity(plan.memoryRequestMi * MIB),
      },
      limits,
    },
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
  };
  if (plan.args) {
    container.args = plan.args;
  }
  if (plan.port) {
    container.ports = [
      {
        name: plan.port.name,
        containerPort: plan.port.containerPort,
        protocol: 'TCP',
      },
    ];
  }
  if (plan.env) {
    container.env = Object.entries(plan.env).map(([name, value]) => ({
      name,
      value,
    }));
  }
  if (plan.probes && plan.port) {
    container.readinessProbe = probe(
      plan.probes.readinessPath,
      plan.port.name,
      5,
    );
    container.livenessProbe = probe(
      plan.probes.livenessPath,
      plan.port.name,
      15,
    );
  }
  if (plan.volumeMounts) {
    container.volumeMounts = plan.volumeMounts;
  }
  return container;
}

export function podTemplate(options: {
  labels: Record<string, string>;
  annotations?: Record<string, string>;
  containers: ContainerPlan[];
  serviceAccountName?: string;
  volumes?: Array<{ name: string; configMap?: { name: string } }>;
  restartPolicy?: 'Always' | 'OnFailure' | 'Never';
}): IPodTemplateSpec {
  const template: IPodTemplateSpec = {
    metadata: { labels: { ...options.labels } },
    spec: {
      containers: options.containers.map(containerSpec),
      restartPolicy: options.restartPolicy ?? 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      serviceAccountName: options.serviceAccountName ?? 'default',
      serviceAccount: options.serviceAccountName ?? 'default',
      securityContext: {},
      schedulerName: 'default-scheduler',
    },
  };
  if (options.annotations) {
    template.metadata!.annotations = { ...options.annotations };
  }
  if (options.volumes) {
    template.spec!.volumes = options.volumes.map(v => ({
      name: v.name,
      configMap: v.configMap
        ? { name: v.configMap.name, defaultMode: 420 }
        : undefined,
    }));
  }
  return template;
}

/** Where and when a new pod runs. */
export interface PodPlacement {
  nodeName: string;
  hostIP: string;
  podIP: string;
  /** Creation time (ms since epoch). */
  createdAt: number;
}

export interface NewPod {
  name: string;
  namespace: string;
  template: IPodTemplateSpec;
  extraLabels?: Record<string, string>;
  owner: KubeOwnerReference;
  placement: PodPlacement;
  clusterName: string;
  hostname?: string;
  subdomain?: string;
}

/** A pod as the kubelet reports it once all containers run and are ready. */
export function createRunningPod(p: NewPod): IPod {
  const tplSpec = p.template.spec!;
  const uid = uuid(
    `${p.clusterName}/pod/${p.namespace}/${p.name}/${p.placement.createdAt}`,
  );
  const apiAccessVolume = `kube-api-access-${safeSuffix(uid, 5)}`;
  const containers: IContainer[] = tplSpec.containers.map(c => ({
    ...c,
    volumeMounts: [
      ...(c.volumeMounts ?? []),
      {
        name: apiAccessVolume,
        readOnly: true,
        mountPath: '/var/run/secrets/kubernetes.io/serviceaccount',
      },
    ],
  }));
  const pod: IPod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: p.name,
      namespace: p.namespace,
      uid,
      creationTimestamp: timestamp(p.placement.createdAt),
      labels: { ...(p.template.metadata?.labels ?? {}), ...p.extraLabels },
      ownerReferences: [{ ...p.owner }],
    },
    spec: {
      ...tplSpec,
      containers,
      volumes: [
        ...(tplSpec.volumes ?? []),
        {
          name: apiAccessVolume,
          projected: {
            defaultMode: 420,
            sources: [
              {
                serviceAccountToken: {
                  expirationSeconds: 3607,
                  path: 'token',
                },
              },
              {
                configMap: {
                  name: 'kube-root-ca.crt',
                  items: [{ key: 'ca.crt', path: 'ca.crt' }],
                },
              },
              {
                downwardAPI: {
                  items: [
                    {
                      path: 'namespace',
                      fieldRef: {
                        apiVersion: 'v1',
                        fieldPath: 'metadata.namespace',
                      },
                    },
                  ],
                },
              },
            ],
          },
        },
      ],
      nodeName: p.placement.nodeName,
      enableServiceLinks: true,
      preemptionPolicy: 'PreemptLowerPriority',
      priority: 0,
      tolerations: [
        {
          key: 'node.kubernetes.io/not-ready',
          operator: 'Exists',
          effect: 'NoExecute',
          tolerationSeconds: 300,
        },
        {
          key: 'node.kubernetes.io/unreachable',
          operator: 'Exists',
          effect: 'NoExecute',
          tolerationSeconds: 300,
        },
      ],
    },
  };
  if (p.hostname) {
    pod.spec!.hostname = p.hostname;
  }
  if (p.subdomain) {
    pod.spec!.subdomain = p.subdomain;
  }
  if (p.template.metadata?.annotations) {
    pod.metadata!.annotations = { ...p.template.metadata.annotations };
  }
  const started = p.placement.createdAt + 4 * SECOND;
  const ready = started + 12 * SECOND;
  pod.status = {
    phase: 'Running',
    conditions: podConditions(p.placement.createdAt, started, ready, true),
    hostIP: p.placement.hostIP,
    hostIPs: [{ ip: p.placement.hostIP }],
    podIP: p.placement.podIP,
    podIPs: [{ ip: p.placement.podIP }],
    startTime: timestamp(p.placement.createdAt),
    containerStatuses: containers.map(c =>
      runningContainerStatus(pod, c, started, true),
    ),
    qosClass: qosClass(containers),
  };
  return pod;
}

function podConditions(
  created: number,
  started: number,
  readyAt: number,
  ready: boolean,
  unreadyContainers: string[] = [],
): IPodCondition[] {
  const conditions: IPodCondition[] = [
    {
      type: 'PodReadyToStartContainers',
      status: 'True',
      lastProbeTime: null as unknown as string,
      lastTransitionTime: timestamp(started),
    },
    {
      type: 'Initialized',
      status: 'True',
      lastProbeTime: null as unknown as string,
      lastTransitionTime: timestamp(created),
    },
    {
      type: 'Ready',
      status: ready ? 'True' : 'False',
      lastProbeTime: null as unknown as string,
      lastTransitionTime: timestamp(readyAt),
    },
    {
      type: 'ContainersReady',
      status: ready ? 'True' : 'False',
      lastProbeTime: null as unknown as string,
      lastTransitionTime: timestamp(readyAt),
    },
    {
      type: 'PodScheduled',
      status: 'True',
      lastProbeTime: null as unknown as string,
      lastTransitionTime: timestamp(created),
    },
  ];
  if (!ready) {
    const message = `containers with unready status: [${unreadyContainers.join(
      ' ',
    )}]`;
    for (const c of conditions) {
      if (c.type === 'Ready' || c.type === 'ContainersReady') {
        c.reason = 'ContainersNotReady';
        c.message = message;
      }
    }
  }
  return conditions;
}

function imageID(image: string) {
  const repo = image.replace(/:[^:/]+$/, '');
  return `${repo}@sha256:${hex(`image/${image}`, 64)}`;
}

function containerID(pod: IPod, container: string, attempt: number) {
  return `containerd://${hex(
    `${pod.metadata!.uid}/${container}/${attempt}`,
    64,
  )}`;
}

function runningContainerStatus(
  pod: IPod,
  c: IContainer,
  startedAt: number,
  ready: boolean,
): IContainerStatus {
  return {
    name: c.name,
    image: c.image!,
    imageID: imageID(c.image!),
    containerID: containerID(pod, c.name, 0),
    ready,
    started: true,
    restartCount: 0,
    state: { running: { startedAt: timestamp(startedAt) } },
    lastState: {},
    volumeMounts: (c.volumeMounts ?? []).map(m => ({
      name: m.name,
      mountPath: m.mountPath,
      ...(m.readOnly ? { readOnly: true, recursiveReadOnly: 'Disabled' } : {}),
    })),
  };
}

function qosClass(containers: IContainer[]): 'Guaranteed' | 'Burstable' {
  const guaranteed = containers.every(c => {
    const req = c.resources?.requests ?? {};
    const lim = c.resources?.limits ?? {};
    return (
      req.cpu !== undefined &&
      req.cpu === lim.cpu &&
      req.memory !== undefined &&
      req.memory === lim.memory
    );
  });
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

function clonePod(obj: KubeObject | IPod): IPod {
  return structuredClone(obj) as IPod;
}

/**
 * A container that keeps exiting with a non-zero code and is waiting in
 * CrashLoopBackOff (`restartCount` restarts so far).
 */
export function crashLoopingPod(
  source: KubeObject | IPod,
  options: {
    container?: string;
    restartCount: number;
    exitCode: number;
    /** When the last run ended. */
    finishedAt: number;
    reason?: string;
  },
): IPod {
  const pod = clonePod(source);
  const status = pod.status!;
  const name = options.container ?? pod.spec!.containers[0].name;
  const cs = status.containerStatuses!.find(s => s.name === name)!;
  const lastFinished = options.finishedAt;
  const lastStarted = lastFinished - 9 * SECOND;
  cs.ready = false;
  cs.started = false;
  cs.restartCount = options.restartCount;
  const backoff = Math.min(
    300,
    10 * 2 ** Math.max(0, options.restartCount - 1),
  );
  const backoffText =
    backoff >= 60
      ? `${Math.floor(backoff / 60)}m${backoff % 60}s`
      : `${backoff}s`;
  cs.state = {
    waiting: {
      reason: 'CrashLoopBackOff',
      message: `back-off ${backoffText} restarting failed container=${name} pod=${
        pod.metadata!.name
      }_${pod.metadata!.namespace}(${pod.metadata!.uid})`,
    },
  };
  cs.lastState = {
    terminated: {
      exitCode: options.exitCode,
      reason: options.reason ?? 'Error',
      startedAt: timestamp(lastStarted),
      finishedAt: timestamp(lastFinished),
      containerID: containerID(pod, name, options.restartCount),
    },
  };
  cs.containerID = containerID(pod, name, options.restartCount);
  markUnready(pod, [name], lastFinished);
  return pod;
}

/** A running container whose readiness probe fails. */
export function unreadyPod(
  source: KubeObject | IPod,
  options: { container?: string; since: number },
): IPod {
  const pod = clonePod(source);
  const name = options.container ?? pod.spec!.containers[0].name;
  const cs = pod.status!.containerStatuses!.find(s => s.name === name)!;
  cs.ready = false;
  markUnready(pod, [name], options.since);
  return pod;
}

function markUnready(pod: IPod, containers: string[], since: number) {
  const message = `containers with unready status: [${containers.join(' ')}]`;
  for (const c of pod.status!.conditions ?? []) {
    if (c.type === 'Ready' || c.type === 'ContainersReady') {
      c.status = 'False';
      c.reason = 'ContainersNotReady';
      c.message = message;
      c.lastTransitionTime = timestamp(since);
    }
  }
}

/** A pod that is running and ready again (after `crash`). */
export function recoveredPod(source: KubeObject | IPod, now: number): IPod {
  const pod = clonePod(source);
  for (const cs of pod.status!.containerStatuses ?? []) {
    if (!cs.state?.running) {
      cs.state = { running: { startedAt: timestamp(now) } };
    }
    cs.ready = true;
    cs.started = true;
  }
  for (const c of pod.status!.conditions ?? []) {
    if (c.type === 'Ready' || c.type === 'ContainersReady') {
      c.status = 'True';
      delete c.reason;
      delete c.message;
      c.lastTransitionTime = timestamp(now);
    }
  }
  return pod;
}

/** A pod the scheduler could not place. */
export function unschedulablePod(
  source: KubeObject | IPod,
  options: { message: string; since: number },
): IPod {
  const pod = clonePod(source);
  delete pod.spec!.nodeName;
  pod.status = {
    phase: 'Pending',
    conditions: [
      {
        type: 'PodScheduled',
        status: 'False',
        lastProbeTime: null as unknown as string,
        lastTransitionTime: timestamp(options.since),
        reason: 'Unschedulable',
        message: options.message,
      },
    ],
    qosClass: pod.status?.qosClass ?? 'Burstable',
  };
  return pod;
}

/** A run-to-completion pod (Job) that finished successfully. */
export function succeededPod(
  source: KubeObject | IPod,
  finishedAt: number,
): IPod {
  const pod = clonePod(source);
  const created = Date.parse(pod.metadata!.creationTimestamp!);
  const started = created + 3 * SECOND;
  for (const cs of pod.status!.containerStatuses ?? []) {
    cs.ready = false;
    cs.started = false;
    cs.state = {
      terminated: {
        exitCode: 0,
        reason: 'Completed',
        startedAt: timestamp(started),
        finishedAt: timestamp(finishedAt),
        containerID: cs.containerID,
      },
    };
  }
  pod.status!.phase = 'Succeeded';
  pod.status!.conditions = podConditions(created, started, finishedAt, false)
    .map(c => {
      if (c.type === 'PodReadyToStartContainers') {
        return {
          ...c,
          status: 'False',
          lastTransitionTime: timestamp(finishedAt),
        };
      }
      if (c.type === 'Ready' || c.type === 'ContainersReady') {
        return { ...c, reason: 'PodCompleted', message: undefined };
      }
      return c;
    })
    .map(c => JSON.parse(JSON.stringify(c)));
  return pod;
}

export function isPodReady(pod: KubeObject): boolean {
  const conditions = (pod as unknown as IPod).status?.conditions ?? [];
  return conditions.some(c => c.type === 'Ready' && c.status === 'True');
}

export function podPhase(pod: KubeObject): string | undefined {
  return (pod as unknown as IPod).status?.phase;
}

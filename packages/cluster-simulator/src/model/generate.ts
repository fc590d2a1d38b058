import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IReplicaSet } from 'kubernetes-models/apps/v1/ReplicaSet';
import type { IStatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import type { IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import type { IMetricSpec } from 'kubernetes-models/autoscaling/v2/MetricSpec';
import type { IMetricStatus } from 'kubernetes-models/autoscaling/v2/MetricStatus';
import type { ICronJob } from 'kubernetes-models/batch/v1/CronJob';
import type { IJob } from 'kubernetes-models/batch/v1/Job';
import type { IIngress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { ILimitRange } from 'kubernetes-models/v1/LimitRange';
import type { INamespace } from 'kubernetes-models/v1/Namespace';
import type { INode } from 'kubernetes-models/v1/Node';
import type { IPersistentVolume } from 'kubernetes-models/v1/PersistentVolume';
import type { IPersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import type { IPod } from 'kubernetes-models/v1/Pod';
import type { IResourceQuota } from 'kubernetes-models/v1/ResourceQuota';
import type { IService } from 'kubernetes-models/v1/Service';
import type { IRollout } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/Rollout';
import type { ObjectMeta } from './objectMeta';
import { Environment, KubeObject } from '../types';
import type { ClusterState, SimNode } from './ClusterState';
import {
  DAY,
  hex,
  HOUR,
  intBetween,
  MINUTE,
  safeSuffix,
  SECOND,
  timestamp,
  uuid,
} from './ids';
import { resourceTypeByKind } from './kinds';
import {
  ContainerPlan,
  createRunningPod,
  crashLoopingPod,
  podTemplate,
  succeededPod,
  unreadyPod,
  unschedulablePod,
} from './pods';

/**
 * Builds a cluster's initial objects: nodes, namespaces, the four example
 * services with their environment's replica counts, the documented broken
 * workloads, and (for benchmarks) synthetic `bench-svc-###` services.
 */

export const REGISTRY =
  '123456789012.dkr.ecr.us-east-1.amazonaws.com/gatehouse';
export const SCENARIO_ANNOTATION = 'simulator.gatehouse.io/scenario';

/** The example services, in the order they are generated. */
export const EXAMPLE_SERVICES = [
  'orchestrator-api',
  'operator-console',
  'task-runner',
  'knowledge-store',
] as const;

const ENV_SHORT: Record<Environment, string> = {
  development: 'dev',
  staging: 'staging',
  production: 'prod',
};

interface NodeProfile {
  count: number;
  instanceType: string;
  cpu: string;
  allocCpu: string;
  memoryKi: number;
  allocMemoryKi: number;
  pods: string;
}

const NODE_PROFILES: Record<Environment | 'bench', NodeProfile> = {
  development: {
    count: 3,
    instanceType: 'm6i.large',
    cpu: '2',
    allocCpu: '1930m',
    memoryKi: 7935472,
    allocMemoryKi: 7220720,
    pods: '29',
  },
  staging: {
    count: 4,
    instanceType: 'm6i.xlarge',
    cpu: '4',
    allocCpu: '3920m',
    memoryKi: 15896328,
    allocMemoryKi: 14880520,
    pods: '58',
  },
  production: {
    count: 6,
    instanceType: 'm6i.2xlarge',
    cpu: '8',
    allocCpu: '7910m',
    memoryKi: 32475908,
    allocMemoryKi: 31458052,
    pods: '58',
  },
  bench: {
    count: 0,
    instanceType: 'm6i.2xlarge',
    cpu: '8',
    allocCpu: '7910m',
    memoryKi: 32475908,
    allocMemoryKi: 31458052,
    pods: '110',
  },
};

const ZONES = ['us-east-1a', 'us-east-1b', 'us-east-1c'];

class Generator {
  readonly T: number;
  readonly env: Environment;

  constructor(readonly state: ClusterState) {
    this.T = state.startTime;
    this.env = state.environment;
  }

  uid(kind: string, namespace: string, name: string) {
    return uuid(`${this.state.name}/${kind}/${namespace}/${name}`);
  }

  meta(
    kind: string,
    name: string,
    namespace: string | undefined,
    createdAt: number,
    extra: Partial<ObjectMeta> = {},
  ): ObjectMeta & { name: string } {
    const m: ObjectMeta & { name: string } = {
      name,
      uid: this.uid(kind, namespace ?? '', name),
      creationTimestamp: timestamp(createdAt),
      ...extra,
    };
    if (namespace !== undefined) {
      m.namespace = namespace;
    }
    return m;
  }

  put<T extends object>(obj: T): KubeObject {
    return this.state.put(obj);
  }

  // -------------------------------------------------------------- nodes

  nodes(
    profileName: Environment | 'bench',
    count: number,
    offset: number,
  ): SimNode[] {
    const profile = NODE_PROFILES[profileName];
    const out: SimNode[] = [];
    const octet = this.state.octet;
    for (let i = 0; i < count; i++) {
      const idx = offset + i;
      const zoneIndex = idx % ZONES.length;
      const third = zoneIndex * 32 + 1 + Math.floor(idx / ZONES.length);
      const fourth = intBetween(`${this.state.name}/node/${idx}`, 10, 250);
      const ip = `10.${octet}.${third}.${fourth}`;
      const name = `ip-10-${octet}-${third}-${fourth}.ec2.internal`;
      const zone = ZONES[zoneIndex];
      const created = this.T - intBetween(`${name}/age`, 3, 20) * DAY;
      const instanceId = `i-0${hex(`${name}/instance`, 16)}`;
      const nodegroup = profileName === 'bench' ? 'bench' : 'general';
      const node: INode = {
        apiVersion: 'v1',
        kind: 'Node',
        metadata: this.meta('Node', name, undefined, created, {
          labels: {
            'beta.kubernetes.io/arch': 'amd64',
            'beta.kubernetes.io/instance-type': profile.instanceType,
            'beta.kubernetes.io/os': 'linux',
            'eks.amazonaws.com/capacityType': 'ON_DEMAND',
            'eks.amazonaws.com/nodegroup': `${
              ENV_SHORT[this.env]
            }-${nodegroup}`,
            'failure-domain.beta.kubernetes.io/region': 'us-east-1',
            'failure-domain.beta.kubernetes.io/zone': zone,
            'kubernetes.io/arch': 'amd64',
            'kubernetes.io/hostname': name,
            'kubernetes.io/os': 'linux',
            'node.kubernetes.io/instance-type': profile.instanceType,
            'topology.kubernetes.io/region': 'us-east-1',
            'topology.kubernetes.io/zone': zone,
          },
          annotations: {
            'alpha.kubernetes.io/provided-node-ip': ip,
            'node.alpha.kubernetes.io/ttl': '0',
            'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
          },
        }),
        spec: { providerID: `aws:///${zone}/${instanceId}` },
        status: {
          capacity: {
            cpu: profile.cpu,
            'ephemeral-storage': '83873772Ki',
            'hugepages-1Gi': '0',
            'hugepages-2Mi': '0',
            memory: `${profile.memoryKi}Ki`,
            pods: profile.pods,
          },
          allocatable: {
            cpu: profile.allocCpu,
            'ephemeral-storage': '76224326324',
            'hugepages-1Gi': '0',
            'hugepages-2Mi': '0',
            memory: `${profile.allocMemoryKi}Ki`,
            pods: profile.pods,
          },
          conditions: [
            [
              'MemoryPressure',
              'False',
              'KubeletHasSufficientMemory',
              'kubelet has sufficient memory available',
            ],
            [
              'DiskPressure',
              'False',
              'KubeletHasNoDiskPressure',
              'kubelet has no disk pressure',
            ],
            [
              'PIDPressure',
              'False',
              'KubeletHasSufficientPID',
              'kubelet has sufficient PID available',
            ],
            [
              'Ready',
              'True',
              'KubeletReady',
              'kubelet is posting ready status',
            ],
          ].map(([type, status, reason, message]) => ({
            type,
            status,
            reason,
            message,
            lastHeartbeatTime: timestamp(this.T - 20 * SECOND),
            lastTransitionTime: timestamp(created + 30 * SECOND),
          })),
          addresses: [
            { type: 'InternalIP', address: ip },
            { type: 'InternalDNS', address: name },
            { type: 'Hostname', address: name },
          ],
          daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
          nodeInfo: {
            machineID: hex(`${name}/machine`, 32),
            systemUUID: `ec2${hex(`${name}/system`, 5)}-${hex(
              `${name}/s2`,
              4,
            )}-${hex(`${name}/s3`, 4)}-${hex(`${name}/s4`, 4)}-${hex(
              `${name}/s5`,
              12,
            )}`,
            bootID: uuid(`${name}/boot`),
            kernelVersion: '6.1.102-111.182.amzn2023.x86_64',
            osImage: 'Amazon Linux 2023.5.20240819',
            containerRuntimeVersion: 'containerd://1.7.20',
            kubeletVersion: 'v1.30.4-eks-a737599',
            kubeProxyVersion: 'v1.30.4-eks-a737599',
            operatingSystem: 'linux',
            architecture: 'amd64',
          },
        },
      };
      this.put(node);
      out.push({ name, ip, zone });
    }
    return out;
  }

  // ---------------------------------------------------------- namespaces

  namespace(
    name: string,
    createdAt: number,
    labels: Record<string, string> = {},
  ) {
    const ns: INamespace = {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: this.meta('Namespace', name, undefined, createdAt, {
        labels: { 'kubernetes.io/metadata.name': name, ...labels },
      }),
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    };
    this.put(ns);
    const ca: IConfigMap = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: this.meta('ConfigMap', 'kube-root-ca.crt', name, createdAt, {
        annotations: {
          'kubernetes.io/description':
            'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.',
        },
      }),
      data: {
        'ca.crt': `-----BEGIN CERTIFICATE-----\n${Buffer.from(
          `simulated cluster CA for ${this.state.name}`,
        ).toString('base64')}\n-----END CERTIFICATE-----\n`,
      },
    };
    this.put(ca);
  }

  // --------------------------------------------------------- workloads

  labels(
    service: string,
    component: string,
    version: string | undefined,
    instance = service,
  ): Record<string, string> {
    const l: Record<string, string> = {
      'app.kubernetes.io/name': service,
      'app.kubernetes.io/instance': instance,
      'app.kubernetes.io/component': component,
      'app.kubernetes.io/part-of': 'gatehouse',
      'app.kubernetes.io/managed-by': 'Helm',
      'backstage.io/kubernetes-id': service,
      'gatehouse.io/environment': this.env,
    };
    if (version) {
      l['app.kubernetes.io/version'] = version;
    }
    return l;
  }

  selector(service: string, instance = service) {
    return {
      'app.kubernetes.io/name': service,
      'app.kubernetes.io/instance': instance,
    };
  }

  /**
   * A Deployment with its current ReplicaSet (and an older, scaled-down one),
   * whose pods are created as the ReplicaSet controller would.
   */
  deployment(p: {
    service: string;
    name?: string;
    component: string;
    version: string;
    previousVersion?: string;
    replicas: number;
    containers: ContainerPlan[];
    createdAt: number;
    rolledOutAt: number;
    revision: number;
    /** Extra scale-ups after the rollout: pods created at those times. */
    scaleSteps?: Array<{ at: number; replicas: number }>;
  }): KubeObject {
    const name = p.name ?? p.service;
    const ns = p.service;
    const labels = this.labels(p.service, p.component, undefined, name);
    const templateFor = (version: string) =>
      podTemplate({
        labels: this.labels(p.service, p.component, version, name),
        annotations: {
          'kubectl.kubernetes.io/default-container': p.containers[0].name,
        },
        containers: p.containers.map(c => ({
          ...c,
          image: c.image.replace('{version}', version),
        })),
        serviceAccountName: p.service,
      });
    const deployment: IDeployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: this.meta('Deployment', name, ns, p.createdAt, {
        generation: p.revision + 2,
        labels,
        annotations: {
          'deployment.kubernetes.io/revision': String(p.revision),
          'meta.helm.sh/release-name': name,
          'meta.helm.sh/release-namespace': ns,
        },
      }),
      spec: {
        replicas: p.replicas,
        selector: { matchLabels: this.selector(p.service, name) },
        template: templateFor(p.version),
        strategy: {
          type: 'RollingUpdate',
          rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' },
        },
        revisionHistoryLimit: 10,
        progressDeadlineSeconds: 600,
      },
      status: {},
    };
    const stored = this.put(deployment);
    const rsFor = (
      version: string,
      revision: number,
      createdAt: number,
      replicas: number,
    ) => {
      const template = templateFor(version);
      const hash = safeSuffix(`${ns}/${name}/${JSON.stringify(template)}`, 10);
      template.metadata!.labels!['pod-template-hash'] = hash;
      const rsName = `${name}-${hash}`;
      const rs: IReplicaSet = {
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        metadata: this.meta('ReplicaSet', rsName, ns, createdAt, {
          generation: replicas > 0 ? 1 : 2,
          labels: template.metadata!.labels,
          annotations: {
            'deployment.kubernetes.io/desired-replicas': String(p.replicas),
            'deployment.kubernetes.io/max-replicas': String(
              p.replicas + Math.ceil(p.replicas * 0.25),
            ),
            'deployment.kubernetes.io/revision': String(revision),
            'meta.helm.sh/release-name': name,
            'meta.helm.sh/release-namespace': ns,
          },
          ownerReferences: [this.state.ownerRef(stored)],
        }),
        spec: {
          replicas,
          selector: {
            matchLabels: {
              ...this.selector(p.service, name),
              'pod-template-hash': hash,
            },
          },
          template,
        },
      };
      return this.put(rs);
    };
    if (p.previousVersion) {
      const old = rsFor(
        p.previousVersion,
        p.revision - 1,
        p.rolledOutAt - intBetween(`${ns}/${name}/prev`, 2, 9) * DAY,
        0,
      );
      this.put({ ...old, status: { replicas: 0, observedGeneration: 2 } });
    }
    const steps = p.scaleSteps ?? [];
    const initial = steps.length ? steps[0].replicas : p.replicas;
    let rs = rsFor(p.version, p.revision, p.rolledOutAt, initial);
    this.state.reconcileReplicaSet(rs, p.rolledOutAt + 2 * SECOND);
    for (const step of steps.slice(1)) {
      rs = this.put({
        ...rs,
        spec: { ...(rs.spec as object), replicas: step.replicas },
      });
      this.state.reconcileReplicaSet(rs, step.at);
    }
    if (rs.spec && (rs.spec as { replicas: number }).replicas !== p.replicas) {
      rs = this.put({
        ...rs,
        spec: { ...(rs.spec as object), replicas: p.replicas },
      });
      this.state.reconcileReplicaSet(rs, p.rolledOutAt + 2 * SECOND);
    }
    return stored;
  }

  statefulSet(p: {
    service: string;
    component: string;
    version: string;
    replicas: number;
    containers: ContainerPlan[];
    createdAt: number;
    rolledOutAt: number;
    storage: string;
  }): KubeObject {
    const ns = p.service;
    const name = p.service;
    const template = podTemplate({
      labels: this.labels(p.service, p.component, p.version),
      containers: p.containers.map(c => ({
        ...c,
        image: c.image.replace('{version}', p.version),
        volumeMounts: [{ name: 'data', mountPath: '/var/lib/knowledge-store' }],
      })),
      serviceAccountName: p.service,
    });
    const revision = `${name}-${safeSuffix(JSON.stringify(template), 10)}`;
    const sts: IStatefulSet = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: this.meta('StatefulSet', name, ns, p.createdAt, {
        generation: 4,
        labels: this.labels(p.service, p.component, undefined),
        annotations: {
          'meta.helm.sh/release-name': name,
          'meta.helm.sh/release-namespace': ns,
        },
      }),
      spec: {
        replicas: p.replicas,
        selector: { matchLabels: this.selector(p.service) },
        serviceName: `${name}-headless`,
        template,
        volumeClaimTemplates: [
          {
            apiVersion: 'v1',
            kind: 'PersistentVolumeClaim',
            metadata: {
              name: 'data',
              labels: this.labels(p.service, p.component, undefined),
            },
            spec: {
              accessModes: ['ReadWriteOnce'],
              resources: { requests: { storage: p.storage } },
              storageClassName: 'gp3',
              volumeMode: 'Filesystem',
            },
            status: { phase: 'Pending' },
          },
        ],
        podManagementPolicy: 'OrderedReady',
        updateStrategy: {
          type: 'RollingUpdate',
          rollingUpdate: { partition: 0 },
        },
        revisionHistoryLimit: 10,
        persistentVolumeClaimRetentionPolicy: {
          whenDeleted: 'Retain',
          whenScaled: 'Retain',
        },
      },
      status: {
        replicas: 0,
        currentRevision: revision,
        updateRevision: revision,
      },
    };
    const stored = this.put(sts);
    this.state.reconcileStatefulSet(stored, p.rolledOutAt);
    return stored;
  }

  /** The claim (and, when bound, the EBS volume) of one StatefulSet pod. */
  claim(sts: KubeObject, pod: KubeObject, storage: string, bound: boolean) {
    const ns = sts.metadata.namespace!;
    const claimName = `data-${pod.metadata.name}`;
    const created = Date.parse(pod.metadata.creationTimestamp!);
    const uid = this.uid('PersistentVolumeClaim', ns, claimName);
    const volumeName = `pvc-${uid}`;
    const nodeName = (pod as unknown as IPod).spec?.nodeName;
    const zone =
      this.state.nodes.find(n => n.name === nodeName)?.zone ?? ZONES[0];
    const pvc: IPersistentVolumeClaim = {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: {
        ...this.meta('PersistentVolumeClaim', claimName, ns, created - SECOND),
        labels: { ...sts.metadata.labels },
        annotations: bound
          ? {
              'pv.kubernetes.io/bind-completed': 'yes',
              'pv.kubernetes.io/bound-by-controller': 'yes',
              'volume.beta.kubernetes.io/storage-provisioner':
                'ebs.csi.aws.com',
              'volume.kubernetes.io/selected-node': nodeName ?? '',
              'volume.kubernetes.io/storage-provisioner': 'ebs.csi.aws.com',
            }
          : {},
        finalizers: ['kubernetes.io/pvc-protection'],
      },
      spec: {
        accessModes: ['ReadWriteOnce'],
        resources: { requests: { storage } },
        storageClassName: 'gp3',
        volumeMode: 'Filesystem',
        ...(bound ? { volumeName } : {}),
      },
      status: bound
        ? {
            phase: 'Bound',
            accessModes: ['ReadWriteOnce'],
            capacity: { storage },
          }
        : { phase: 'Pending' },
    };
    this.put(pvc);
    if (!bound) {
      return;
    }
    const pv: IPersistentVolume = {
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: {
        ...this.meta('PersistentVolume', volumeName, undefined, created),
        annotations: { 'pv.kubernetes.io/provisioned-by': 'ebs.csi.aws.com' },
        finalizers: [
          'kubernetes.io/pv-protection',
          'external-attacher/ebs-csi-aws-com',
        ],
      },
      spec: {
        accessModes: ['ReadWriteOnce'],
        capacity: { storage },
        claimRef: {
          apiVersion: 'v1',
          kind: 'PersistentVolumeClaim',
          name: claimName,
          namespace: ns,
          uid,
        },
        csi: {
          driver: 'ebs.csi.aws.com',
          fsType: 'ext4',
          volumeHandle: `vol-0${hex(`${volumeName}/vol`, 16)}`,
          volumeAttributes: {
            'storage.kubernetes.io/csiProvisionerIdentity':
              '1716900000000-8081-ebs.csi.aws.com',
          },
        },
        nodeAffinity: {
          required: {
            nodeSelectorTerms: [
              {
                matchExpressions: [
                  {
                    key: 'topology.kubernetes.io/zone',
                    operator: 'In',
                    values: [zone],
                  },
                ],
              },
            ],
          },
        },
        persistentVolumeReclaimPolicy: 'Delete',
        storageClassName: 'gp3',
        volumeMode: 'Filesystem',
      },
      status: { phase: 'Bound', lastPhaseTransitionTime: timestamp(created) },
    };
    this.put(pv);
  }

  service(p: {
    service: string;
    name?: string;
    component: string;
    port: number;
    targetPort: string;
    headless?: boolean;
    createdAt: number;
  }) {
    const name = p.name ?? p.service;
    const ip = p.headless
      ? 'None'
      : `172.20.${intBetween(
          `${this.state.name}/${p.service}/${name}/ip3`,
          1,
          254,
        )}.${intBetween(
          `${this.state.name}/${p.service}/${name}/ip4`,
          2,
          254,
        )}`;
    const svc: IService = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: this.meta('Service', name, p.service, p.createdAt, {
        labels: this.labels(p.service, p.component, undefined),
        annotations: {
          'meta.helm.sh/release-name': p.service,
          'meta.helm.sh/release-namespace': p.service,
        },
      }),
      spec: {
        type: 'ClusterIP',
        clusterIP: ip,
        clusterIPs: [ip],
        internalTrafficPolicy: 'Cluster',
        ipFamilies: ['IPv4'],
        ipFamilyPolicy: 'SingleStack',
        ports: [
          {
            name: p.targetPort,
            port: p.port,
            protocol: 'TCP',
            targetPort: p.targetPort,
          },
        ],
        selector: this.selector(p.service),
        sessionAffinity: 'None',
        ...(p.headless ? { publishNotReadyAddresses: true } : {}),
      },
      status: { loadBalancer: {} },
    };
    this.put(svc);
  }

  ingress(service: string, createdAt: number) {
    const host = `${service}.${ENV_SHORT[this.env]}.gatehouse.internal`;
    const lb = `internal-k8s-${service.slice(0, 8)}-${hex(
      `${this.state.name}/${service}/alb`,
      10,
    )}-${intBetween(
      `${this.state.name}/${service}/albn`,
      100000000,
      999999999,
    )}.us-east-1.elb.amazonaws.com`;
    const ing: IIngress = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: this.meta('Ingress', service, service, createdAt, {
        generation: 1,
        labels: this.labels(service, 'ingress', undefined),
        annotations: {
          'alb.ingress.kubernetes.io/scheme': 'internal',
          'alb.ingress.kubernetes.io/target-type': 'ip',
          'alb.ingress.kubernetes.io/group.name': `gatehouse-${
            ENV_SHORT[this.env]
          }`,
          'meta.helm.sh/release-name': service,
          'meta.helm.sh/release-namespace': service,
        },
        finalizers: [`group.ingress.k8s.aws/gatehouse-${ENV_SHORT[this.env]}`],
      }),
      spec: {
        ingressClassName: 'alb',
        rules: [
          {
            host,
            http: {
              paths: [
                {
                  path: '/',
                  pathType: 'Prefix',
                  backend: { service: { name: service, port: { number: 80 } } },
                },
              ],
            },
          },
        ],
      },
      status: { loadBalancer: { ingress: [{ hostname: lb }] } },
    };
    this.put(ing);
  }

  hpa(p: {
    service: string;
    target: { kind: string; name: string };
    min: number;
    max: number;
    metric: IMetricSpec;
    current: IMetricStatus;
    createdAt: number;
    lastScaleTime: number;
  }) {
    const hpa: IHorizontalPodAutoscaler = {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: this.meta(
        'HorizontalPodAutoscaler',
        p.target.name,
        p.service,
        p.createdAt,
        {
          labels: this.labels(p.service, 'autoscaler', undefined),
          annotations: {
            'meta.helm.sh/release-name': p.service,
            'meta.helm.sh/release-namespace': p.service,
          },
        },
      ),
      spec: {
        scaleTargetRef: {
          apiVersion: 'apps/v1',
          kind: p.target.kind,
          name: p.target.name,
        },
        minReplicas: p.min,
        maxReplicas: p.max,
        metrics: [p.metric],
      },
      status: {
        currentMetrics: [p.current],
        currentReplicas: 0,
        desiredReplicas: 0,
        lastScaleTime: timestamp(p.lastScaleTime),
      },
    };
    this.put(hpa);
  }

  pdb(service: string, maxUnavailable: number, createdAt: number) {
    const pdb: IPodDisruptionBudget = {
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: this.meta('PodDisruptionBudget', service, service, createdAt, {
        generation: 1,
        labels: this.labels(service, 'disruption-budget', undefined),
      }),
      spec: {
        maxUnavailable,
        selector: { matchLabels: { 'app.kubernetes.io/name': service } },
      },
    };
    this.put(pdb);
  }

  namespaceGuards(service: string, createdAt: number) {
    const limits: ILimitRange = {
      apiVersion: 'v1',
      kind: 'LimitRange',
      metadata: this.meta(
        'LimitRange',
        `${service}-limits`,
        service,
        createdAt,
        {
          labels: this.labels(service, 'policy', undefined),
        },
      ),
      spec: {
        limits: [
          {
            type: 'Container',
            default: { cpu: '500m', memory: '512Mi' },
            defaultRequest: { cpu: '100m', memory: '128Mi' },
            max: { cpu: '4', memory: '16Gi' },
          },
        ],
      },
    };
    this.put(limits);
    const quota: IResourceQuota = {
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: this.meta(
        'ResourceQuota',
        `${service}-quota`,
        service,
        createdAt,
        {
          labels: this.labels(service, 'policy', undefined),
        },
      ),
      spec: {
        hard: {
          pods: '50',
          'requests.cpu': '16',
          'requests.memory': '64Gi',
          'limits.cpu': '32',
          'limits.memory': '128Gi',
        },
      },
    };
    this.put(quota);
  }

  configMap(service: string, createdAt: number, data: Record<string, string>) {
    const cm: IConfigMap = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: this.meta(
        'ConfigMap',
        `${service}-config`,
        service,
        createdAt,
        {
          labels: this.labels(service, 'config', undefined),
          annotations: {
            'meta.helm.sh/release-name': service,
            'meta.helm.sh/release-namespace': service,
          },
        },
      ),
      data,
    };
    this.put(cm);
  }

  podsOf(owner: KubeObject): KubeObject[] {
    return this.state.store
      .list(resourceTypeByKind('Pod'), owner.metadata.namespace)
      .filter(p =>
        p.metadata.ownerReferences?.some(r => r.uid === owner.metadata.uid),
      );
  }

  replicaSetsOf(owner: KubeObject): KubeObject[] {
    return this.state.store
      .list(resourceTypeByKind('ReplicaSet'), owner.metadata.namespace)
      .filter(p =>
        p.metadata.ownerReferences?.some(r => r.uid === owner.metadata.uid),
      );
  }

  /** Pods of a Deployment (through its ReplicaSets). */
  deploymentPods(deployment: KubeObject): KubeObject[] {
    return this.replicaSetsOf(deployment).flatMap(rs => this.podsOf(rs));
  }
}

function image(name: string) {
  return `${REGISTRY}/${name}:{version}`;
}

function pick<T>(env: Environment, values: Record<Environment, T>): T {
  return values[env];
}

/** Populates a fresh ClusterState. */
export function populateCluster(
  state: ClusterState,
  options: { podsPerCluster?: number; benchServices?: number },
) {
  const g = new Generator(state);
  const { T, env } = g;
  const exampleNodes = g.nodes(env, NODE_PROFILES[env].count, 0);
  state.nodes.push(...exampleNodes);

  for (const ns of [
    'default',
    'kube-system',
    'kube-public',
    'kube-node-lease',
  ]) {
    g.namespace(ns, T - 400 * DAY);
  }

  const age = (service: string, minDays: number, maxDays: number) =>
    T - intBetween(`${state.name}/${service}/age`, minDays, maxDays) * DAY;
  const rollout = (service: string, minHours: number, maxHours: number) =>
    T -
    intBetween(`${state.name}/${service}/rollout`, minHours, maxHours) * HOUR;

  // ------------------------------------------------------ orchestrator-api
  {
    const svc = 'orchestrator-api';
    const created = age(svc, 120, 200);
    g.namespace(svc, created - HOUR, { 'backstage.io/kubernetes-id': svc });
    g.namespaceGuards(svc, created - HOUR);
    g.configMap(svc, created, {
      LOG_LEVEL: env === 'development' ? 'debug' : 'info',
      ENVIRONMENT: env,
      KNOWLEDGE_STORE_URL:
        'http://knowledge-store.knowledge-store.svc.cluster.local:8080',
      TASK_QUEUE: 'task-runner-jobs',
    });
    const version = pick(env, {
      development: '1.43.0-rc.1',
      staging: '1.42.0',
      production: '1.41.2',
    });
    const previousVersion = pick(env, {
      development: '1.42.0',
      staging: '1.41.2',
      production: '1.41.1',
    });
    const replicas = pick(env, { development: 1, staging: 2, production: 6 });
    const rolledOutAt = rollout(svc, 20, 70);
    const scaledAt = T - 38 * MINUTE;
    const containers: ContainerPlan[] = [
      {
        name: svc,
        image: image(svc),
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
      revision: intBetween(`${state.name}/${svc}/rev`, 12, 40),
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
    const [min, max] = pick(env, {
      development: [1, 2],
      staging: [2, 4],
      production: [3, 6],
    });
    const utilization = pick(env, {
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

  // ------------------------------------------------------ operator-console
  {
    const svc = 'operator-console';
    const created = age(svc, 90, 150);
    g.namespace(svc, created - HOUR, { 'backstage.io/kubernetes-id': svc });
    g.namespaceGuards(svc, created - HOUR);
    g.configMap(svc, created, {
      ENVIRONMENT: env,
      ORCHESTRATOR_API_URL:
        'http://orchestrator-api.orchestrator-api.svc.cluster.local',
    });
    const deployment = g.deployment({
      service: svc,
      component: 'web',
      version: pick(env, {
        development: '2.8.0',
        staging: '2.7.3',
        production: '2.7.1',
      }),
      previousVersion: pick(env, {
        development: '2.7.3',
        staging: '2.7.1',
        production: '2.7.0',
      }),
      replicas: pick(env, { development: 1, staging: 2, production: 3 }),
      containers: [
        {
          name: svc,
          image: image(svc),
          port: { name: 'http', containerPort: 3000 },
          cpuRequestMilli: 100,
          cpuLimitMilli: 500,
          memoryRequestMi: 128,
          memoryLimitMi: 256,
          probes: {
            readinessPath: '/api/health/ready',
            livenessPath: '/api/health/live',
          },
          env: { PORT: '3000', NODE_ENV: 'production' },
        },
      ],
      createdAt: created,
      rolledOutAt: rollout(svc, 3, 30),
      revision: intBetween(`${state.name}/${svc}/rev`, 8, 30),
    });
    g.service({
      service: svc,
      component: 'web',
      port: 80,
      targetPort: 'http',
      createdAt: created,
    });
    g.ingress(svc, created);

    if (env === 'staging') {
      // Broken: one pod runs but fails its readiness probe.
      const pod = g.deploymentPods(deployment)[0];
      const since = T - 3 * HOUR;
      const started = Date.parse(
        (pod as unknown as IPod).status!.containerStatuses![0].state!.running!
          .startedAt!,
      );
      const broken = unreadyPod(pod, {
        since: Math.max(since, started + 20 * SECOND),
      });
      broken.metadata!.annotations = {
        ...broken.metadata!.annotations,
        [SCENARIO_ANNOTATION]: 'readiness-probe-failing',
      };
      const stored = state.put(broken);
      const first = Math.max(since, started + 15 * SECOND);
      state.addEvent({
        involved: stored,
        fieldPath: `spec.containers{${svc}}`,
        reason: 'Unhealthy',
        type: 'Warning',
        message:
          'Readiness probe failed: HTTP probe failed with statuscode: 503',
        component: 'kubelet',
        host: (stored as unknown as IPod).spec!.nodeName,
        first,
        last: T - 7 * SECOND,
        count: Math.max(
          1,
          Math.floor((T - 7 * SECOND - first) / (10 * SECOND)),
        ),
      });
    }
  }

  // ----------------------------------------------------------- task-runner
  {
    const svc = 'task-runner';
    const created = age(svc, 100, 180);
    g.namespace(svc, created - HOUR, { 'backstage.io/kubernetes-id': svc });
    g.namespaceGuards(svc, created - HOUR);
    g.configMap(svc, created, {
      ENVIRONMENT: env,
      QUEUE_NAME: 'task-runner-jobs',
      BROKER_URL: 'amqp://task-queue.task-runner.svc.cluster.local:5672',
      WORKER_CONCURRENCY: '8',
    });
    const version = pick(env, {
      development: '0.19.0',
      staging: '0.18.2',
      production: '0.18.1',
    });
    const containers: ContainerPlan[] = [
      {
        name: svc,
        image: image(svc),
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
    const replicas = pick(env, { development: 1, staging: 2, production: 4 });
    const deployment = g.deployment({
      service: svc,
      component: 'worker',
      version,
      previousVersion: pick(env, {
        development: '0.18.2',
        staging: '0.18.1',
        production: '0.18.0',
      }),
      replicas,
      containers,
      createdAt: created,
      rolledOutAt: rollout(svc, 26, 90),
      revision: intBetween(`${state.name}/${svc}/rev`, 10, 35),
    });
    const [min, max] = pick(env, {
      development: [1, 3],
      staging: [2, 6],
      production: [2, 12],
    });
    const perPod = pick(env, { development: 4, staging: 11, production: 28 });
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
      lastScaleTime: T - intBetween(`${state.name}/${svc}/scale`, 2, 30) * HOUR,
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
      broken.metadata!.annotations = {
        ...broken.metadata!.annotations,
        [SCENARIO_ANNOTATION]: 'crash-loop-backoff',
      };
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

  // ------------------------------------------------------- knowledge-store
  {
    const svc = 'knowledge-store';
    const created = age(svc, 150, 300);
    g.namespace(svc, created - HOUR, { 'backstage.io/kubernetes-id': svc });
    g.namespaceGuards(svc, created - HOUR);
    g.configMap(svc, created, {
      ENVIRONMENT: env,
      SHARDS: '16',
      SNAPSHOT_INTERVAL: '15m',
    });
    const storage = pick(env, {
      development: '20Gi',
      staging: '50Gi',
      production: '200Gi',
    });
    const sts = g.statefulSet({
      service: svc,
      component: 'database',
      version: pick(env, {
        development: '5.4.0',
        staging: '5.3.2',
        production: '5.3.2',
      }),
      replicas: pick(env, { development: 1, staging: 3, production: 3 }),
      containers: [
        {
          name: svc,
          image: image(svc),
          port: { name: 'http', containerPort: 8080 },
          cpuRequestMilli: pick(env, {
            development: 1000,
            staging: 1000,
            production: 2000,
          }),
          cpuLimitMilli: pick(env, {
            development: 2000,
            staging: 2000,
            production: 4000,
          }),
          memoryRequestMi: pick(env, {
            development: 12 * 1024,
            staging: 4 * 1024,
            production: 8 * 1024,
          }),
          memoryLimitMi: pick(env, {
            development: 12 * 1024,
            staging: 4 * 1024,
            production: 8 * 1024,
          }),
          probes: { readinessPath: '/v1/ready', livenessPath: '/v1/live' },
          env: { ENVIRONMENT: env, DATA_DIR: '/var/lib/knowledge-store' },
        },
      ],
      createdAt: created,
      rolledOutAt: rollout(svc, 30, 200),
      storage,
    });
    g.service({
      service: svc,
      component: 'database',
      port: 8080,
      targetPort: 'http',
      createdAt: created,
    });
    g.service({
      service: svc,
      name: `${svc}-headless`,
      component: 'database',
      port: 8080,
      targetPort: 'http',
      headless: true,
      createdAt: created,
    });
    g.pdb(svc, 1, created);
    for (const pod of g.podsOf(sts)) {
      const pending = env === 'development' && pod.metadata.name === `${svc}-0`;
      if (pending) {
        // Broken: the pod asks for more memory than any development node has.
        const since = T - 26 * HOUR;
        const count = NODE_PROFILES.development.count;
        const message = `0/${count} nodes are available: ${count} Insufficient memory. preemption: 0/${count} nodes are available: ${count} No preemption victims found for incoming pod.`;
        const broken = unschedulablePod(pod, { message, since });
        broken.metadata!.creationTimestamp = timestamp(since);
        broken.metadata!.annotations = {
          ...broken.metadata!.annotations,
          [SCENARIO_ANNOTATION]: 'unschedulable-insufficient-memory',
        };
        const stored = state.put(broken);
        g.claim(sts, stored, storage, false);
        state.addEvent({
          involved: stored,
          reason: 'FailedScheduling',
          type: 'Warning',
          message,
          component: 'default-scheduler',
          first: since,
          last: T - 2 * MINUTE,
          count: 312,
        });
      } else {
        g.claim(sts, pod, storage, true);
      }
    }
  }

  // -------------------------------------------------- benchmark services
  const examplePods = state.store.index(resourceTypeByKind('Pod')).size;
  const benchPods = Math.max(0, (options.podsPerCluster ?? 0) - examplePods);
  if (benchPods > 0) {
    const benchNodes = g.nodes(
      'bench',
      Math.ceil(benchPods / 100),
      exampleNodes.length,
    );
    state.nodes.push(...benchNodes);
    state.nodesFor = ns =>
      ns.startsWith('bench-svc-') ? benchNodes : exampleNodes;
    const services = Math.max(
      1,
      Math.min(benchPods, options.benchServices ?? Math.ceil(benchPods / 20)),
    );
    const width = Math.max(3, String(services).length);
    for (let i = 0; i < services; i++) {
      const svc = `bench-svc-${String(i + 1).padStart(width, '0')}`;
      const replicas =
        Math.floor(benchPods / services) + (i < benchPods % services ? 1 : 0);
      const created = T - intBetween(`${state.name}/${svc}/age`, 10, 60) * DAY;
      g.namespace(svc, created - HOUR, { 'backstage.io/kubernetes-id': svc });
      g.deployment({
        service: svc,
        component: 'service',
        version: `1.0.${i % 10}`,
        replicas,
        containers: [
          {
            name: 'app',
            image: `${REGISTRY}/bench-svc:{version}`,
            port: { name: 'http', containerPort: 8080 },
            cpuRequestMilli: 50,
            cpuLimitMilli: 250,
            memoryRequestMi: 64,
            memoryLimitMi: 128,
            probes: { readinessPath: '/readyz', livenessPath: '/livez' },
          },
        ],
        createdAt: created,
        rolledOutAt:
          T - intBetween(`${state.name}/${svc}/rollout`, 1, 200) * HOUR,
        revision: 1 + (i % 5),
      });
      g.service({
        service: svc,
        component: 'service',
        port: 80,
        targetPort: 'http',
        createdAt: created,
      });
    }
  }

  // ------------------------------------------- statuses, from the pods
  for (const ns of state.store
    .index(resourceTypeByKind('Namespace'))
    .sorted()) {
    state.refreshStatuses(
      ns.obj.metadata.name,
      settledTime(state, ns.obj.metadata.name),
    );
  }
}

/** When a namespace's objects last changed (for condition transition times). */
function settledTime(state: ClusterState, namespace: string): number {
  let latest = 0;
  for (const pod of state.store.list(resourceTypeByKind('Pod'), namespace)) {
    latest = Math.max(latest, Date.parse(pod.metadata.creationTimestamp!));
  }
  return Math.min(state.startTime, latest + 20 * SECOND);
}

/**
 * Production only: `orchestrator-api-canary`, an Argo Rollout paused at the
 * first pause step of a canary (50%): one stable pod, one canary pod.
 */
function canaryRollout(g: Generator, svc: string, containers: ContainerPlan[]) {
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

/** The task-runner cleanup CronJob with its last (successful) Job and pod. */
function cronJob(
  g: Generator,
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

import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IReplicaSet } from 'kubernetes-models/apps/v1/ReplicaSet';
import type { IStatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import type { IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import type { IMetricSpec } from 'kubernetes-models/autoscaling/v2/MetricSpec';
import type { IMetricStatus } from 'kubernetes-models/autoscaling/v2/MetricStatus';
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
import type { ObjectMeta } from './objectMeta';
import { Environment, KubeObject } from '../types';
import type { ClusterState, SimNode } from './ClusterState';
import { ENV_SHORT, NODE_PROFILES, ZONES } from './environments';
import {
  DAY,
  hex,
  HOUR,
  intBetween,
  safeSuffix,
  SECOND,
  timestamp,
  uuid,
} from './ids';
import { resourceTypeByKind } from './kinds';
import { ContainerPlan, podTemplate } from './pods';

/** Where the example services' images come from. */
export const REGISTRY =
  '123456789012.dkr.ecr.us-east-1.amazonaws.com/gatehouse';

/**
 * A service's image in {@link REGISTRY}; the builders fill in `{version}`
 * with the version being rolled out.
 */
export function registryImage(name: string): string {
  return `${REGISTRY}/${name}:{version}`;
}

/**
 * Builds a cluster's objects the way Kubernetes and its controllers would
 * have created them (nodes, namespaces, workloads with their ReplicaSets and
 * pods, services, claims, autoscalers, policies). Generic: scenarios decide
 * which services exist and how each is configured.
 */
export class ClusterGenerator {
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

  // ------------------------------------------ per-cluster fixed choices

  /** The value for this cluster's environment. */
  pick<T>(values: Record<Environment, T>): T {
    return values[this.env];
  }

  /** A whole number in min..max, fixed for this cluster and key. */
  between(key: string, min: number, max: number): number {
    return intBetween(`${this.state.name}/${key}`, min, max);
  }

  /** When a service was first installed: min..max days before the start. */
  createdAt(service: string, minDays: number, maxDays: number): number {
    return this.T - this.between(`${service}/age`, minDays, maxDays) * DAY;
  }

  /** When a service's current version rolled out: min..max hours ago. */
  rolledOutAt(service: string, minHours: number, maxHours: number): number {
    return (
      this.T - this.between(`${service}/rollout`, minHours, maxHours) * HOUR
    );
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
    /** Where each pod mounts its claim (the volume is called `data`). */
    dataMountPath: string;
  }): KubeObject {
    const ns = p.service;
    const name = p.service;
    const template = podTemplate({
      labels: this.labels(p.service, p.component, p.version),
      containers: p.containers.map(c => ({
        ...c,
        image: c.image.replace('{version}', p.version),
        volumeMounts: [{ name: 'data', mountPath: p.dataMountPath }],
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

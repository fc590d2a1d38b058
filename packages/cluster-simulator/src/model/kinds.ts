import { KubeObject } from '../types';

/** Reads one field of an object for a field selector. */
export type FieldGetter = (obj: KubeObject) => string | undefined;

/**
 * A resource type the simulator serves, as listed by API discovery.
 */
export interface ResourceType {
  /** API group; '' for the core group. */
  group: string;
  version: string;
  plural: string;
  singular: string;
  kind: string;
  namespaced: boolean;
  shortNames?: string[];
  /** Verbs announced by discovery. */
  verbs: string[];
  /** Subresources announced by discovery (e.g. `log`, `status`). */
  subresources?: string[];
  /** Field selectors supported besides metadata.name and metadata.namespace. */
  fields?: Record<string, FieldGetter>;
  /** Virtual types (metrics.k8s.io) are computed on request and cannot be watched. */
  virtual?: boolean;
  /** Discovery categories (`all`). */
  categories?: string[];
}

const READ_VERBS = ['get', 'list', 'watch'];

function path(obj: unknown, ...keys: string[]): unknown {
  let cur: unknown = obj;
  for (const key of keys) {
    if (cur === null || typeof cur !== 'object') {
      return undefined;
    }
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

function str(obj: unknown, ...keys: string[]): string | undefined {
  const v = path(obj, ...keys);
  if (v === undefined || v === null) {
    return undefined;
  }
  return String(v);
}

export const RESOURCE_TYPES: ResourceType[] = [
  {
    group: '',
    version: 'v1',
    plural: 'namespaces',
    singular: 'namespace',
    kind: 'Namespace',
    namespaced: false,
    shortNames: ['ns'],
    verbs: READ_VERBS,
    subresources: ['status'],
    fields: { 'status.phase': o => str(o, 'status', 'phase') },
  },
  {
    group: '',
    version: 'v1',
    plural: 'nodes',
    singular: 'node',
    kind: 'Node',
    namespaced: false,
    shortNames: ['no'],
    verbs: READ_VERBS,
    subresources: ['status'],
    fields: {
      'spec.unschedulable': o =>
        String(path(o, 'spec', 'unschedulable') ?? false),
    },
  },
  {
    group: '',
    version: 'v1',
    plural: 'pods',
    singular: 'pod',
    kind: 'Pod',
    namespaced: true,
    shortNames: ['po'],
    verbs: READ_VERBS,
    subresources: ['log', 'status'],
    categories: ['all'],
    fields: {
      'spec.nodeName': o => str(o, 'spec', 'nodeName') ?? '',
      'spec.restartPolicy': o => str(o, 'spec', 'restartPolicy'),
      'spec.schedulerName': o => str(o, 'spec', 'schedulerName'),
      'spec.serviceAccountName': o => str(o, 'spec', 'serviceAccountName'),
      'spec.hostNetwork': o => String(path(o, 'spec', 'hostNetwork') ?? false),
      'status.phase': o => str(o, 'status', 'phase'),
      'status.podIP': o => str(o, 'status', 'podIP') ?? '',
      'status.nominatedNodeName': o =>
        str(o, 'status', 'nominatedNodeName') ?? '',
    },
  },
  {
    group: '',
    version: 'v1',
    plural: 'services',
    singular: 'service',
    kind: 'Service',
    namespaced: true,
    shortNames: ['svc'],
    verbs: READ_VERBS,
    subresources: ['status'],
    categories: ['all'],
  },
  {
    group: '',
    version: 'v1',
    plural: 'configmaps',
    singular: 'configmap',
    kind: 'ConfigMap',
    namespaced: true,
    shortNames: ['cm'],
    verbs: READ_VERBS,
  },
  {
    group: '',
    version: 'v1',
    plural: 'secrets',
    singular: 'secret',
    kind: 'Secret',
    namespaced: true,
    verbs: READ_VERBS,
    fields: { type: o => str(o, 'type') },
  },
  {
    group: '',
    version: 'v1',
    plural: 'limitranges',
    singular: 'limitrange',
    kind: 'LimitRange',
    namespaced: true,
    shortNames: ['limits'],
    verbs: READ_VERBS,
  },
  {
    group: '',
    version: 'v1',
    plural: 'resourcequotas',
    singular: 'resourcequota',
    kind: 'ResourceQuota',
    namespaced: true,
    shortNames: ['quota'],
    verbs: READ_VERBS,
    subresources: ['status'],
  },
  {
    group: '',
    version: 'v1',
    plural: 'persistentvolumeclaims',
    singular: 'persistentvolumeclaim',
    kind: 'PersistentVolumeClaim',
    namespaced: true,
    shortNames: ['pvc'],
    verbs: READ_VERBS,
    subresources: ['status'],
  },
  {
    group: '',
    version: 'v1',
    plural: 'persistentvolumes',
    singular: 'persistentvolume',
    kind: 'PersistentVolume',
    namespaced: false,
    shortNames: ['pv'],
    verbs: READ_VERBS,
    subresources: ['status'],
  },
  {
    group: '',
    version: 'v1',
    plural: 'events',
    singular: 'event',
    kind: 'Event',
    namespaced: true,
    shortNames: ['ev'],
    verbs: READ_VERBS,
    fields: {
      'involvedObject.kind': o => str(o, 'involvedObject', 'kind') ?? '',
      'involvedObject.name': o => str(o, 'involvedObject', 'name') ?? '',
      'involvedObject.namespace': o =>
        str(o, 'involvedObject', 'namespace') ?? '',
      'involvedObject.uid': o => str(o, 'involvedObject', 'uid') ?? '',
      'involvedObject.fieldPath': o =>
        str(o, 'involvedObject', 'fieldPath') ?? '',
      reason: o => str(o, 'reason') ?? '',
      type: o => str(o, 'type') ?? '',
      source: o => str(o, 'source', 'component') ?? '',
    },
  },
  {
    group: 'apps',
    version: 'v1',
    plural: 'deployments',
    singular: 'deployment',
    kind: 'Deployment',
    namespaced: true,
    shortNames: ['deploy'],
    verbs: READ_VERBS,
    subresources: ['scale', 'status'],
    categories: ['all'],
  },
  {
    group: 'apps',
    version: 'v1',
    plural: 'replicasets',
    singular: 'replicaset',
    kind: 'ReplicaSet',
    namespaced: true,
    shortNames: ['rs'],
    verbs: READ_VERBS,
    subresources: ['scale', 'status'],
    categories: ['all'],
    fields: { 'status.replicas': o => str(o, 'status', 'replicas') ?? '0' },
  },
  {
    group: 'apps',
    version: 'v1',
    plural: 'statefulsets',
    singular: 'statefulset',
    kind: 'StatefulSet',
    namespaced: true,
    shortNames: ['sts'],
    verbs: READ_VERBS,
    subresources: ['scale', 'status'],
    categories: ['all'],
  },
  {
    group: 'apps',
    version: 'v1',
    plural: 'daemonsets',
    singular: 'daemonset',
    kind: 'DaemonSet',
    namespaced: true,
    shortNames: ['ds'],
    verbs: READ_VERBS,
    subresources: ['status'],
    categories: ['all'],
  },
  {
    group: 'autoscaling',
    version: 'v2',
    plural: 'horizontalpodautoscalers',
    singular: 'horizontalpodautoscaler',
    kind: 'HorizontalPodAutoscaler',
    namespaced: true,
    shortNames: ['hpa'],
    verbs: READ_VERBS,
    subresources: ['status'],
    categories: ['all'],
  },
  {
    group: 'batch',
    version: 'v1',
    plural: 'jobs',
    singular: 'job',
    kind: 'Job',
    namespaced: true,
    verbs: READ_VERBS,
    subresources: ['status'],
    categories: ['all'],
    fields: {
      'status.successful': o => str(o, 'status', 'succeeded') ?? '0',
    },
  },
  {
    group: 'batch',
    version: 'v1',
    plural: 'cronjobs',
    singular: 'cronjob',
    kind: 'CronJob',
    namespaced: true,
    shortNames: ['cj'],
    verbs: READ_VERBS,
    subresources: ['status'],
    categories: ['all'],
  },
  {
    group: 'networking.k8s.io',
    version: 'v1',
    plural: 'ingresses',
    singular: 'ingress',
    kind: 'Ingress',
    namespaced: true,
    shortNames: ['ing'],
    verbs: READ_VERBS,
    subresources: ['status'],
  },
  {
    group: 'policy',
    version: 'v1',
    plural: 'poddisruptionbudgets',
    singular: 'poddisruptionbudget',
    kind: 'PodDisruptionBudget',
    namespaced: true,
    shortNames: ['pdb'],
    verbs: READ_VERBS,
    subresources: ['status'],
  },
  {
    group: 'metrics.k8s.io',
    version: 'v1beta1',
    plural: 'pods',
    singular: '',
    kind: 'PodMetrics',
    namespaced: true,
    verbs: ['get', 'list'],
    virtual: true,
  },
  {
    group: 'metrics.k8s.io',
    version: 'v1beta1',
    plural: 'nodes',
    singular: '',
    kind: 'NodeMetrics',
    namespaced: false,
    verbs: ['get', 'list'],
    virtual: true,
  },
  {
    group: 'argoproj.io',
    version: 'v1alpha1',
    plural: 'rollouts',
    singular: 'rollout',
    kind: 'Rollout',
    namespaced: true,
    shortNames: ['ro'],
    verbs: READ_VERBS,
    subresources: ['scale', 'status'],
    categories: ['all', 'argoproj'],
  },
];

export function apiVersionOf(rt: Pick<ResourceType, 'group' | 'version'>) {
  return rt.group ? `${rt.group}/${rt.version}` : rt.version;
}

export function typeKey(
  rt: Pick<ResourceType, 'group' | 'version' | 'plural'>,
) {
  return `${rt.group}/${rt.version}/${rt.plural}`;
}

const byPath = new Map<string, ResourceType>(
  RESOURCE_TYPES.map(rt => [typeKey(rt), rt]),
);
const byKind = new Map<string, ResourceType>(
  RESOURCE_TYPES.filter(rt => !rt.virtual).map(rt => [
    `${apiVersionOf(rt)}/${rt.kind}`,
    rt,
  ]),
);

export function findResourceType(
  group: string,
  version: string,
  plural: string,
): ResourceType | undefined {
  return byPath.get(`${group}/${version}/${plural}`);
}

export function resourceTypeForObject(obj: {
  apiVersion: string;
  kind: string;
}): ResourceType {
  const rt = byKind.get(`${obj.apiVersion}/${obj.kind}`);
  if (!rt) {
    throw new Error(`Unknown resource kind ${obj.apiVersion} ${obj.kind}`);
  }
  return rt;
}

export function resourceTypeByKind(kind: string): ResourceType {
  const rt = RESOURCE_TYPES.find(t => t.kind === kind && !t.virtual);
  if (!rt) {
    throw new Error(`Unknown resource kind ${kind}`);
  }
  return rt;
}

/** Groups (other than core) in discovery order, with their versions. */
export function apiGroups(): Array<{ name: string; versions: string[] }> {
  const groups = new Map<string, Set<string>>();
  for (const rt of RESOURCE_TYPES) {
    if (!rt.group) {
      continue;
    }
    if (!groups.has(rt.group)) {
      groups.set(rt.group, new Set());
    }
    groups.get(rt.group)!.add(rt.version);
  }
  return Array.from(groups, ([name, versions]) => ({
    name,
    versions: Array.from(versions),
  }));
}

/** The field-selector getter for a type, including the generic metadata fields. */
export function fieldGetter(
  rt: ResourceType,
  field: string,
): FieldGetter | undefined {
  if (field === 'metadata.name') {
    return o => o.metadata.name;
  }
  if (field === 'metadata.namespace') {
    return o => o.metadata.namespace ?? '';
  }
  return rt.fields?.[field];
}

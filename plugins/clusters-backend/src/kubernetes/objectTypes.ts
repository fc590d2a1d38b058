import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IStatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import type { IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import type { IPod } from 'kubernetes-models/v1/Pod';
import type { IRollout } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/Rollout';

/** List items carry no apiVersion/kind (the API server leaves them out). */
type Item<T> = Omit<T, 'apiVersion' | 'kind'>;

export type PodObject = Item<IPod>;
export type DeploymentObject = Item<IDeployment>;
export type StatefulSetObject = Item<IStatefulSet>;
export type RolloutObject = Item<IRollout>;
export type HpaObject = Item<IHorizontalPodAutoscaler>;

/** The objects workload health is computed from, by type. */
export type WorkloadObjects = {
  pods: PodObject[];
  deployments: DeploymentObject[];
  statefulsets: StatefulSetObject[];
  rollouts: RolloutObject[];
  horizontalpodautoscalers: HpaObject[];
};

export type ObjectTypeName = keyof WorkloadObjects;

/** Where one object type is listed, cluster-wide. */
export type ObjectType = {
  name: ObjectTypeName;
  /** API path prefix: `/api/v1` or `/apis/<group>/<version>`. */
  apiPath: string;
  plural: string;
  /**
   * A custom resource: a cluster without its definition (404) simply has
   * none, which is not an error.
   */
  optional: boolean;
};

/**
 * The only types workload health needs (Backstage's Kubernetes tab lists 13
 * by default). ReplicaSets are not needed: pods carry the service label, and
 * ready/desired come from the workloads' own status.
 */
export const WORKLOAD_OBJECT_TYPES: readonly ObjectType[] = [
  { name: 'pods', apiPath: '/api/v1', plural: 'pods', optional: false },
  {
    name: 'deployments',
    apiPath: '/apis/apps/v1',
    plural: 'deployments',
    optional: false,
  },
  {
    name: 'statefulsets',
    apiPath: '/apis/apps/v1',
    plural: 'statefulsets',
    optional: false,
  },
  {
    name: 'horizontalpodautoscalers',
    apiPath: '/apis/autoscaling/v2',
    plural: 'horizontalpodautoscalers',
    optional: false,
  },
  {
    name: 'rollouts',
    apiPath: '/apis/argoproj.io/v1alpha1',
    plural: 'rollouts',
    optional: true,
  },
];

import Ajv from 'ajv';
import { QUANTITY_PATTERN } from '@gatehouse/plugin-infra-plans-common';
import { APIGroup } from '@kubernetes-models/apimachinery/apis/meta/v1/APIGroup';
import { APIGroupList } from '@kubernetes-models/apimachinery/apis/meta/v1/APIGroupList';
import { APIResourceList } from '@kubernetes-models/apimachinery/apis/meta/v1/APIResourceList';
import { APIVersions } from '@kubernetes-models/apimachinery/apis/meta/v1/APIVersions';
import { Status } from '@kubernetes-models/apimachinery/apis/meta/v1/Status';
import { validate as validateObjectMeta } from '@kubernetes-models/apimachinery/_schemas/IoK8sApimachineryPkgApisMetaV1ObjectMeta';
import { validate as validateListMeta } from '@kubernetes-models/apimachinery/_schemas/IoK8sApimachineryPkgApisMetaV1ListMeta';
import { Rollout } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/Rollout';
import { DaemonSet } from 'kubernetes-models/apps/v1/DaemonSet';
import { DaemonSetList } from 'kubernetes-models/apps/v1/DaemonSetList';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { DeploymentList } from 'kubernetes-models/apps/v1/DeploymentList';
import { ReplicaSet } from 'kubernetes-models/apps/v1/ReplicaSet';
import { ReplicaSetList } from 'kubernetes-models/apps/v1/ReplicaSetList';
import { StatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import { StatefulSetList } from 'kubernetes-models/apps/v1/StatefulSetList';
import { Scale } from 'kubernetes-models/autoscaling/v1/Scale';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { HorizontalPodAutoscalerList } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscalerList';
import { CronJob } from 'kubernetes-models/batch/v1/CronJob';
import { CronJobList } from 'kubernetes-models/batch/v1/CronJobList';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { JobList } from 'kubernetes-models/batch/v1/JobList';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { IngressList } from 'kubernetes-models/networking.k8s.io/v1/IngressList';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { PodDisruptionBudgetList } from 'kubernetes-models/policy/v1/PodDisruptionBudgetList';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { ConfigMapList } from 'kubernetes-models/v1/ConfigMapList';
import { Event } from 'kubernetes-models/v1/Event';
import { EventList } from 'kubernetes-models/v1/EventList';
import { LimitRange } from 'kubernetes-models/v1/LimitRange';
import { LimitRangeList } from 'kubernetes-models/v1/LimitRangeList';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { NamespaceList } from 'kubernetes-models/v1/NamespaceList';
import { Node } from 'kubernetes-models/v1/Node';
import { NodeList } from 'kubernetes-models/v1/NodeList';
import { PersistentVolume } from 'kubernetes-models/v1/PersistentVolume';
import { PersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import { PersistentVolumeClaimList } from 'kubernetes-models/v1/PersistentVolumeClaimList';
import { PersistentVolumeList } from 'kubernetes-models/v1/PersistentVolumeList';
import { Pod } from 'kubernetes-models/v1/Pod';
import { PodList } from 'kubernetes-models/v1/PodList';
import { PodTemplateSpec } from 'kubernetes-models/v1/PodTemplateSpec';
import { ResourceQuota } from 'kubernetes-models/v1/ResourceQuota';
import { ResourceQuotaList } from 'kubernetes-models/v1/ResourceQuotaList';
import { Secret } from 'kubernetes-models/v1/Secret';
import { SecretList } from 'kubernetes-models/v1/SecretList';
import { Service } from 'kubernetes-models/v1/Service';
import { ServiceList } from 'kubernetes-models/v1/ServiceList';

/**
 * Validation of simulator output against the Kubernetes schemas:
 *
 * - core and built-in kinds (and their Lists, `Status`, `Scale`, discovery
 *   documents) with the `kubernetes-models` / `@kubernetes-models/apimachinery`
 *   models, generated from the Kubernetes OpenAPI specification;
 * - Argo Rollouts with `@kubernetes-models/argo-rollouts` (generated from the
 *   Argo Rollouts CRD), and additionally its `spec.template` as a core
 *   `PodTemplateSpec`;
 * - metrics.k8s.io `PodMetrics`/`NodeMetrics` (no published schema package)
 *   with a JSON schema written from the metrics.k8s.io/v1beta1 Go types, with
 *   `metadata` checked against the apimachinery ObjectMeta schema.
 */

type ModelCtor = new (data: any) => { validate(): void };

const MODELS: Record<string, ModelCtor> = {
  'v1/Namespace': Namespace,
  'v1/NamespaceList': NamespaceList,
  'v1/Node': Node,
  'v1/NodeList': NodeList,
  'v1/Pod': Pod,
  'v1/PodList': PodList,
  'v1/Service': Service,
  'v1/ServiceList': ServiceList,
  'v1/ConfigMap': ConfigMap,
  'v1/ConfigMapList': ConfigMapList,
  'v1/Secret': Secret,
  'v1/SecretList': SecretList,
  'v1/LimitRange': LimitRange,
  'v1/LimitRangeList': LimitRangeList,
  'v1/ResourceQuota': ResourceQuota,
  'v1/ResourceQuotaList': ResourceQuotaList,
  'v1/PersistentVolumeClaim': PersistentVolumeClaim,
  'v1/PersistentVolumeClaimList': PersistentVolumeClaimList,
  'v1/PersistentVolume': PersistentVolume,
  'v1/PersistentVolumeList': PersistentVolumeList,
  'v1/Event': Event,
  'v1/EventList': EventList,
  'v1/Status': Status,
  'v1/APIResourceList': APIResourceList,
  'v1/APIGroupList': APIGroupList,
  'v1/APIGroup': APIGroup,
  'apps/v1/Deployment': Deployment,
  'apps/v1/DeploymentList': DeploymentList,
  'apps/v1/ReplicaSet': ReplicaSet,
  'apps/v1/ReplicaSetList': ReplicaSetList,
  'apps/v1/StatefulSet': StatefulSet,
  'apps/v1/StatefulSetList': StatefulSetList,
  'apps/v1/DaemonSet': DaemonSet,
  'apps/v1/DaemonSetList': DaemonSetList,
  'autoscaling/v1/Scale': Scale,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'autoscaling/v2/HorizontalPodAutoscalerList': HorizontalPodAutoscalerList,
  'batch/v1/Job': Job,
  'batch/v1/JobList': JobList,
  'batch/v1/CronJob': CronJob,
  'batch/v1/CronJobList': CronJobList,
  'networking.k8s.io/v1/Ingress': Ingress,
  'networking.k8s.io/v1/IngressList': IngressList,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'policy/v1/PodDisruptionBudgetList': PodDisruptionBudgetList,
  'argoproj.io/v1alpha1/Rollout': Rollout,
};

const ajv = new Ajv({ allErrors: true, strict: true });
ajv.addKeyword({
  keyword: 'x-object-meta',
  validate: (_schema: unknown, data: unknown) => validateObjectMeta(data),
  errors: false,
});
ajv.addKeyword({
  keyword: 'x-list-meta',
  validate: (_schema: unknown, data: unknown) => validateListMeta(data),
  errors: false,
});

const quantity = { type: 'string', pattern: QUANTITY_PATTERN.source };
const usage = {
  type: 'object',
  properties: { cpu: quantity, memory: quantity },
  additionalProperties: quantity,
  required: ['cpu', 'memory'],
};
const metricsMeta = {
  type: 'object',
  'x-object-meta': true,
  required: ['name'],
  properties: { name: { type: 'string', minLength: 1 } },
};
const podMetricsSchema = {
  type: 'object',
  additionalProperties: false,
  required: [
    'apiVersion',
    'kind',
    'metadata',
    'timestamp',
    'window',
    'containers',
  ],
  properties: {
    apiVersion: { const: 'metrics.k8s.io/v1beta1' },
    kind: { const: 'PodMetrics' },
    metadata: metricsMeta,
    timestamp: {
      type: 'string',
      pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z$',
    },
    window: { type: 'string', pattern: '^(\\d+(\\.\\d+)?(ns|us|ms|s|m|h))+$' },
    containers: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'usage'],
        properties: { name: { type: 'string', minLength: 1 }, usage },
      },
    },
  },
};
const nodeMetricsSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['apiVersion', 'kind', 'metadata', 'timestamp', 'window', 'usage'],
  properties: {
    apiVersion: { const: 'metrics.k8s.io/v1beta1' },
    kind: { const: 'NodeMetrics' },
    metadata: metricsMeta,
    timestamp: podMetricsSchema.properties.timestamp,
    window: podMetricsSchema.properties.window,
    usage,
  },
};
const listShell = (kind: string, apiVersion: string) => ({
  type: 'object',
  additionalProperties: false,
  required: ['apiVersion', 'kind', 'metadata', 'items'],
  properties: {
    apiVersion: { const: apiVersion },
    kind: { const: kind },
    metadata: { type: 'object', 'x-list-meta': true },
    items: { type: 'array' },
  },
});

const AJV_VALIDATORS: Record<string, ReturnType<typeof ajv.compile>> = {
  'metrics.k8s.io/v1beta1/PodMetrics': ajv.compile(podMetricsSchema),
  'metrics.k8s.io/v1beta1/NodeMetrics': ajv.compile(nodeMetricsSchema),
  'metrics.k8s.io/v1beta1/PodMetricsList': ajv.compile(
    listShell('PodMetricsList', 'metrics.k8s.io/v1beta1'),
  ),
  'metrics.k8s.io/v1beta1/NodeMetricsList': ajv.compile(
    listShell('NodeMetricsList', 'metrics.k8s.io/v1beta1'),
  ),
  'argoproj.io/v1alpha1/RolloutList': ajv.compile(
    listShell('RolloutList', 'argoproj.io/v1alpha1'),
  ),
};

/**
 * Kinds {@link validateKubernetesObject} knows (`apiVersion/kind`).
 *
 * @public
 */
export function validatedKinds(): string[] {
  return [
    ...Object.keys(MODELS),
    ...Object.keys(AJV_VALIDATORS),
    'v1/APIVersions',
  ];
}

/**
 * Validates an object served by the simulator against the schema of its
 * kind. Returns a list of problems; empty means valid. Lists are validated
 * with their items.
 *
 * @public
 */
export function validateKubernetesObject(input: unknown): string[] {
  let obj = input;
  if (obj === null || typeof obj !== 'object') {
    return ['not an object'];
  }
  const { apiVersion, kind } = obj as { apiVersion?: string; kind?: string };
  if (kind === 'APIVersions') {
    return tryValidate(() => new APIVersions(obj as any).validate());
  }
  const key = `${apiVersion}/${kind}`;
  if (
    kind?.endsWith('List') &&
    Array.isArray((obj as { items?: unknown }).items)
  ) {
    // kube-apiserver omits apiVersion/kind on items of built-in lists; a
    // client sets them from the list, and so does this check.
    const itemKind = kind.slice(0, -'List'.length);
    obj = {
      ...obj,
      items: (obj as { items: Array<Record<string, unknown>> }).items.map(
        item => ({
          apiVersion,
          kind: itemKind,
          ...item,
        }),
      ),
    };
  }
  const Model = MODELS[key];
  if (Model) {
    const errors = tryValidate(() => new Model(obj).validate());
    if (kind === 'Rollout') {
      const template = (obj as { spec?: { template?: unknown } }).spec
        ?.template;
      errors.push(
        ...tryValidate(() =>
          new PodTemplateSpec(template as any).validate(),
        ).map(e => `spec.template (as PodTemplateSpec): ${e}`),
      );
    }
    return errors;
  }
  const validator = AJV_VALIDATORS[key];
  if (validator) {
    const errors: string[] = [];
    if (!validator(obj)) {
      errors.push(
        ...(validator.errors ?? []).map(
          e => `${e.instancePath || '/'} ${e.message ?? e.keyword}`,
        ),
      );
    }
    if (kind?.endsWith('List')) {
      const items = (obj as { items?: unknown[] }).items ?? [];
      items.forEach((item, i) => {
        errors.push(
          ...validateKubernetesObject(item).map(e => `items[${i}]: ${e}`),
        );
      });
    }
    return errors;
  }
  return [`no schema for ${key}`];
}

function tryValidate(fn: () => void): string[] {
  try {
    fn();
    return [];
  } catch (e) {
    return [(e as Error).message];
  }
}

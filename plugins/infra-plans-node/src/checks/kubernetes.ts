/**
 * Checks of generated Kubernetes files. Every object in every YAML file
 * under kubernetes/ is validated against the schema of its kind, generated
 * from the Kubernetes OpenAPI specification (`kubernetes-models`) and the
 * Argo Rollouts CRDs (`@kubernetes-models/argo-rollouts`), plus the rules
 * the API server checks beyond the schema (selector matches the pod
 * template, HPA bounds, Ingress hosts, paths and backend ports).
 * Across files: Ingress backends must be Services of the repository with
 * that port, and kustomize replacements must target objects it has.
 * Kustomizations must list files that exist; Prometheus rule files under
 * monitoring/ are checked for shape and PromQL.
 */
import { AnalysisTemplate } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/AnalysisTemplate';
import { Rollout } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/Rollout';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { PodTemplateSpec } from 'kubernetes-models/v1/PodTemplateSpec';
import { Service } from 'kubernetes-models/v1/Service';
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { posix } from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { GeneratedFileIssue, RenderedFile } from '../types';
import { checkRuleFile, promqlErrors } from './prometheus';

type ModelCtor = new (data: any) => { validate(): void };

const MODELS: Record<string, ModelCtor> = {
  'v1/Namespace': Namespace,
  'v1/Service': Service,
  'v1/ConfigMap': ConfigMap,
  'v1/ServiceAccount': ServiceAccount,
  'apps/v1/Deployment': Deployment,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
  'networking.k8s.io/v1/Ingress': Ingress,
  'argoproj.io/v1alpha1/Rollout': Rollout,
  'argoproj.io/v1alpha1/AnalysisTemplate': AnalysisTemplate,
};

/** `apiVersion/kind` pairs the checker has a schema for. @public */
export const CHECKED_KUBERNETES_KINDS = Object.keys(MODELS);

function tryValidate(fn: () => void): string[] {
  try {
    fn();
    return [];
  } catch (error) {
    return [(error as Error).message];
  }
}

type Obj = Record<string, any>;

/** A DNS subdomain, optionally with a leading wildcard label, as Ingress hosts must be. */
const INGRESS_HOST =
  /^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** What the API server's Ingress validation adds to the schema. */
function ingressErrors(obj: Obj): string[] {
  const errors: string[] = [];
  const rules: Obj[] = obj.spec?.rules ?? [];
  if (!rules.length && !obj.spec?.defaultBackend) {
    errors.push('an Ingress needs rules or a defaultBackend');
  }
  rules.forEach((rule, r) => {
    if (rule?.host !== undefined && !INGRESS_HOST.test(String(rule.host))) {
      errors.push(`rules[${r}].host ${rule.host} is not a DNS name`);
    }
    (rule?.http?.paths ?? []).forEach((path: Obj, p: number) => {
      const at = `rules[${r}].http.paths[${p}]`;
      if (
        (path?.pathType === 'Prefix' || path?.pathType === 'Exact') &&
        !String(path?.path ?? '').startsWith('/')
      ) {
        errors.push(
          `${at}.path must be absolute for pathType ${path.pathType}`,
        );
      }
      const port = path?.backend?.service?.port;
      if (
        path?.backend?.service &&
        (port?.name === undefined) === (port?.number === undefined)
      ) {
        errors.push(
          `${at}.backend.service.port sets exactly one of name and number`,
        );
      }
    });
  });
  return errors;
}

/** What the API server rejects although the schema allows it. */
function semanticErrors(obj: Obj): string[] {
  const errors: string[] = [];
  if (obj.kind === 'Deployment' || obj.kind === 'Rollout') {
    const selector: Record<string, string> =
      obj.spec?.selector?.matchLabels ?? {};
    const labels: Record<string, string> =
      obj.spec?.template?.metadata?.labels ?? {};
    for (const [key, value] of Object.entries(selector)) {
      if (labels[key] !== value) {
        errors.push(
          `spec.selector.matchLabels ${key}=${value} does not match the pod template labels`,
        );
      }
    }
    const names = (obj.spec?.template?.spec?.containers ?? []).map(
      (c: Obj) => c?.name,
    );
    if (new Set(names).size !== names.length) {
      errors.push('container names are not unique');
    }
  }
  if (obj.kind === 'HorizontalPodAutoscaler') {
    const { minReplicas = 1, maxReplicas } = obj.spec ?? {};
    if (typeof maxReplicas === 'number' && minReplicas > maxReplicas) {
      errors.push(
        `minReplicas ${minReplicas} is above maxReplicas ${maxReplicas}`,
      );
    }
  }
  if (obj.kind === 'Ingress') errors.push(...ingressErrors(obj));
  if (obj.kind === 'AnalysisTemplate') {
    // Queries carry Argo arguments ({{args.x}}); check them as PromQL with the
    // arguments filled in.
    for (const metric of obj.spec?.metrics ?? []) {
      const query = metric?.provider?.prometheus?.query;
      if (typeof query === 'string') {
        errors.push(
          ...promqlErrors(
            query.replace(/\{\{\s*args\.[\w-]+\s*\}\}/g, 'arg'),
          ).map(e => `metric ${metric.name}: ${e}`),
        );
      }
    }
  }
  return errors;
}

/** Problems of one Kubernetes object; empty when valid. */
export function validateKubernetesObject(obj: unknown): string[] {
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) {
    return ['not an object'];
  }
  const { apiVersion, kind } = obj as Obj;
  const Model = MODELS[`${apiVersion}/${kind}`];
  if (!Model) return [`no schema for ${apiVersion}/${kind}`];
  const errors = tryValidate(() => new Model(obj).validate());
  if (kind === 'Rollout') {
    // The Rollout CRD leaves the pod template loosely typed; check it as a
    // core PodTemplateSpec.
    errors.push(
      ...tryValidate(() =>
        new PodTemplateSpec((obj as Obj).spec?.template).validate(),
      ).map(e => `spec.template (as PodTemplateSpec): ${e}`),
    );
  }
  return [...errors, ...semanticErrors(obj as Obj)];
}

function isKustomization(obj: Obj): boolean {
  return (
    obj?.kind === 'Kustomization' &&
    String(obj?.apiVersion ?? '').startsWith('kustomize.config.k8s.io/')
  );
}

function kustomizationErrors(
  path: string,
  obj: Obj,
  paths: Set<string>,
): string[] {
  const dir = posix.dirname(path);
  const resources: unknown = obj.resources ?? [];
  if (!Array.isArray(resources)) return ['resources is not a list'];
  return resources.flatMap(resource => {
    if (typeof resource !== 'string') return ['a resource is not a path'];
    const target = posix.normalize(posix.join(dir, resource));
    if (paths.has(target) || paths.has(`${target}/kustomization.yaml`)) {
      return [];
    }
    return [
      `resource ${resource} is neither a file nor a folder with a kustomization.yaml`,
    ];
  });
}

function parseYaml(file: RenderedFile): { docs: unknown[]; errors: string[] } {
  const docs = parseAllDocuments(file.content);
  if (!Array.isArray(docs)) return { docs: [], errors: [] };
  const errors = docs.flatMap(doc => doc.errors.map(e => e.message));
  return {
    docs: errors.length
      ? []
      : docs.map(doc => doc.toJS()).filter(d => d !== null),
    errors,
  };
}

interface Located {
  path: string;
  obj: Obj;
}

/**
 * What only the whole repository can tell: every Ingress backend is a
 * Service of the repository with that port, and every kustomize
 * replacement targets an object the repository has.
 */
function crossObjectIssues(objects: Located[]): GeneratedFileIssue[] {
  const issues: GeneratedFileIssue[] = [];
  const key = (kind: unknown, name: unknown) => `${kind}/${name}`;
  const byKindName = new Map<string, Obj[]>();
  for (const { obj } of objects) {
    const k = key(obj.kind, obj.metadata?.name);
    byKindName.set(k, [...(byKindName.get(k) ?? []), obj]);
  }
  for (const { path, obj } of objects) {
    if (obj.kind === 'Ingress') {
      const backends: Obj[] = [
        ...(obj.spec?.defaultBackend ? [obj.spec.defaultBackend] : []),
        ...(obj.spec?.rules ?? []).flatMap((rule: Obj) =>
          (rule?.http?.paths ?? []).map((p: Obj) => p?.backend),
        ),
      ];
      for (const backend of backends) {
        const service = backend?.service;
        if (!service) continue;
        const target = (
          byKindName.get(key('Service', service.name)) ?? []
        ).find(s => s.metadata?.namespace === obj.metadata?.namespace);
        const port = service.port?.number ?? service.port?.name;
        if (!target) {
          issues.push({
            path,
            message: `backend service ${service.name} is not a Service of this repository`,
          });
        } else if (
          !(target.spec?.ports ?? []).some(
            (p: Obj) => p?.port === port || (p?.name && p.name === port),
          )
        ) {
          issues.push({
            path,
            message: `backend service ${service.name} has no port ${port}`,
          });
        }
      }
    }
    if (isKustomization(obj)) {
      for (const replacement of obj.replacements ?? []) {
        for (const target of replacement?.targets ?? []) {
          const { kind, name } = target?.select ?? {};
          if (!byKindName.has(key(kind, name))) {
            issues.push({
              path,
              message: `replacement target ${kind} ${name} is not an object of this repository`,
            });
          }
        }
      }
    }
  }
  return issues;
}

/**
 * Every Kubernetes object in every YAML under kubernetes/ validated against
 * the Kubernetes schemas, and Prometheus rule files (monitoring/*.yaml)
 * checked for shape and PromQL syntax. Returns issues; empty means valid.
 * @public
 */
export function checkKubernetesFiles(
  files: RenderedFile[],
): GeneratedFileIssue[] {
  const paths = new Set(files.map(f => f.path));
  const issues: GeneratedFileIssue[] = [];
  const objects: Located[] = [];
  for (const file of files) {
    const yamlFile = /\.ya?ml$/.test(file.path);
    const kubernetes = yamlFile && file.path.startsWith('kubernetes/');
    const rules = yamlFile && file.path.startsWith('monitoring/');
    if (!kubernetes && !rules) continue;
    const { docs, errors } = parseYaml(file);
    issues.push(
      ...errors.map(message => ({
        path: file.path,
        message: `YAML: ${message}`,
      })),
    );
    docs.forEach((doc, index) => {
      const where = docs.length > 1 ? `document ${index + 1}: ` : '';
      let problems: string[];
      if (rules) problems = checkRuleFile(doc);
      else if (isKustomization(doc as Obj)) {
        problems = kustomizationErrors(file.path, doc as Obj, paths);
      } else problems = validateKubernetesObject(doc);
      if (kubernetes && doc && typeof doc === 'object') {
        objects.push({ path: file.path, obj: doc as Obj });
      }
      issues.push(
        ...problems.map(message => ({
          path: file.path,
          message: `${where}${message}`,
        })),
      );
    });
  }
  return [...issues, ...crossObjectIssues(objects)];
}

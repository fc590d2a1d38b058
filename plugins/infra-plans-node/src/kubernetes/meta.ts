/** Labels and object metadata shared by every generated Kubernetes object. */
import {
  changeAnnotations,
  type Workload,
} from '@gatehouse/plugin-infra-plans-common';
import type { RenderContext } from '../context';

/** A Kubernetes object as plain data, serialised to YAML. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: Record<string, unknown>;
  [key: string]: unknown;
}

/** The label the Backstage Kubernetes plugin finds a service's objects by. */
export const KUBERNETES_ID_LABEL = 'backstage.io/kubernetes-id';

/** Labels that select a workload's pods (immutable on Deployments: keep small). */
export function selectorLabels(workload: Workload): Record<string, string> {
  return { 'app.kubernetes.io/name': workload.name };
}

/** Labels of everything belonging to the service in this environment. */
export function serviceLabels(ctx: RenderContext): Record<string, string> {
  return {
    'app.kubernetes.io/part-of': ctx.namespace,
    'app.kubernetes.io/managed-by': 'gatehouse',
    [KUBERNETES_ID_LABEL]: ctx.service,
    'gatehouse.io/environment': ctx.envName,
  };
}

export function workloadLabels(
  ctx: RenderContext,
  workload: Workload,
): Record<string, string> {
  return { ...selectorLabels(workload), ...serviceLabels(ctx) };
}

export function objectMeta(
  ctx: RenderContext,
  name: string,
  workload?: Workload,
  extraAnnotations?: Record<string, string>,
): Record<string, unknown> {
  // The object's own annotations, and the approved change it delivers.
  const annotations = {
    ...extraAnnotations,
    ...(ctx.change ? changeAnnotations(ctx.change) : {}),
  };
  return {
    name,
    namespace: ctx.namespace,
    labels: workload ? workloadLabels(ctx, workload) : serviceLabels(ctx),
    ...(annotations && Object.keys(annotations).length ? { annotations } : {}),
  };
}

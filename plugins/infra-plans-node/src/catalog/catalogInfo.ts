/**
 * catalog-info.yaml: the environment as a catalog Resource
 * (`spec.type: environment`, `<service>-<environment>`), a dependency of
 * its service Component, depending on the cluster it runs on. Without a
 * cluster ref the EKS cluster this repository creates is registered too.
 */
import {
  repositoryAnnotations,
  repositoryWebUrl,
} from '@gatehouse/plugin-infra-plans-common';
import type { RenderContext } from '../context';
import { shorten } from '../context';
import { KUBERNETES_ID_LABEL } from '../kubernetes/meta';

/** Annotation keys Gatehouse reads on environment resources. */
export const ENVIRONMENT_ANNOTATION = 'gatehouse.io/environment';
export const INFRA_PLAN_ANNOTATION = 'gatehouse.io/infra-plan';
/**
 * The environment's tier, from the plan: the approvals plugin governs
 * changes by it (whatever the environment is called), and it must agree with
 * the service's plan.
 */
export const TIER_ANNOTATION = 'gatehouse.io/tier';

/** Catalog entity name of the environment: `<service>-<environment>`. */
export function environmentEntityName(ctx: RenderContext): string {
  return shorten(
    `${ctx.service}-${ctx.envName}`.replace(/[^A-Za-z0-9._-]/g, '-'),
    63,
  );
}

/**
 * Where people open the repository. Only an explicit repositoryUrl becomes
 * the source location: the catalog reads the plan relative to it, and a
 * published repository's location is the catalog's own business (the local
 * copy, or the URL it registered).
 */
function repositoryLink(ctx: RenderContext): string | undefined {
  return (
    ctx.repositoryUrl ?? (ctx.repository && repositoryWebUrl(ctx.repository))
  );
}

export function catalogEntities(ctx: RenderContext): object[] {
  const { metadata } = ctx.plan;
  const name = environmentEntityName(ctx);
  // Not the cluster's own name: by default it equals the environment's.
  const clusterEntityName = shorten(`${name}-cluster`, 63);
  const clusterRef = ctx.clusterRef ?? `resource:${clusterEntityName}`;
  const sourceLocation = ctx.repositoryUrl
    ? { 'backstage.io/source-location': `url:${ctx.repositoryUrl}` }
    : {};
  const budget = ctx.env.budget
    ? { 'gatehouse.io/monthly-budget-usd': String(ctx.env.budget.monthlyUsd) }
    : {};
  const common = {
    owner: metadata.owner,
    ...(metadata.system ? { system: metadata.system } : {}),
  };
  const environment = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name,
      title: `${metadata.service} (${ctx.envName})`,
      description: `The ${ctx.envName} environment of ${metadata.service}: ${ctx.env.tier} tier in ${ctx.env.region}.`,
      tags: [ctx.env.tier, ctx.env.region],
      annotations: {
        [ENVIRONMENT_ANNOTATION]: ctx.envName,
        [INFRA_PLAN_ANNOTATION]: './infra-plan.yaml',
        [KUBERNETES_ID_LABEL]: ctx.service,
        'backstage.io/kubernetes-namespace': ctx.namespace,
        'gatehouse.io/region': ctx.env.region,
        [TIER_ANNOTATION]: ctx.env.tier,
        ...budget,
        ...sourceLocation,
        ...(ctx.repository ? repositoryAnnotations(ctx.repository) : {}),
      },
      ...(repositoryLink(ctx)
        ? {
            links: [
              { url: repositoryLink(ctx)!, title: 'Infrastructure repository' },
            ],
          }
        : {}),
    },
    spec: {
      type: 'environment',
      ...common,
      dependsOn: [clusterRef],
      dependencyOf: [ctx.serviceRef],
    },
  };
  if (ctx.clusterRef) return [environment];
  const cluster = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: clusterEntityName,
      title: `EKS ${ctx.clusterName}`,
      description: `EKS ${ctx.env.compute.cluster.kubernetesVersion} cluster of ${metadata.service} (${ctx.envName}) in ${ctx.env.region}, created by this repository.`,
      annotations: {
        [ENVIRONMENT_ANNOTATION]: ctx.envName,
        [TIER_ANNOTATION]: ctx.env.tier,
        'gatehouse.io/region': ctx.env.region,
        ...sourceLocation,
      },
    },
    spec: { type: 'kubernetes-cluster', ...common },
  };
  return [environment, cluster];
}

import type { Config } from '@backstage/config';
import {
  ANNOTATION_KUBERNETES_AUTH_PROVIDER,
  ANNOTATION_KUBERNETES_AWS_ASSUME_ROLE,
  ANNOTATION_KUBERNETES_AWS_CLUSTER_ID,
  ANNOTATION_KUBERNETES_AWS_EXTERNAL_ID,
} from '@backstage/plugin-kubernetes-common';

/** How the dashboard authenticates to one cluster. */
export type ClusterAuth =
  /** A bearer token from config, or the pod's own service account token when none is set. */
  | { provider: 'serviceAccount'; token: string | null }
  /** An EKS token signed with the backend's AWS credentials (optionally assuming a role). */
  | {
      provider: 'aws';
      assumeRole: string | null;
      externalId: string | null;
      awsClusterId: string | null;
    }
  /**
   * Providers that need the viewer's own token (oidc, google, …) cannot fill
   * a cache shared by every viewer; such clusters show this as their error.
   */
  | { provider: 'unsupported'; name: string };

/** One cluster from `kubernetes.clusterLocatorMethods` (type `config`). */
export type ClusterConnection = {
  name: string;
  title: string | null;
  url: string;
  auth: ClusterAuth;
  skipTLSVerify: boolean;
  caData: string | null;
  caFile: string | null;
};

function authOf(cluster: Config): ClusterAuth {
  const metadata =
    (cluster.getOptional('authMetadata') as Record<string, string>) ?? {};
  const provider =
    metadata[ANNOTATION_KUBERNETES_AUTH_PROVIDER] ??
    cluster.getOptionalString('authProvider') ??
    '';
  if (provider === 'serviceAccount') {
    return {
      provider,
      token:
        cluster.getOptionalString('serviceAccountToken') ??
        metadata.serviceAccountToken ??
        null,
    };
  }
  if (provider === 'aws') {
    return {
      provider,
      assumeRole:
        cluster.getOptionalString('assumeRole') ??
        metadata[ANNOTATION_KUBERNETES_AWS_ASSUME_ROLE] ??
        null,
      externalId:
        cluster.getOptionalString('externalId') ??
        metadata[ANNOTATION_KUBERNETES_AWS_EXTERNAL_ID] ??
        null,
      awsClusterId: metadata[ANNOTATION_KUBERNETES_AWS_CLUSTER_ID] ?? null,
    };
  }
  return { provider: 'unsupported', name: provider || '(none)' };
}

/**
 * The clusters the Kubernetes backend is configured with, read from the same
 * `kubernetes:` block, so the dashboard and the Kubernetes tab always show
 * the same clusters. Catalog-located clusters are not read here (see README).
 */
export function readClusterConnections(config: Config): ClusterConnection[] {
  const locators =
    config.getOptionalConfigArray('kubernetes.clusterLocatorMethods') ?? [];
  const clusters = locators
    .filter(locator => locator.getString('type') === 'config')
    .flatMap(locator => locator.getOptionalConfigArray('clusters') ?? [])
    .map(cluster => ({
      name: cluster.getString('name'),
      title: cluster.getOptionalString('title') ?? null,
      url: cluster.getString('url').replace(/\/+$/, ''),
      auth: authOf(cluster),
      skipTLSVerify: cluster.getOptionalBoolean('skipTLSVerify') ?? false,
      caData: cluster.getOptionalString('caData') ?? null,
      caFile: cluster.getOptionalString('caFile') ?? null,
    }));
  const seen = new Set<string>();
  for (const cluster of clusters) {
    if (seen.has(cluster.name))
      throw new Error(`Duplicate cluster name '${cluster.name}'`);
    seen.add(cluster.name);
  }
  return clusters;
}

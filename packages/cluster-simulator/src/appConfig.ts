import { stringify } from 'yaml';

/**
 * The `kubernetes:` app-config block that points Backstage's Kubernetes
 * plugin at simulated clusters.
 */

/** @public */
export interface AppConfigCluster {
  name: string;
  url: string;
  token?: string;
  environment?: string;
}

/**
 * The app-config the simulator suggests (a type alias, so it can be passed
 * wherever a JSON object is expected).
 *
 * @public
 */
export type KubernetesAppConfig = {
  kubernetes: {
    serviceLocatorMethod: { type: 'multiTenant' };
    clusterLocatorMethods: Array<{
      type: 'config';
      clusters: Array<{
        name: string;
        title?: string;
        url: string;
        authProvider: 'serviceAccount';
        serviceAccountToken: string;
        skipTLSVerify: boolean;
        skipMetricsLookup: boolean;
      }>;
    }>;
    customResources: Array<{
      group: string;
      apiVersion: string;
      plural: string;
    }>;
  };
};

/**
 * The token written for clusters that do not require one: the Kubernetes
 * plugin needs some credential for `serviceAccount` auth, and the simulator
 * accepts any token when none is configured.
 *
 * @public
 */
export const PLACEHOLDER_TOKEN = 'simulator-no-auth';

/**
 * Builds the `kubernetes:` app-config for the given clusters: the
 * multiTenant service locator, a config cluster locator with each cluster's
 * URL, `serviceAccount` auth with the cluster's token, TLS verification off
 * and metrics lookup on, plus Argo Rollouts as a custom resource.
 *
 * @public
 */
export function appConfigFor(
  clusters: ReadonlyArray<AppConfigCluster>,
): KubernetesAppConfig {
  return {
    kubernetes: {
      serviceLocatorMethod: { type: 'multiTenant' },
      clusterLocatorMethods: [
        {
          type: 'config',
          clusters: clusters.map(c => ({
            name: c.name,
            ...(c.environment
              ? { title: `${c.name} (simulated ${c.environment})` }
              : {}),
            url: c.url,
            authProvider: 'serviceAccount' as const,
            serviceAccountToken: c.token ?? PLACEHOLDER_TOKEN,
            skipTLSVerify: true,
            skipMetricsLookup: false,
          })),
        },
      ],
      customResources: [
        { group: 'argoproj.io', apiVersion: 'v1alpha1', plural: 'rollouts' },
      ],
    },
  };
}

/**
 * Renders a plain object (such as {@link appConfigFor}'s result) as YAML.
 * Long strings stay on one line (no folding), so the block can be pasted
 * into an app-config as it is.
 *
 * @public
 */
export function toYaml(value: unknown): string {
  return stringify(value, { lineWidth: 0 });
}

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

function yamlScalar(value: unknown): string {
  if (typeof value === 'string') {
    return /^[A-Za-z0-9_./:@-][A-Za-z0-9_./:@ ()-]*$/.test(value) &&
      !/^(true|false|null|yes|no|on|off|~|[-+]?\d.*)$/i.test(value) &&
      !value.endsWith(' ') &&
      !value.includes(': ')
      ? value
      : JSON.stringify(value);
  }
  return String(value);
}

function yamlLines(value: unknown, indent: string): string[] {
  if (Array.isArray(value)) {
    if (value.length === 0) {
      return [`${indent}[]`];
    }
    return value.flatMap(item => {
      const inner = yamlLines(item, `${indent}  `);
      if (item !== null && typeof item === 'object') {
        return [`${indent}- ${inner[0].trimStart()}`, ...inner.slice(1)];
      }
      return [`${indent}- ${yamlScalar(item)}`];
    });
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(
      ([k, v]) => {
        if (
          v !== null &&
          typeof v === 'object' &&
          (!Array.isArray(v) || v.length)
        ) {
          return [`${indent}${k}:`, ...yamlLines(v, `${indent}  `)];
        }
        if (Array.isArray(v)) {
          return [`${indent}${k}: []`];
        }
        return [`${indent}${k}: ${yamlScalar(v)}`];
      },
    );
  }
  return [`${indent}${yamlScalar(value)}`];
}

/**
 * Renders a plain object (such as {@link appConfigFor}'s result) as YAML.
 *
 * @public
 */
export function toYaml(value: unknown): string {
  return `${yamlLines(value, '').join('\n')}\n`;
}

import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { readDurationFromConfig } from '@backstage/config';
import { kubernetesFetcherExtensionPoint } from '@backstage/plugin-kubernetes-node';
import { durationToMilliseconds } from '@backstage/types';
import { withTimeout } from './withTimeout';

/** The same per-cluster timeout as the SRE dashboard's (plugins/clusters-backend). */
const TIMEOUT_KEY = 'gatehouse.clusters.timeout';
const DEFAULT_TIMEOUT_MS = 3_000;

/**
 * A per-cluster timeout for Backstage's Kubernetes backend: a cluster that
 * does not answer in time shows as that cluster's error on the Kubernetes
 * tab, and the other clusters' workloads show as usual.
 *
 * @public
 */
export const kubernetesModuleClusterTimeout = createBackendModule({
  pluginId: 'kubernetes',
  moduleId: 'cluster-timeout',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        fetcher: kubernetesFetcherExtensionPoint,
      },
      async init({ config, logger, fetcher }) {
        const timeoutMs = config.has(TIMEOUT_KEY)
          ? durationToMilliseconds(
              readDurationFromConfig(config, { key: TIMEOUT_KEY }),
            )
          : DEFAULT_TIMEOUT_MS;
        fetcher.addFetcher(async ({ getDefault }) =>
          withTimeout(await getDefault(), timeoutMs),
        );
        logger.info(`Each cluster has ${timeoutMs} ms to answer`);
      },
    });
  },
});

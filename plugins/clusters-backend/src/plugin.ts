import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { clustersPermissions } from '@gatehouse/plugin-clusters-common';
import { readClusterConnections } from './kubernetes/clusterConfig';
import { ServerSideClusterCredentials } from './kubernetes/ClusterCredentials';
import { KubernetesListClient } from './kubernetes/KubernetesListClient';
import { createRouter } from './router';
import { ClusterSnapshots } from './service/ClusterSnapshots';
import { DashboardService } from './service/DashboardService';
import { HealthService } from './service/HealthService';
import { ServiceDirectory } from './service/ServiceDirectory';
import { readClustersConfig } from './config';
import { ChangesSource } from './sources/ChangesSource';
import { SpendSource } from './sources/SpendSource';

/**
 * The clusters backend: live workload health across clusters, shared by
 * every viewer, and the SRE dashboard.
 *
 * @public
 */
export const clustersPlugin = createBackendPlugin({
  pluginId: 'clusters',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        lifecycle: coreServices.lifecycle,
        catalog: catalogServiceRef,
      },
      async init(deps) {
        deps.permissionsRegistry.addPermissions(clustersPermissions);
        const settings = readClustersConfig(deps.config);
        const clusters = readClusterConnections(deps.config);
        const client = new KubernetesListClient({
          credentials: new ServerSideClusterCredentials(deps.config),
          pageSize: settings.pageSize,
        });
        const snapshots = new ClusterSnapshots({
          clusters,
          client,
          timeoutMs: settings.timeoutMs,
          watchTimeoutSeconds: settings.watchTimeoutSeconds,
          retry: settings.retry,
        });
        // Watches start with the backend, so only its first seconds (or a
        // cluster coming back) can find a cluster not yet in memory.
        deps.lifecycle.addStartupHook(() => snapshots.start());
        // Closed before the connections they use.
        deps.lifecycle.addShutdownHook(async () => {
          await snapshots.stop();
          await client.close();
        });
        const directory = new ServiceDirectory(
          deps,
          settings.catalogCacheTtlMs,
        );
        const health = new HealthService({ snapshots, directory });
        const dashboard = new DashboardService({
          health,
          directory,
          changes: new ChangesSource({
            ...deps,
            timeoutMs: settings.timeoutMs,
          }),
          spend: new SpendSource({ ...deps, timeoutMs: settings.timeoutMs }),
        });
        deps.logger.info(
          `Workload health from ${clusters.length} cluster(s): ${
            clusters.map(c => c.name).join(', ') || 'none configured'
          }`,
        );
        deps.httpRouter.use(await createRouter({ ...deps, health, dashboard }));
      },
    });
  },
});

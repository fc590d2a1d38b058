import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { costPermissions } from '@gatehouse/plugin-cost-common';
import { createRouter, INGESTION_TASK_ID } from './router';
import { createCostServices } from './service/createCostServices';
import { runQueuedIngestions } from './service/runQueuedIngestions';
import { clockServiceRef } from '@gatehouse/clock';

/**
 * The cost backend: offline estimates, FOCUS billing ingestion, spend
 * dashboards, budgets and alerts.
 *
 * @public
 */
export const costPlugin = createBackendPlugin({
  pluginId: 'cost',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        database: coreServices.database,
        logger: coreServices.logger,
        auth: coreServices.auth,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
        scheduler: coreServices.scheduler,
        urlReader: coreServices.urlReader,
        catalog: catalogServiceRef,
        notifications: notificationService,
        clock: clockServiceRef,
      },
      async init(deps) {
        deps.permissionsRegistry.addPermissions(costPermissions);
        const services = await createCostServices(deps);
        await deps.scheduler.scheduleTask({
          id: INGESTION_TASK_ID,
          ...services.settings.schedule,
          fn: () => runQueuedIngestions(services.store, services.ingestion),
        });
        deps.httpRouter.use(await createRouter({ ...deps, ...services }));
      },
    });
  },
});

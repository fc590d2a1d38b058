import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { infraPlansPermissions } from '@gatehouse/plugin-infra-plans-common';
import { readInfraPlansConfig } from './config';
import { createRouter } from './router';
import { PlanService } from './service/PlanService';
import { PlanSourceReader } from './source/PlanSourceReader';
import { DatabasePlanRevisionStore } from './store/DatabasePlanRevisionStore';
import { clockServiceRef } from '@gatehouse/clock';

/**
 * The infra-plans backend: each service's infrastructure plan, read from its
 * repository, validated, kept as revisions, compared and rendered.
 *
 * @public
 */
export const infraPlansPlugin = createBackendPlugin({
  pluginId: 'infra-plans',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        database: coreServices.database,
        logger: coreServices.logger,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
        urlReader: coreServices.urlReader,
        catalog: catalogServiceRef,
        clock: clockServiceRef,
      },
      async init(deps) {
        deps.permissionsRegistry.addPermissions(infraPlansPermissions);
        const settings = readInfraPlansConfig(deps.config);
        const plans = new PlanService({
          store: await DatabasePlanRevisionStore.create(deps),
          reader: new PlanSourceReader(
            deps.urlReader,
            settings.allowedDirectories,
          ),
          catalog: deps.catalog,
          logger: deps.logger,
          refreshAfterMs: settings.refreshAfterMs,
          clock: deps.clock,
        });
        deps.httpRouter.use(await createRouter({ ...deps, plans }));
      },
    });
  },
});

import type {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { authorizeOrThrow, mountRoutes } from '@gatehouse/http-contract';
import {
  clustersDashboardReadPermission,
  clustersRoutes,
} from '@gatehouse/plugin-clusters-common';
import express from 'express';
import Router from 'express-promise-router';
import type { DashboardService } from './service/DashboardService';
import type { HealthService } from './service/HealthService';

export type RouterOptions = {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
  health: HealthService;
  dashboard: DashboardService;
};

/** The routes of the contract in @gatehouse/plugin-clusters-common ({@link clustersRoutes}). */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, permissions, catalog, health, dashboard } = options;
  const router = Router();

  // Every route shows workload health, so every route checks the one permission.
  const authenticate = async (req: express.Request) =>
    authorizeOrThrow(
      permissions,
      await httpAuth.credentials(req, { allow: ['user', 'service'] }),
      { permission: clustersDashboardReadPermission },
      () => 'You may not see workload health',
    );

  mountRoutes(
    router,
    clustersRoutes,
    { authenticate },
    {
      dashboard: async ({ query }, { credentials }) =>
        dashboard.dashboard(credentials, query),

      entityHealth: async ({ params: ref }, { credentials }) => {
        // Asked as the viewer: an entity they may not see is not found.
        const entity = await catalog.getEntityByRef(ref, { credentials });
        if (!entity) {
          throw new NotFoundError(
            `No ${ref.kind}:${ref.namespace}/${ref.name} in the catalog`,
          );
        }
        return health.entity(entity);
      },
    },
  );

  return router;
}

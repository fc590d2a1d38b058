import type {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { parseInput as parse } from '@gatehouse/http-contract';
import {
  clustersDashboardReadPermission,
  dashboardQuerySchema,
  entityHealthParamsSchema,
} from '@gatehouse/plugin-clusters-common';
import express, { Request } from 'express';
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

/** The routes of the contract in @gatehouse/plugin-clusters-common (api.ts). */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, permissions, catalog, health, dashboard } = options;
  const router = Router();

  async function authorize(req: Request) {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const [decision] = await permissions.authorize(
      [{ permission: clustersDashboardReadPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError('You may not see workload health');
    }
    return credentials;
  }

  router.get('/dashboard', async (req, res) => {
    const credentials = await authorize(req);
    const query = parse(dashboardQuerySchema, req.query, 'query');
    res.json(await dashboard.dashboard(credentials, query));
  });

  router.get('/entities/:kind/:namespace/:name/health', async (req, res) => {
    const credentials = await authorize(req);
    const ref = parse(entityHealthParamsSchema, req.params, 'entity');
    // Asked as the viewer: an entity they may not see is not found.
    const entity = await catalog.getEntityByRef(ref, { credentials });
    if (!entity) {
      throw new NotFoundError(
        `No ${ref.kind}:${ref.namespace}/${ref.name} in the catalog`,
      );
    }
    res.json(await health.entity(entity));
  });

  return router;
}

/**
 * The clusters backend's HTTP contract (all under /api/clusters): every route
 * needs a signed-in user or a service token and the
 * {@link clustersDashboardReadPermission}. The router mounts exactly these
 * routes and the client calls them; `contract.test.ts` in the backend checks
 * that each answers as typed.
 *
 * Cluster objects come from one LIST per cluster and object type, shared by
 * every request and viewer for a few seconds; a cluster that does not answer
 * within the per-cluster timeout appears with its error, next to the others.
 */
import { defineRoutes, jsonAnswer } from '@gatehouse/http-contract';
import { z } from 'zod';
import type { EntityWorkloadHealth, SreDashboard } from './types';

// Backstage's own naming rules for kinds, namespaces and names.
const kind = z
  .string()
  .regex(/^[a-zA-Z][a-zA-Z0-9]*$/, 'must be an entity kind such as component')
  .max(63);
const entityName = z
  .string()
  .max(63, 'must be at most 63 characters')
  .regex(
    /^[a-zA-Z0-9]+(?:[-_.][a-zA-Z0-9]+)*$/,
    'must be letters and digits separated by -, _ or .',
  );

/** Path of the entity health route. */
export const entityHealthParamsSchema = z.object({
  kind,
  namespace: entityName,
  name: entityName,
});

export const dashboardQuerySchema = z.object({
  /** Only this environment's section (e.g. `production`). */
  environment: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[a-z0-9-]+$/, 'must be lower-case letters, digits and dashes')
    .optional(),
});

export type EntityHealthParams = z.input<typeof entityHealthParamsSchema>;
export type DashboardQuery = z.input<typeof dashboardQuerySchema>;

/** The routes of the clusters backend. @public */
export const clustersRoutes = defineRoutes({
  dashboard: {
    method: 'GET',
    path: '/dashboard',
    query: dashboardQuerySchema,
    answer: jsonAnswer<SreDashboard>('SreDashboard'),
    summary:
      'Every cluster by environment: services, workload health, problems and spend',
  },
  entityHealth: {
    method: 'GET',
    path: '/entities/:kind/:namespace/:name/health',
    params: entityHealthParamsSchema,
    names: { params: 'entity' },
    answer: jsonAnswer<EntityWorkloadHealth>('EntityWorkloadHealth'),
    summary:
      "One catalog entity's workloads on every cluster, as the viewer may see it",
  },
});

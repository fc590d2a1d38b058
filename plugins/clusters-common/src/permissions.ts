import { createPermission } from '@backstage/plugin-permission-common';

/**
 * See workload health across clusters: the SRE dashboard and a service's
 * workload health. The dashboard also shows change requests and spend, which
 * their own plugins check for the same viewer.
 * @public
 */
export const clustersDashboardReadPermission = createPermission({
  name: 'gatehouse.clusters.dashboard.read',
  attributes: { action: 'read' },
});

/** @public */
export const clustersPermissions = [clustersDashboardReadPermission];

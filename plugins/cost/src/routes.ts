import {
  createExternalRouteRef,
  createRouteRef,
} from '@backstage/frontend-plugin-api';

export const rootRouteRef = createRouteRef();
export const estimateRouteRef = createRouteRef({ params: ['id'] });

/**
 * The approvals plugin's page of a change request; bound by default to its
 * `request` route, so links to requests disappear when that plugin is absent.
 */
export const approvalRequestRouteRef = createExternalRouteRef({
  params: ['id'],
  defaultTarget: 'approvals.request',
});

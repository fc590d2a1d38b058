import {
  createExternalRouteRef,
  createRouteRef,
} from '@backstage/frontend-plugin-api';

/** The SRE dashboard, at /sre. */
export const rootRouteRef = createRouteRef();

/**
 * A change request's page in the approvals plugin; bound by default to its
 * `request` route, so the link disappears when that plugin is absent.
 */
export const changeRequestRouteRef = createExternalRouteRef({
  params: ['id'],
  defaultTarget: 'approvals.request',
});

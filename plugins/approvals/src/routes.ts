import {
  createExternalRouteRef,
  createRouteRef,
} from '@backstage/frontend-plugin-api';

/** The inbox, at /approvals. */
export const rootRouteRef = createRouteRef();

/** One change request, at /approvals/requests/:id. */
export const requestRouteRef = createRouteRef({ params: ['id'] });

/**
 * The cost plugin's page of a kept estimate; bound by default to the cost
 * plugin's `estimate` route, so the link disappears when that plugin is absent.
 */
export const costEstimateRouteRef = createExternalRouteRef({
  params: ['id'],
  defaultTarget: 'cost.estimate',
});

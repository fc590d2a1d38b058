import { createRouteRef } from '@backstage/frontend-plugin-api';

export const rootRouteRef = createRouteRef();
export const estimateRouteRef = createRouteRef({ params: ['id'] });

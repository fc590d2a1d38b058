import { createApiRef } from '@backstage/frontend-plugin-api';
import type { CostApi } from '@gatehouse/plugin-cost-common';

/**
 * The cost backend's client. The cost plugin provides it; other plugins
 * (approvals and infra-plans show estimates) use it through this ref.
 */
export const costApiRef = createApiRef<CostApi>({
  id: 'plugin.gatehouse.cost',
});

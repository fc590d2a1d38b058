import {
  ApiBlueprint,
  createApiRef,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { CostApi, CostClient } from '@gatehouse/plugin-cost-common';

/** The cost backend's client, for this plugin and others (approvals show estimates). */
export const costApiRef = createApiRef<CostApi>({
  id: 'plugin.gatehouse.cost',
});

export const costApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: costApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new CostClient({ discoveryApi, fetchApi }),
    }),
});

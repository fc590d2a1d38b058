import {
  ApiBlueprint,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { CostClient } from '@gatehouse/plugin-cost-common';
import { costApiRef } from '@gatehouse/plugin-cost-react';

// The ref lives in cost-react so that other plugins need not import this one.
export { costApiRef };

/** Provides the cost backend's client under the ref that cost-react shares with other plugins. */
export const costApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: costApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new CostClient({ discoveryApi, fetchApi }),
    }),
});

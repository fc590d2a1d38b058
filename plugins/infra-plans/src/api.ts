import {
  ApiBlueprint,
  createApiRef,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import {
  InfraPlansApi,
  InfraPlansClient,
} from '@gatehouse/plugin-infra-plans-common';

/** The infra-plans backend's client. */
export const infraPlansApiRef = createApiRef<InfraPlansApi>({
  id: 'plugin.gatehouse.infra-plans',
});

export const infraPlansApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: infraPlansApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new InfraPlansClient({ discoveryApi, fetchApi }),
    }),
});

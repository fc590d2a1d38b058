import {
  ApiBlueprint,
  createApiRef,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import {
  ApprovalsApi,
  ApprovalsClient,
} from '@gatehouse/plugin-approvals-common';

/** The approvals backend's client, for this plugin and others. @public */
export const approvalsApiRef = createApiRef<ApprovalsApi>({
  id: 'plugin.gatehouse.approvals',
});

export const approvalsApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: approvalsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ApprovalsClient({ discoveryApi, fetchApi }),
    }),
});

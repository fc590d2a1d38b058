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
import { ClustersApi, ClustersClient } from '@gatehouse/plugin-clusters-common';

/** The clusters backend's client. @public */
export const clustersApiRef = createApiRef<ClustersApi>({
  id: 'plugin.gatehouse.clusters',
});

export const clustersApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: clustersApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ClustersClient({ discoveryApi, fetchApi }),
    }),
});

/** What the SRE dashboard asks the approvals backend: its unapproved-change alerts. */
export type UnapprovedChangesApi = Pick<ApprovalsApi, 'unapprovedChanges'>;

/**
 * The approvals backend's typed client, as this plugin uses it. Its own ref
 * and its own instance: a frontend plugin never imports another, so the
 * approvals plugin's `approvalsApiRef` is not reachable from here.
 */
export const unapprovedChangesApiRef = createApiRef<UnapprovedChangesApi>({
  id: 'plugin.gatehouse.clusters.approvals',
});

export const unapprovedChangesApi = ApiBlueprint.make({
  name: 'approvals',
  params: defineParams =>
    defineParams({
      api: unapprovedChangesApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ApprovalsClient({ discoveryApi, fetchApi }),
    }),
});

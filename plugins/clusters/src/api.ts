import {
  ApiBlueprint,
  createApiRef,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
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

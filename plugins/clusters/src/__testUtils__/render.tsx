import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import type { ClustersApi } from '@gatehouse/plugin-clusters-common';
import {
  clustersApiRef,
  UnapprovedChangesApi,
  unapprovedChangesApiRef,
} from '../api';
import { fakeUnapprovedChangesApi } from './fixtures';
import { changeRequestRouteRef, rootRouteRef } from '../routes';

export function renderWithClusters(
  element: JSX.Element,
  options: {
    api: ClustersApi;
    /** The approvals backend's alerts; none by default. */
    approvals?: UnapprovedChangesApi;
    extraApis?: any[];
  },
) {
  return renderInTestApp(element, {
    apis: [
      [clustersApiRef, options.api],
      [
        unapprovedChangesApiRef,
        options.approvals ?? fakeUnapprovedChangesApi(),
      ],
      mockApis.permission(),
      ...(options.extraApis ?? []),
    ] as any,
    mountedRoutes: {
      '/sre': rootRouteRef,
      '/approvals/requests/:id': changeRequestRouteRef as any,
      '/catalog/:namespace/:kind/:name': entityRouteRef as any,
    },
  });
}

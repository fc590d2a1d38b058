import {
  createFrontendPlugin,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import DashboardIcon from '@material-ui/icons/Speed';
import { clustersApi } from './api';
import { changeRequestRouteRef, rootRouteRef } from './routes';

const sreDashboardPage = PageBlueprint.make({
  params: {
    path: '/sre',
    routeRef: rootRouteRef,
    title: 'SRE dashboard',
    icon: <DashboardIcon />,
    loader: () =>
      import('./components/SreDashboardPage').then(m => <m.SreDashboardPage />),
  },
});

/** Entities whose workloads the Kubernetes plugin finds: the same annotation. */
const hasKubernetesId = {
  'metadata.annotations.backstage.io/kubernetes-id': { $exists: true },
};

const entityWorkloadHealthCard = EntityCardBlueprint.make({
  name: 'workload-health',
  params: {
    filter: hasKubernetesId,
    loader: () =>
      import('./components/EntityWorkloadHealthCard').then(m => (
        <m.EntityWorkloadHealthCard />
      )),
  },
});

const entitySpendTrendCard = EntityCardBlueprint.make({
  name: 'spend-trend',
  params: {
    filter: { kind: 'component' },
    loader: () =>
      import('./components/EntitySpendTrendCard').then(m => (
        <m.EntitySpendTrendCard />
      )),
  },
});

/** Live workload health across clusters, and the SRE dashboard. */
export const clustersPlugin = createFrontendPlugin({
  pluginId: 'clusters',
  title: 'SRE dashboard',
  icon: <DashboardIcon />,
  extensions: [
    clustersApi,
    sreDashboardPage,
    entityWorkloadHealthCard,
    entitySpendTrendCard,
  ],
  routes: { root: rootRouteRef },
  externalRoutes: { changeRequest: changeRequestRouteRef },
});

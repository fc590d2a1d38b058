import {
  createFrontendPlugin,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import DashboardIcon from '@material-ui/icons/Speed';
import { clustersApi, unapprovedChangesApi } from './api';
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

/**
 * The Kubernetes tab: Backstage's own, shown for the same annotations, with
 * the example-data label above it when the clusters are the simulator. The
 * Kubernetes plugin's tab is disabled in app-config.yaml in its favour.
 */
const entityKubernetesTab = EntityContentBlueprint.make({
  name: 'kubernetes',
  params: {
    path: '/kubernetes',
    title: 'Kubernetes',
    group: 'deployment',
    filter: {
      $any: [
        hasKubernetesId,
        {
          'metadata.annotations.backstage.io/kubernetes-label-selector': {
            $exists: true,
          },
        },
      ],
    },
    loader: () =>
      import('./components/EntityKubernetesTab').then(m => (
        <m.EntityKubernetesTab />
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
    unapprovedChangesApi,
    sreDashboardPage,
    entityWorkloadHealthCard,
    entitySpendTrendCard,
    entityKubernetesTab,
  ],
  routes: { root: rootRouteRef },
  externalRoutes: { changeRequest: changeRequestRouteRef },
});

import {
  createFrontendPlugin,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import ApprovalsIcon from '@material-ui/icons/AssignmentTurnedIn';
import { approvalsApi } from './api';
import { costEstimateRouteRef, requestRouteRef, rootRouteRef } from './routes';

const inboxPage = PageBlueprint.make({
  params: {
    path: '/approvals',
    routeRef: rootRouteRef,
    title: 'Approvals',
    icon: <ApprovalsIcon />,
    loader: () => import('./components/InboxPage').then(m => <m.InboxPage />),
  },
});

const requestPage = PageBlueprint.make({
  name: 'request',
  params: {
    path: '/approvals/requests/:id',
    routeRef: requestRouteRef,
    loader: () =>
      import('./components/RequestPage').then(m => <m.RequestPage />),
  },
});

const entityChangesContent = EntityContentBlueprint.make({
  name: 'changes',
  params: {
    path: '/changes',
    title: 'Changes',
    filter: { kind: 'component' },
    loader: () =>
      import('./components/EntityChangesContent').then(m => (
        <m.EntityChangesContent />
      )),
  },
});

const entityOpenRequestsCard = EntityCardBlueprint.make({
  name: 'open-requests',
  params: {
    filter: { kind: 'component' },
    loader: () =>
      import('./components/EntityOpenRequestsCard').then(m => (
        <m.EntityOpenRequestsCard />
      )),
  },
});

/** Change requests for infrastructure, and the humans who approve them. */
export const approvalsPlugin = createFrontendPlugin({
  pluginId: 'approvals',
  title: 'Approvals',
  icon: <ApprovalsIcon />,
  extensions: [
    approvalsApi,
    inboxPage,
    requestPage,
    entityChangesContent,
    entityOpenRequestsCard,
  ],
  routes: { root: rootRouteRef, request: requestRouteRef },
  externalRoutes: { costEstimate: costEstimateRouteRef },
});

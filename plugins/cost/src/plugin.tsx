import {
  createFrontendPlugin,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import MoneyIcon from '@material-ui/icons/AttachMoney';
import { costApi } from './api';
import {
  approvalRequestRouteRef,
  estimateRouteRef,
  rootRouteRef,
} from './routes';

const costPage = PageBlueprint.make({
  params: {
    path: '/cost',
    routeRef: rootRouteRef,
    title: 'Cost',
    icon: <MoneyIcon />,
    loader: () => import('./components/CostPage').then(m => <m.CostPage />),
  },
});

const estimatePage = PageBlueprint.make({
  name: 'estimate',
  params: {
    path: '/cost/estimates/:id',
    routeRef: estimateRouteRef,
    loader: () =>
      import('./components/EstimatePage').then(m => <m.EstimatePage />),
  },
});

const entityCostContent = EntityContentBlueprint.make({
  name: 'cost',
  params: {
    path: '/cost',
    title: 'Cost',
    filter: { kind: 'component' },
    loader: () =>
      import('./components/EntityCostContent').then(m => (
        <m.EntityCostContent />
      )),
  },
});

/** Spend against budgets, alerts and cost estimates. */
export const costPlugin = createFrontendPlugin({
  pluginId: 'cost',
  title: 'Cost',
  icon: <MoneyIcon />,
  extensions: [costApi, costPage, estimatePage, entityCostContent],
  routes: { root: rootRouteRef, estimate: estimateRouteRef },
  externalRoutes: { approvalRequest: approvalRequestRouteRef },
});

import type { AuthService } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { parseEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import type { EntityCostSummary } from '@gatehouse/plugin-cost-common';
import type { CostStore } from '../../store/CostStore';
import { addDays } from '../../store/dayRanges';
import type { BudgetService } from '../budgets/BudgetService';
import type { SpendService } from '../spend/SpendService';
import type {
  OpenCostClient,
  OpenCostCluster,
} from '../opencost/OpenCostClient';

const NAMESPACE_ANNOTATION = 'backstage.io/kubernetes-namespace';
const TREND_DAYS = 90;
const OPENCOST_WINDOW = '7d';

/** Everything a service's cost tab shows, gathered in one request. */
export class EntitySummaryService {
  constructor(
    private readonly deps: {
      store: CostStore;
      spend: SpendService;
      budgets: BudgetService;
      catalog: CatalogService;
      auth: AuthService;
      openCost: OpenCostClient;
      openCostClusters: OpenCostCluster[];
    },
  ) {}

  async summarize(entityRef: string): Promise<EntityCostSummary> {
    const { store, spend, budgets, catalog, auth } = this.deps;
    const entity = await catalog.getEntityByRef(entityRef, {
      credentials: await auth.getOwnServiceCredentials(),
    });
    if (!entity) throw new NotFoundError(`No ${entityRef} in the catalog`);
    // Billing tags name services by their catalog name.
    const service = parseEntityRef(entityRef).name;
    const { month, asOf } = await budgets.currentMonth();
    const lastDay = await store.lastDay();
    const to = lastDay ?? asOf;

    const [trend, monthTotals, budgetStatuses, alerts, estimates, openCost] =
      await Promise.all([
        spend.timeseries({
          range: { from: addDays(to, -(TREND_DAYS - 1)), to },
          groupBy: 'environment',
          metric: 'effective',
          filters: { service },
          top: 5,
        }),
        store.dailyTotal({
          range: { from: `${month}-01`, to },
          metric: 'effective',
          filters: { service },
        }),
        budgets.statuses(month, { service }),
        store.listAlerts({ dimension: 'service', key: service, limit: 20 }),
        store.listEstimates({ entityRef, limit: 10 }),
        this.openCost(
          entity.metadata.annotations?.[NAMESPACE_ANNOTATION] ?? service,
        ),
      ]);

    return {
      entityRef,
      service,
      asOf: lastDay ?? null,
      trend,
      monthToDate: monthTotals.reduce((sum, d) => sum + d.cost, 0),
      budgets: budgetStatuses,
      alerts,
      estimates,
      openCost,
    };
  }

  /** In-cluster cost from every configured OpenCost; one failing cluster does not hide the others. */
  private async openCost(
    namespace: string,
  ): Promise<EntityCostSummary['openCost']> {
    const clusters = this.deps.openCostClusters;
    if (clusters.length === 0) return { status: 'not-configured' };
    const results = await Promise.allSettled(
      clusters.map(cluster =>
        this.deps.openCost.allocations(cluster, {
          window: OPENCOST_WINDOW,
          namespace,
        }),
      ),
    );
    return {
      status: 'ok',
      window: OPENCOST_WINDOW,
      allocations: results.flatMap(r =>
        r.status === 'fulfilled' ? r.value : [],
      ),
      errors: results.flatMap((r, i) =>
        r.status === 'rejected'
          ? [
              {
                cluster: clusters[i].name,
                message: String(r.reason?.message ?? r.reason),
              },
            ]
          : [],
      ),
    };
  }
}

import type {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import {
  BudgetStatus,
  CostAlert,
  CostClient,
  SpendTotals,
} from '@gatehouse/plugin-cost-common';
import { serviceClientOptions } from '@gatehouse/http-contract';

export type Spend = {
  month: string;
  asOf: string;
  budgets: BudgetStatus[];
  /** Month-to-date spend by environment. */
  byEnvironment: SpendTotals;
  alerts: CostAlert[];
};

const ALERTS_LISTED = 100;

/** Spend, budgets and alerts from the cost plugin, seen as the viewer sees them. */
export class SpendSource {
  constructor(
    private readonly deps: {
      auth: AuthService;
      discovery: DiscoveryService;
      timeoutMs: number;
    },
  ) {}

  async spend(credentials: BackstageCredentials): Promise<Spend> {
    const client = new CostClient(
      serviceClientOptions({
        discovery: this.deps.discovery,
        auth: this.deps.auth,
        credentials,
        targetPluginId: 'cost',
        timeoutMs: this.deps.timeoutMs,
      }),
    );
    const [budgets, alerts] = await Promise.all([
      client.budgets(),
      client.alerts({ limit: ALERTS_LISTED }),
    ]);
    // Budgets are measured at the newest day with billing data: so is spend.
    const byEnvironment = await client.totals({
      from: `${budgets.month}-01`,
      to: budgets.asOf,
      groupBy: 'environment',
    });
    return {
      month: budgets.month,
      asOf: budgets.asOf,
      budgets: budgets.budgets,
      byEnvironment,
      alerts: alerts.alerts,
    };
  }
}

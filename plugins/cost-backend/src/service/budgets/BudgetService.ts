import type { BudgetStatus, SpendFilters } from '@gatehouse/plugin-cost-common';
import type { CostStore } from '../../store/CostStore';
import { lastDayOfMonth } from '../../store/dayRanges';
import type { BudgetProvider } from './BudgetProvider';
import { forecastMonth } from './forecast';

/** Percent of budget at which a budget shows as a warning. */
export const BUDGET_WARNING_PERCENT = 80;

/** Budgets against actual spend and the month-end forecast. */
export class BudgetService {
  constructor(
    private readonly store: CostStore,
    private readonly provider: BudgetProvider,
  ) {}

  /** The month the newest billing data belongs to (or the current one). */
  async currentMonth(): Promise<{ month: string; asOf: string }> {
    const asOf =
      (await this.store.lastDay()) ?? new Date().toISOString().slice(0, 10);
    return { month: asOf.slice(0, 7), asOf };
  }

  async statuses(
    month?: string,
    scope?: SpendFilters,
  ): Promise<BudgetStatus[]> {
    const current = await this.currentMonth();
    const target = month ?? current.month;
    const budgets = (await this.provider.budgets()).filter(
      b =>
        !scope ||
        Object.entries(scope).every(
          ([d, k]) => k === undefined || (b.dimension === d && b.key === k),
        ),
    );
    return Promise.all(
      budgets.map(async budget => {
        const daily = await this.store.dailyTotal({
          range: { from: `${target}-01`, to: lastDayOfMonth(target) },
          metric: 'effective',
          filters: { [budget.dimension]: budget.key },
        });
        const { actualToDate, forecast } = forecastMonth(
          target,
          daily,
          current.asOf,
        );
        const percentUsed = (actualToDate / budget.monthlyBudget) * 100;
        const forecastPercent = (forecast / budget.monthlyBudget) * 100;
        let status: BudgetStatus['status'] = 'ok';
        if (percentUsed >= 100) status = 'over';
        else if (
          percentUsed >= BUDGET_WARNING_PERCENT ||
          forecastPercent >= 100
        )
          status = 'warning';
        return {
          dimension: budget.dimension,
          key: budget.key,
          month: target,
          monthlyBudget: budget.monthlyBudget,
          source: budget.source,
          actualToDate,
          forecast,
          percentUsed,
          forecastPercent,
          status,
        };
      }),
    );
  }
}

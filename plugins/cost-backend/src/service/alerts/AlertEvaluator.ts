import type { CostAlert, SpendDimension } from '@gatehouse/plugin-cost-common';
import type { CostStore, NewCostAlert } from '../../store/CostStore';
import { addDays, lastDayOfMonth } from '../../store/dayRanges';
import type { BudgetService } from '../budgets/BudgetService';
import { AnomalySettings, detectAnomalies } from './detectAnomalies';

export type AlertSettings = {
  /** Monthly spend amounts (USD) whose crossing is announced once per month. */
  thresholds: number[];
  /** Percentages of a budget whose crossing is announced once per month. */
  budgetPercentages: number[];
  anomaly: AnomalySettings;
  /** How many recent days of data are checked for anomalies on each run. */
  anomalyCheckDays: number;
};

/** Alerting on thresholds is per service and per team. */
const THRESHOLD_DIMENSIONS: SpendDimension[] = ['service', 'team'];

const usd = (n: number) =>
  n.toLocaleString('en-US', { maximumFractionDigits: 0 });

/**
 * Looks at the newest billing data and records alerts: fixed monthly
 * thresholds, budget percentages and daily anomalies per service. The store
 * keeps one alert per crossing, so running this after every ingestion (and on
 * several replicas) never alerts twice; only new alerts are handed on.
 */
export class AlertEvaluator {
  constructor(
    private readonly store: CostStore,
    private readonly budgets: BudgetService,
    private readonly settings: AlertSettings,
    private readonly onNewAlert: (alert: CostAlert) => Promise<void>,
  ) {}

  async evaluate(): Promise<CostAlert[]> {
    const lastDay = await this.store.lastDay();
    if (!lastDay) return [];
    const month = lastDay.slice(0, 7);
    const candidates = [
      ...(await this.thresholdAlerts(month)),
      ...(await this.budgetAlerts(month)),
      ...(await this.anomalyAlerts(lastDay)),
    ];
    const created: CostAlert[] = [];
    for (const candidate of candidates) {
      const alert = await this.store.recordAlert(candidate);
      if (alert) {
        created.push(alert);
        await this.onNewAlert(alert);
      }
    }
    return created;
  }

  private async thresholdAlerts(month: string): Promise<NewCostAlert[]> {
    const range = { from: `${month}-01`, to: lastDayOfMonth(month) };
    const alerts: NewCostAlert[] = [];
    for (const dimension of THRESHOLD_DIMENSIONS) {
      const totals = await this.store.totals({
        range,
        metric: 'effective',
        filters: {},
        groupBy: dimension,
      });
      for (const { key, cost } of totals) {
        if (key === null) continue;
        for (const threshold of this.settings.thresholds) {
          if (cost < threshold) continue;
          alerts.push({
            dedupeKey: `threshold:${dimension}:${key}:${month}:${threshold}`,
            kind: 'threshold',
            dimension,
            key,
            period: month,
            threshold,
            actual: cost,
            message: `${key} passed ${usd(threshold)} USD in ${month}`,
          });
        }
      }
    }
    return alerts;
  }

  private async budgetAlerts(month: string): Promise<NewCostAlert[]> {
    const alerts: NewCostAlert[] = [];
    for (const status of await this.budgets.statuses(month)) {
      for (const percentage of this.settings.budgetPercentages) {
        if (status.percentUsed < percentage) continue;
        alerts.push({
          dedupeKey: `budget:${status.dimension}:${status.key}:${month}:${percentage}`,
          kind: 'budget',
          dimension: status.dimension,
          key: status.key,
          period: month,
          threshold: percentage,
          actual: status.percentUsed,
          message: `${status.key} used ${percentage}% of its ${usd(
            status.monthlyBudget,
          )} USD budget for ${month}`,
        });
      }
    }
    return alerts;
  }

  private async anomalyAlerts(lastDay: string): Promise<NewCostAlert[]> {
    const { trailingDays } = this.settings.anomaly;
    const checkDays = Array.from(
      { length: this.settings.anomalyCheckDays },
      (_, i) => addDays(lastDay, -i),
    );
    const daily = await this.store.daily({
      range: {
        from: addDays(
          lastDay,
          -(this.settings.anomalyCheckDays + trailingDays),
        ),
        to: lastDay,
      },
      metric: 'effective',
      filters: {},
      groupBy: 'service',
    });
    const byService = new Map<string, Map<string, number>>();
    for (const point of daily) {
      if (point.key === null) continue;
      if (!byService.has(point.key)) byService.set(point.key, new Map());
      byService.get(point.key)!.set(point.day, point.cost);
    }
    const alerts: NewCostAlert[] = [];
    for (const [service, history] of byService) {
      for (const anomaly of detectAnomalies(
        history,
        checkDays,
        this.settings.anomaly,
      )) {
        alerts.push({
          dedupeKey: `anomaly:service:${service}:${anomaly.day}`,
          kind: 'anomaly',
          dimension: 'service',
          key: service,
          period: anomaly.day,
          threshold:
            anomaly.mean +
            this.settings.anomaly.standardDeviations *
              anomaly.standardDeviation,
          actual: anomaly.cost,
          message: `${service} spent ${usd(anomaly.cost)} USD on ${
            anomaly.day
          }, against a usual ${usd(anomaly.mean)} USD a day`,
        });
      }
    }
    return alerts;
  }
}

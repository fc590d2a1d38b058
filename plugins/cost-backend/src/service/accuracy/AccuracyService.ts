import { parseEntityRef } from '@backstage/catalog-model';
import {
  EstimateAccuracy,
  EstimateError,
  HOURS_PER_MONTH,
  SpendWindow,
  roundMoney,
} from '@gatehouse/plugin-cost-common';
import type { CostStore } from '../../store/CostStore';
import { addDays, dayCount } from '../../store/dayRanges';

/** Days in the 730-hour month estimates are priced for. */
const DAYS_PER_MONTH = HOURS_PER_MONTH / 24;

/** How long to wait before judging an estimate, and how far to look. */
export type AccuracySettings = {
  /** Days of billing data after the approval day an estimate needs. */
  settleAfterDays: number;
  /** At most this many days after (and as many before) the approval day count. */
  windowDays: number;
};

export const DEFAULT_ACCURACY_SETTINGS: AccuracySettings = {
  settleAfterDays: 7,
  windowDays: 30,
};

export type AccuracyRequest = {
  entityRef: string;
  environment: string;
  /** Approval time: an ISO timestamp or a day. */
  since: string;
  estimatedMonthly: number;
  estimatedDelta?: number;
};

function errorOf(estimate: number, actual: number): EstimateError {
  const difference = estimate - actual;
  return {
    difference: roundMoney(difference),
    percent:
      actual === 0 ? null : roundMoney((difference / Math.abs(actual)) * 100),
  };
}

const minDay = (a: string, b: string) => (a < b ? a : b);
const maxDay = (a: string, b: string) => (a > b ? a : b);

const utcDay = (instant: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(instant)
    ? instant
    : new Date(instant).toISOString().slice(0, 10);

/**
 * Compares an approved estimate with what the service's environment then
 * cost. Both sides are monthly run rates: the daily average of a window of
 * billing days × 730/24, the month the estimate is priced for. The approval
 * day itself is in neither window (the change lands during it); the "after"
 * window is the days after it with billing data (at most `windowDays`), the
 * "before" window as many days just before it, so the estimate's delta can
 * be set against the actual change. A day without any spend of the service
 * counts as zero, as long as billing data covers it.
 */
export class AccuracyService {
  constructor(
    private readonly store: CostStore,
    private readonly settings: AccuracySettings = DEFAULT_ACCURACY_SETTINGS,
    private readonly currency = 'USD',
  ) {}

  async compare(request: AccuracyRequest): Promise<EstimateAccuracy> {
    const { settleAfterDays, windowDays } = this.settings;
    // Billing tags name services by their catalog name.
    const service = parseEntityRef(request.entityRef).name;
    const approvedOn = utcDay(request.since);
    const [firstDay, lastDay] = await Promise.all([
      this.store.firstDay(),
      this.store.lastDay(),
    ]);
    // Run rates at full precision; the answer rounds them once.
    const rates = new Map<SpendWindow, number>();
    const rate = (w: SpendWindow) => rates.get(w)!;
    const spend = async (from: string, to: string) => {
      const { window, monthlyRate } = await this.window(
        service,
        request.environment,
        from,
        to,
      );
      rates.set(window, monthlyRate);
      return window;
    };

    let after: SpendWindow | null = null;
    if (lastDay) {
      const from = addDays(approvedOn, 1);
      const to = minDay(lastDay, addDays(approvedOn, windowDays));
      if (from <= to) after = await spend(from, to);
    }
    let before: SpendWindow | null = null;
    if (firstDay && lastDay) {
      const length = after?.days ?? settleAfterDays;
      const from = maxDay(firstDay, addDays(approvedOn, -length));
      const to = minDay(lastDay, addDays(approvedOn, -1));
      if (from <= to) before = await spend(from, to);
    }

    const settled = after !== null && after.days >= settleAfterDays;
    const actualDelta = after && before ? rate(after) - rate(before) : null;
    const actual = after
      ? {
          monthly: after.monthlyRunRate,
          delta: actualDelta === null ? null : roundMoney(actualDelta),
        }
      : null;
    const estimatedDelta = request.estimatedDelta ?? null;
    return {
      entityRef: request.entityRef,
      service,
      environment: request.environment,
      currency: this.currency,
      approvedOn,
      settleAfterDays,
      settlesOn: addDays(approvedOn, settleAfterDays),
      dataUpTo: lastDay ?? null,
      status: settled ? 'settled' : 'settling',
      before,
      after,
      estimate: { monthly: request.estimatedMonthly, delta: estimatedDelta },
      actual,
      error:
        settled && after
          ? {
              monthly: errorOf(request.estimatedMonthly, rate(after)),
              delta:
                estimatedDelta !== null && actualDelta !== null
                  ? errorOf(estimatedDelta, actualDelta)
                  : null,
            }
          : null,
    };
  }

  private async window(
    service: string,
    environment: string,
    from: string,
    to: string,
  ): Promise<{ window: SpendWindow; monthlyRate: number }> {
    const days = await this.store.dailyTotal({
      range: { from, to },
      metric: 'effective',
      filters: { service, environment },
    });
    const total = days.reduce((sum, day) => sum + day.cost, 0);
    const count = dayCount({ from, to });
    const monthlyRate = (total / count) * DAYS_PER_MONTH;
    return {
      window: {
        from,
        to,
        days: count,
        total: roundMoney(total),
        monthlyRunRate: roundMoney(monthlyRate),
      },
      monthlyRate,
    };
  }
}

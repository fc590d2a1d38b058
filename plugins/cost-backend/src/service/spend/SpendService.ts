import type {
  CostMetric,
  DayRange,
  SpendDimension,
  SpendFilters,
  SpendMovers,
  SpendTimeseries,
  SpendTotals,
} from '@gatehouse/plugin-cost-common';
import type { CostStore } from '../../store/CostStore';
import { addDays, dayCount, daysOf } from '../../store/dayRanges';

export type SpendRequest = {
  range: DayRange;
  groupBy: SpendDimension;
  metric: CostMetric;
  filters: SpendFilters;
};

/** Dashboard answers built from the store's totals and daily rollups. */
export class SpendService {
  constructor(private readonly store: CostStore) {}

  async totals(request: SpendRequest): Promise<SpendTotals> {
    const groups = await this.store.totals(request);
    return {
      range: request.range,
      groupBy: request.groupBy,
      metric: request.metric,
      total: groups.reduce((sum, g) => sum + g.cost, 0),
      unattributed: groups.find(g => g.key === null)?.cost ?? 0,
      groups,
    };
  }

  /**
   * Daily spend of the `top` largest groups of the range (unattributed spend
   * counts as a group, so it is never hidden), and the rest as `other`.
   */
  async timeseries(
    request: SpendRequest & { top: number },
  ): Promise<SpendTimeseries> {
    const days = daysOf(request.range);
    const dayIndex = new Map(days.map((day, i) => [day, i]));
    const topKeys = (await this.store.totals(request))
      .slice(0, request.top)
      .map(g => g.key);

    const [daily, totals] = await Promise.all([
      topKeys.length > 0
        ? this.store.daily({ ...request, keys: topKeys })
        : Promise.resolve([]),
      this.store.dailyTotal(request),
    ]);
    const series = topKeys.map(key => ({ key, values: days.map(() => 0) }));
    const seriesByKey = new Map(series.map(s => [s.key, s]));
    for (const point of daily) {
      const i = dayIndex.get(point.day);
      const target = seriesByKey.get(point.key);
      if (i !== undefined && target) target.values[i] += point.cost;
    }
    const total = days.map(() => 0);
    for (const point of totals) {
      const i = dayIndex.get(point.day);
      if (i !== undefined) total[i] = point.cost;
    }
    const other = total.map((value, i) =>
      // Rounding noise below a millicent is not "other" spend.
      clampNoise(value - series.reduce((sum, s) => sum + s.values[i], 0)),
    );
    return {
      range: request.range,
      groupBy: request.groupBy,
      metric: request.metric,
      days,
      series,
      other,
      total,
    };
  }

  /** The groups whose spend changed most against the period just before. */
  async movers(
    request: SpendRequest & { limit: number },
  ): Promise<SpendMovers> {
    const length = dayCount(request.range);
    const previous = {
      from: addDays(request.range.from, -length),
      to: addDays(request.range.from, -1),
    };
    const [now, before] = await Promise.all([
      this.store.totals(request),
      this.store.totals({ ...request, range: previous }),
    ]);
    const keys = new Set([...now, ...before].map(g => g.key));
    const costOf = (list: typeof now, key: string | null) =>
      list.find(g => g.key === key)?.cost ?? 0;
    const movers = [...keys]
      .map(key => {
        const current = costOf(now, key);
        const prior = costOf(before, key);
        return {
          key,
          previous: prior,
          current,
          change: current - prior,
          changePercent:
            prior === 0 ? null : ((current - prior) / Math.abs(prior)) * 100,
        };
      })
      .sort((a, b) => Math.abs(b.change) - Math.abs(a.change))
      .slice(0, request.limit);
    return {
      current: request.range,
      previous,
      groupBy: request.groupBy,
      movers,
    };
  }
}

function clampNoise(value: number): number {
  return Math.abs(value) < 1e-6 ? 0 : value;
}

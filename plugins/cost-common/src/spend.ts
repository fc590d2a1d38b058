/**
 * The cost backend's API types for live spend: totals, time series, movers,
 * budgets, alerts and ingestion runs. Days are UTC `YYYY-MM-DD`, months
 * `YYYY-MM`; amounts are in {@link SpendTimeseries.currency} (EffectiveCost by
 * default: what was really paid, with commitments amortised).
 */

/** @public */
export type SpendDimension = 'service' | 'team' | 'environment';

/** @public */
export const SPEND_DIMENSIONS: readonly SpendDimension[] = [
  'service',
  'team',
  'environment',
];

/** Restricts spend to one service, team and/or environment. @public */
export type SpendFilters = Partial<Record<SpendDimension, string>>;

/** Which cost column to add up. @public */
export type CostMetric = 'effective' | 'billed';

/** An inclusive range of days. @public */
export type DayRange = { from: string; to: string };

/** Spend of one group; `key` null is unattributed spend. @public */
export type SpendTotal = { key: string | null; cost: number };

/** @public */
export type SpendTotals = {
  range: DayRange;
  groupBy: SpendDimension;
  metric: CostMetric;
  total: number;
  unattributed: number;
  groups: SpendTotal[];
};

/** @public */
export type SpendSeries = { key: string | null; values: number[] };

/**
 * Daily spend of the largest groups; everything else is summed in `other`,
 * so `total[i]` is the sum of every series and `other` on day `days[i]`.
 * @public
 */
export type SpendTimeseries = {
  range: DayRange;
  groupBy: SpendDimension;
  metric: CostMetric;
  days: string[];
  series: SpendSeries[];
  other: number[];
  total: number[];
};

/** A group whose spend changed most between two equally long periods. @public */
export type SpendMover = {
  key: string | null;
  previous: number;
  current: number;
  change: number;
  /** null when the previous period had no spend. */
  changePercent: number | null;
};

/** @public */
export type SpendMovers = {
  current: DayRange;
  previous: DayRange;
  groupBy: SpendDimension;
  movers: SpendMover[];
};

/** Where a budget was set. @public */
export type BudgetSource = 'config' | 'annotation';

/** @public */
export type BudgetStatus = {
  dimension: SpendDimension;
  key: string;
  month: string;
  monthlyBudget: number;
  source: BudgetSource;
  actualToDate: number;
  /** Spend expected by the end of the month at the recent daily run rate. */
  forecast: number;
  percentUsed: number;
  forecastPercent: number;
  status: 'ok' | 'warning' | 'over';
};

/** @public */
export type CostAlertKind = 'threshold' | 'budget' | 'anomaly';

/** @public */
export type CostAlert = {
  id: string;
  kind: CostAlertKind;
  dimension: SpendDimension | 'total';
  key: string;
  /** `YYYY-MM` for monthly alerts, the day for anomalies. */
  period: string;
  threshold: number | null;
  actual: number;
  message: string;
  createdAt: string;
};

/** @public */
export type IngestionRunStatus = 'queued' | 'running' | 'succeeded' | 'failed';

/** An ingestion of the configured billing locations, with its progress. @public */
export type IngestionRun = {
  id: string;
  trigger: 'schedule' | 'manual';
  requestedBy: string | null;
  status: IngestionRunStatus;
  filesTotal: number;
  filesDone: number;
  filesSkipped: number;
  rowsRead: number;
  rowsRejected: number;
  currentFile: string | null;
  message: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
};

/** A billing file that has been ingested. @public */
export type IngestedFile = {
  source: string;
  path: string;
  sha256: string;
  size: number;
  /** Modification time (epoch ms) when it was listed, if known. */
  mtime: number | null;
  rowsRead: number;
  rowsRejected: number;
  rowsUnattributed: number;
  firstDay: string | null;
  lastDay: string | null;
  ingestedAt: string;
};

/** In-cluster cost of one workload from OpenCost's allocation API. @public */
export type OpenCostAllocation = {
  cluster: string;
  namespace: string;
  workload: string;
  workloadKind: string | null;
  windowStart: string | null;
  windowEnd: string | null;
  cpuCost: number;
  ramCost: number;
  pvCost: number;
  networkCost: number;
  /** GPU, load balancer, shared and external costs. */
  otherCost: number;
  totalCost: number;
  cpuEfficiency: number | null;
  ramEfficiency: number | null;
};

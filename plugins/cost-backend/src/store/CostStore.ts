import type {
  CostAlert,
  CostMetric,
  DayRange,
  IngestedFile,
  IngestionRun,
  SpendDimension,
  SpendFilters,
  SpendTotal,
  StoredEstimate,
  StoredEstimateSummary,
} from '@gatehouse/plugin-cost-common';
import type { DailyAggregate } from '../focus';

/** A file's ingestion result, as the store keeps it. */
export type FileIngestion = {
  source: string;
  path: string;
  sha256: string;
  size: number;
  /** Modification time (epoch ms) when listed, if the location has one. */
  mtime?: number;
  rowsRead: number;
  rowsRejected: number;
  rowsUnattributed: number;
  aggregates: readonly DailyAggregate[];
};

/** What spend queries restrict and add up. */
export type SpendQuery = {
  range: DayRange;
  metric: CostMetric;
  filters: SpendFilters;
};

/** One day's spend of one group. */
export type DailySpend = { day: string; key: string | null; cost: number };

/** A new alert; the store drops it when the same crossing was already recorded. */
export type NewCostAlert = Omit<CostAlert, 'id' | 'createdAt'> & {
  dedupeKey: string;
};

/** Fields of an ingestion run that change while it runs. */
export type IngestionRunUpdate = Partial<
  Pick<
    IngestionRun,
    | 'status'
    | 'filesTotal'
    | 'filesDone'
    | 'filesSkipped'
    | 'rowsRead'
    | 'rowsRejected'
    | 'currentFile'
    | 'message'
    | 'startedAt'
    | 'finishedAt'
  >
>;

/**
 * Everything the cost plugin keeps: ingested files and their daily
 * aggregates, rollups for fast dashboards, ingestion runs, alerts and
 * estimates.
 */
export interface CostStore {
  /** Files already ingested from a source, to decide what to read again. */
  listIngestedFiles(source?: string): Promise<IngestedFile[]>;

  /**
   * Replaces everything a file contributed with its new aggregates, in one
   * transaction: a file ingested twice counts once, a changed file replaces
   * its old contribution, and a failure leaves the old data in place.
   */
  replaceFile(file: FileIngestion): Promise<void>;

  /** Spend per group of one dimension; `key` null is unattributed. */
  totals(
    query: SpendQuery & { groupBy: SpendDimension },
  ): Promise<SpendTotal[]>;

  /** Daily spend of the given groups (all groups when `keys` is undefined). */
  daily(
    query: SpendQuery & { groupBy: SpendDimension; keys?: (string | null)[] },
  ): Promise<DailySpend[]>;

  /** Daily spend of everything the filters select. */
  dailyTotal(query: SpendQuery): Promise<{ day: string; cost: number }[]>;

  /** The last day any spend was recorded for, or undefined with no data. */
  lastDay(): Promise<string | undefined>;

  /** The first day any spend was recorded for, or undefined with no data. */
  firstDay(): Promise<string | undefined>;

  createIngestionRun(
    run: Pick<IngestionRun, 'id' | 'trigger' | 'requestedBy'>,
  ): Promise<IngestionRun>;
  updateIngestionRun(id: string, update: IngestionRunUpdate): Promise<void>;
  getIngestionRun(id: string): Promise<IngestionRun | undefined>;
  listIngestionRuns(limit: number): Promise<IngestionRun[]>;
  /** Queued runs, oldest first. */
  listQueuedIngestionRuns(): Promise<IngestionRun[]>;

  /** Records an alert once; true when it was new. */
  recordAlert(alert: NewCostAlert): Promise<CostAlert | undefined>;
  listAlerts(query: {
    dimension?: SpendDimension;
    key?: string;
    since?: string;
    limit: number;
  }): Promise<CostAlert[]>;

  saveEstimate(estimate: StoredEstimate): Promise<void>;
  listEstimates(query: {
    entityRef?: string;
    limit: number;
  }): Promise<StoredEstimateSummary[]>;
  getEstimate(id: string): Promise<StoredEstimate | undefined>;
}

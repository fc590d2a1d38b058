import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import type {
  CostAlert,
  IngestedFile,
  IngestionRun,
  SpendDimension,
  SpendTotal,
  StoredEstimate,
  StoredEstimateSummary,
} from '@gatehouse/plugin-cost-common';
import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import {
  CostStore,
  DailySpend,
  FileIngestion,
  IngestionRunUpdate,
  NewCostAlert,
  SpendQuery,
} from './CostStore';
import { splitByWholeMonths } from './dayRanges';
import { migratedClient, toIsoTimestamp } from '@gatehouse/backend-database';

const migrationsDir = resolvePackagePath(
  '@gatehouse/plugin-cost-backend',
  'migrations',
);

/** Rows per INSERT: well under SQLite's and PostgreSQL's bind-variable limits. */
const INSERT_CHUNK = 500;

const ROLLUP_DIMENSIONS: SpendDimension[] = ['service', 'team', 'environment'];

const costColumn = (metric: SpendQuery['metric']) =>
  metric === 'billed' ? 'billed_cost' : 'effective_cost';

/** Rollups store unattributed spend under the empty key. */
const toRollupKey = (key: string | null) => key ?? '';
const fromRollupKey = (key: string) => (key === '' ? null : key);

const hasFilters = (query: SpendQuery) =>
  Object.values(query.filters).some(value => value !== undefined);

/** The knex implementation of the cost store, on SQLite or PostgreSQL. */
export class DatabaseCostStore implements CostStore {
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabaseCostStore> {
    return new DatabaseCostStore(
      await migratedClient(options.database, migrationsDir, {
        skip: options.skipMigrations,
      }),
    );
  }

  private constructor(private readonly db: Knex) {}

  async listIngestedFiles(source?: string): Promise<IngestedFile[]> {
    const rows = await this.db('cost_source_files')
      .modify(q => {
        if (source !== undefined) q.where({ source });
      })
      .orderBy([{ column: 'source' }, { column: 'path' }]);
    return rows.map((row: any) => ({
      source: row.source,
      path: row.path,
      sha256: row.sha256,
      size: Number(row.size),
      mtime: row.mtime === null ? null : Number(row.mtime),
      rowsRead: Number(row.rows_read),
      rowsRejected: Number(row.rows_rejected),
      rowsUnattributed: Number(row.rows_unattributed),
      firstDay: row.first_day,
      lastDay: row.last_day,
      ingestedAt: toIsoTimestamp(row.ingested_at)!,
    }));
  }

  async replaceFile(file: FileIngestion): Promise<void> {
    const days = file.aggregates.map(a => a.day).sort();
    const firstDay = days[0] ?? null;
    const lastDay = days[days.length - 1] ?? null;

    await this.db.transaction(async trx => {
      const existing = await trx('cost_source_files')
        .where({ source: file.source, path: file.path })
        .first();
      const record = {
        sha256: file.sha256,
        size: file.size,
        mtime: file.mtime ?? null,
        rows_read: file.rowsRead,
        rows_rejected: file.rowsRejected,
        rows_unattributed: file.rowsUnattributed,
        first_day: firstDay,
        last_day: lastDay,
        ingested_at: new Date(),
      };
      let fileId: number;
      if (existing) {
        fileId = existing.id;
        await trx('cost_daily_spend').where({ file_id: fileId }).delete();
        await trx('cost_source_files').where({ id: fileId }).update(record);
      } else {
        const [inserted] = await trx('cost_source_files')
          .insert({ source: file.source, path: file.path, ...record })
          .returning('id');
        fileId = typeof inserted === 'object' ? inserted.id : inserted;
      }

      const rows = file.aggregates.map(a => ({
        file_id: fileId,
        day: a.day,
        provider: a.provider,
        service: a.service,
        team: a.team,
        environment: a.environment,
        service_category: a.serviceCategory,
        charge_category: a.chargeCategory,
        currency: a.currency,
        billed_cost: a.billedCost,
        effective_cost: a.effectiveCost,
        list_cost: a.listCost,
        row_count: a.rowCount,
      }));
      for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
        await trx('cost_daily_spend').insert(rows.slice(i, i + INSERT_CHUNK));
      }

      // The old and the new contribution may cover different days.
      const from = [existing?.first_day, firstDay].filter(Boolean).sort()[0];
      const to = [existing?.last_day, lastDay].filter(Boolean).sort().pop();
      if (from && to) {
        await this.refreshRollups(trx, from, to);
      }
    });
    await this.refreshPlannerStatistics();
  }

  /**
   * Without statistics SQLite's planner reads a service's spend through the
   * day index (every service's rows) instead of the service index; a cheap
   * `PRAGMA optimize` after each file keeps its choices right. PostgreSQL's
   * autovacuum does the same on its own.
   */
  private async refreshPlannerStatistics() {
    if (this.db.client.config.client === 'better-sqlite3') {
      await this.db.raw('PRAGMA optimize');
    }
  }

  /** Recomputes the daily and monthly rollups of every day in [from, to]. */
  private async refreshRollups(
    trx: Knex.Transaction,
    from: string,
    to: string,
  ) {
    await trx('cost_rollup_daily').whereBetween('day', [from, to]).delete();
    for (const dimension of ROLLUP_DIMENSIONS) {
      await trx.raw(
        `INSERT INTO cost_rollup_daily (dimension, ${'"key"'}, day, billed_cost, effective_cost)
         SELECT ?, COALESCE(??, ''), day, SUM(billed_cost), SUM(effective_cost)
         FROM cost_daily_spend WHERE day BETWEEN ? AND ?
         GROUP BY COALESCE(??, ''), day`,
        [dimension, dimension, from, to, dimension],
      );
    }
    await trx.raw(
      `INSERT INTO cost_rollup_daily (dimension, ${'"key"'}, day, billed_cost, effective_cost)
       SELECT 'total', '', day, SUM(billed_cost), SUM(effective_cost)
       FROM cost_daily_spend WHERE day BETWEEN ? AND ? GROUP BY day`,
      [from, to],
    );

    // Whole months around the range, recomputed from the daily rollup.
    const monthFrom = from.slice(0, 7);
    const monthTo = to.slice(0, 7);
    await trx('cost_rollup_monthly')
      .whereBetween('month', [monthFrom, monthTo])
      .delete();
    await trx.raw(
      `INSERT INTO cost_rollup_monthly (dimension, ${'"key"'}, month, billed_cost, effective_cost)
       SELECT dimension, ${'"key"'}, SUBSTR(day, 1, 7), SUM(billed_cost), SUM(effective_cost)
       FROM cost_rollup_daily WHERE day BETWEEN ? AND ?
       GROUP BY dimension, ${'"key"'}, SUBSTR(day, 1, 7)`,
      [`${monthFrom}-01`, `${monthTo}-31`],
    );
  }

  async totals(
    query: SpendQuery & { groupBy: SpendDimension },
  ): Promise<SpendTotal[]> {
    const column = costColumn(query.metric);
    const sums = new Map<string | null, number>();
    const add = (key: string | null, cost: number) =>
      sums.set(key, (sums.get(key) ?? 0) + Number(cost));

    if (hasFilters(query)) {
      const rows = await this.filteredSpend(query)
        .select({ key: query.groupBy })
        .sum({ cost: column })
        .groupBy(query.groupBy);
      rows.forEach((row: any) => add(row.key, row.cost));
    } else {
      // Whole months come from the monthly rollup, the ragged edges from the daily one.
      const { months, dayRanges } = splitByWholeMonths(query.range);
      if (months.length > 0) {
        const rows = await this.db('cost_rollup_monthly')
          .where({ dimension: query.groupBy })
          .whereIn('month', months)
          .select({ key: 'key' })
          .sum({ cost: column })
          .groupBy('key');
        rows.forEach((row: any) => add(fromRollupKey(row.key), row.cost));
      }
      for (const range of dayRanges) {
        const rows = await this.db('cost_rollup_daily')
          .where({ dimension: query.groupBy })
          .whereBetween('day', [range.from, range.to])
          .select({ key: 'key' })
          .sum({ cost: column })
          .groupBy('key');
        rows.forEach((row: any) => add(fromRollupKey(row.key), row.cost));
      }
    }
    return [...sums]
      .map(([key, cost]) => ({ key, cost }))
      .sort((a, b) => b.cost - a.cost);
  }

  async daily(
    query: SpendQuery & { groupBy: SpendDimension; keys?: (string | null)[] },
  ): Promise<DailySpend[]> {
    const column = costColumn(query.metric);
    if (hasFilters(query)) {
      const rows = await this.filteredSpend(query)
        .modify(q => {
          if (query.keys) this.whereKeyIn(q, query.groupBy, query.keys);
        })
        .select({ day: 'day', key: query.groupBy })
        .sum({ cost: column })
        .groupBy('day', query.groupBy)
        .orderBy('day');
      return rows.map((row: any) => ({
        day: row.day,
        key: row.key,
        cost: Number(row.cost),
      }));
    }
    const rows = await this.db('cost_rollup_daily')
      .where({ dimension: query.groupBy })
      .whereBetween('day', [query.range.from, query.range.to])
      .modify(q => {
        if (query.keys) q.whereIn('key', query.keys.map(toRollupKey));
      })
      .select({ day: 'day', key: 'key', cost: column })
      .orderBy('day');
    return rows.map((row: any) => ({
      day: row.day,
      key: fromRollupKey(row.key),
      cost: Number(row.cost),
    }));
  }

  async dailyTotal(
    query: SpendQuery,
  ): Promise<{ day: string; cost: number }[]> {
    const column = costColumn(query.metric);
    const filters = Object.entries(query.filters).filter(
      ([, v]) => v !== undefined,
    );
    let rows: any[];
    if (filters.length === 0) {
      rows = await this.db('cost_rollup_daily')
        .where({ dimension: 'total', key: '' })
        .whereBetween('day', [query.range.from, query.range.to])
        .select({ day: 'day', cost: column })
        .orderBy('day');
    } else if (filters.length === 1) {
      // One filter is exactly one rollup key.
      const [dimension, key] = filters[0];
      rows = await this.db('cost_rollup_daily')
        .where({ dimension, key })
        .whereBetween('day', [query.range.from, query.range.to])
        .select({ day: 'day', cost: column })
        .orderBy('day');
    } else {
      rows = await this.filteredSpend(query)
        .select({ day: 'day' })
        .sum({ cost: column })
        .groupBy('day')
        .orderBy('day');
    }
    return rows.map(row => ({ day: row.day, cost: Number(row.cost) }));
  }

  async lastDay(): Promise<string | undefined> {
    const row = await this.db('cost_rollup_daily')
      .where({ dimension: 'total' })
      .max({ day: 'day' })
      .first();
    return row?.day ?? undefined;
  }

  async firstDay(): Promise<string | undefined> {
    const row = await this.db('cost_rollup_daily')
      .where({ dimension: 'total' })
      .min({ day: 'day' })
      .first();
    return row?.day ?? undefined;
  }

  private filteredSpend(query: SpendQuery) {
    return this.db('cost_daily_spend')
      .whereBetween('day', [query.range.from, query.range.to])
      .modify(q => {
        for (const [dimension, value] of Object.entries(query.filters)) {
          if (value !== undefined) q.where(dimension, value);
        }
      });
  }

  private whereKeyIn(
    q: Knex.QueryBuilder,
    column: string,
    keys: (string | null)[],
  ) {
    const named = keys.filter((k): k is string => k !== null);
    q.where(inner => {
      if (named.length > 0) inner.whereIn(column, named);
      if (keys.includes(null)) inner.orWhereNull(column);
    });
  }

  async createIngestionRun(
    run: Pick<IngestionRun, 'id' | 'trigger' | 'requestedBy'>,
  ): Promise<IngestionRun> {
    await this.db('cost_ingestion_runs').insert({
      id: run.id,
      trigger: run.trigger,
      requested_by: run.requestedBy,
      status: 'queued',
      created_at: new Date(),
    });
    return (await this.getIngestionRun(run.id))!;
  }

  async updateIngestionRun(
    id: string,
    update: IngestionRunUpdate,
  ): Promise<void> {
    const columns: Record<string, unknown> = {
      status: update.status,
      files_total: update.filesTotal,
      files_done: update.filesDone,
      files_skipped: update.filesSkipped,
      rows_read: update.rowsRead,
      rows_rejected: update.rowsRejected,
      current_file: update.currentFile,
      message: update.message,
      started_at: update.startedAt ? new Date(update.startedAt) : undefined,
      finished_at: update.finishedAt ? new Date(update.finishedAt) : undefined,
    };
    const defined = Object.fromEntries(
      Object.entries(columns).filter(([, value]) => value !== undefined),
    );
    if (Object.keys(defined).length > 0) {
      await this.db('cost_ingestion_runs').where({ id }).update(defined);
    }
  }

  async getIngestionRun(id: string): Promise<IngestionRun | undefined> {
    const row = await this.db('cost_ingestion_runs').where({ id }).first();
    return row ? toIngestionRun(row) : undefined;
  }

  async listIngestionRuns(limit: number): Promise<IngestionRun[]> {
    const rows = await this.db('cost_ingestion_runs')
      .orderBy('created_at', 'desc')
      .limit(limit);
    return rows.map(toIngestionRun);
  }

  async listQueuedIngestionRuns(): Promise<IngestionRun[]> {
    const rows = await this.db('cost_ingestion_runs')
      .where({ status: 'queued' })
      .orderBy('created_at', 'asc');
    return rows.map(toIngestionRun);
  }

  async recordAlert(alert: NewCostAlert): Promise<CostAlert | undefined> {
    const id = randomUUID();
    // The unique dedupe key makes "once per crossing" hold across replicas too.
    const inserted = await this.db('cost_alerts')
      .insert({
        id,
        dedupe_key: alert.dedupeKey,
        kind: alert.kind,
        scope_dimension: alert.dimension,
        scope_key: alert.key,
        period: alert.period,
        threshold: alert.threshold,
        actual: alert.actual,
        message: alert.message,
        created_at: new Date(),
      })
      .onConflict('dedupe_key')
      .ignore()
      .returning('id');
    if (inserted.length === 0) return undefined;
    const row = await this.db('cost_alerts').where({ id }).first();
    return row ? toAlert(row) : undefined;
  }

  async listAlerts(query: {
    dimension?: SpendDimension;
    key?: string;
    since?: string;
    limit: number;
  }): Promise<CostAlert[]> {
    const rows = await this.db('cost_alerts')
      .modify(q => {
        if (query.dimension) q.where({ scope_dimension: query.dimension });
        if (query.key !== undefined) q.where({ scope_key: query.key });
        if (query.since) q.where('created_at', '>=', new Date(query.since));
      })
      .orderBy('created_at', 'desc')
      .limit(query.limit);
    return rows.map(toAlert);
  }

  async saveEstimate(estimate: StoredEstimate): Promise<void> {
    await this.db('cost_estimates').insert({
      id: estimate.id,
      entity_ref: estimate.entityRef,
      environment: estimate.environment,
      kind: estimate.kind,
      created_by: estimate.createdBy,
      created_at: new Date(estimate.createdAt),
      currency: estimate.currency,
      monthly_before: estimate.monthlyBefore,
      monthly_after: estimate.monthlyAfter,
      monthly_delta: estimate.monthlyDelta,
      resource_count: estimate.resourceCount,
      unpriced_count: estimate.unpricedCount,
      approximate_count: estimate.approximateCount,
      result: JSON.stringify(estimate.result),
    });
  }

  async listEstimates(query: {
    entityRef?: string;
    limit: number;
  }): Promise<StoredEstimateSummary[]> {
    const rows = await this.db('cost_estimates')
      .modify(q => {
        if (query.entityRef) q.where({ entity_ref: query.entityRef });
      })
      .orderBy('created_at', 'desc')
      .limit(query.limit);
    return rows.map(toEstimateSummary);
  }

  async getEstimate(id: string): Promise<StoredEstimate | undefined> {
    const row = await this.db('cost_estimates').where({ id }).first();
    return row
      ? { ...toEstimateSummary(row), result: JSON.parse(row.result) }
      : undefined;
  }
}

function toIngestionRun(row: any): IngestionRun {
  return {
    id: row.id,
    trigger: row.trigger,
    requestedBy: row.requested_by,
    status: row.status,
    filesTotal: Number(row.files_total),
    filesDone: Number(row.files_done),
    filesSkipped: Number(row.files_skipped),
    rowsRead: Number(row.rows_read),
    rowsRejected: Number(row.rows_rejected),
    currentFile: row.current_file,
    message: row.message,
    createdAt: toIsoTimestamp(row.created_at)!,
    startedAt: toIsoTimestamp(row.started_at),
    finishedAt: toIsoTimestamp(row.finished_at),
  };
}

function toAlert(row: any): CostAlert {
  return {
    id: row.id,
    kind: row.kind,
    dimension: row.scope_dimension,
    key: row.scope_key,
    period: row.period,
    threshold: row.threshold === null ? null : Number(row.threshold),
    actual: Number(row.actual),
    message: row.message,
    createdAt: toIsoTimestamp(row.created_at)!,
  };
}

function toEstimateSummary(row: any): StoredEstimateSummary {
  return {
    id: row.id,
    entityRef: row.entity_ref,
    environment: row.environment,
    kind: row.kind,
    createdBy: row.created_by,
    createdAt: toIsoTimestamp(row.created_at)!,
    currency: row.currency,
    monthlyBefore: Number(row.monthly_before),
    monthlyAfter: Number(row.monthly_after),
    monthlyDelta: Number(row.monthly_delta),
    resourceCount: Number(row.resource_count),
    unpricedCount: Number(row.unpriced_count),
    approximateCount:
      row.approximate_count === null || row.approximate_count === undefined
        ? null
        : Number(row.approximate_count),
  };
}

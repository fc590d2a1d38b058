import type { LoggerService } from '@backstage/backend-plugin-api';
import type { IngestionRun } from '@gatehouse/plugin-cost-common';
import {
  aggregateFocusFile,
  planIngestion,
  type Attributor,
  type IngestedFile,
  type ListedFile,
} from '../../focus';
import type { CostStore } from '../../store/CostStore';
import type { BillingSource } from './BillingSource';

/** How often a running ingestion writes its progress, at most. */
const PROGRESS_INTERVAL_MS = 1000;

export type IngestionServiceOptions = {
  store: CostStore;
  sources: BillingSource[];
  attributor: Attributor;
  logger: LoggerService;
  /** Called after a run that changed data, e.g. to evaluate alerts. */
  onDataChanged?: () => Promise<void>;
};

/** Row counts of a run so far. */
type Counts = { filesDone: number; rowsRead: number; rowsRejected: number };

/**
 * Reads the configured billing locations into the store: new and changed
 * files are aggregated and replace their earlier contribution, unchanged
 * ones are skipped. One bad file fails that file only; the others go on.
 */
export class IngestionService {
  constructor(private readonly options: IngestionServiceOptions) {}

  /** Runs one ingestion run (already created in the store) to its end. */
  async run(runId: string): Promise<IngestionRun> {
    const { store, logger } = this.options;
    await store.updateIngestionRun(runId, {
      status: 'running',
      startedAt: new Date().toISOString(),
    });
    const failures: string[] = [];
    let counts: Counts = { filesDone: 0, rowsRead: 0, rowsRejected: 0 };
    let filesSkipped = 0;

    try {
      const plans = await this.plan();
      const filesTotal = plans.reduce((n, { listed }) => n + listed, 0);
      filesSkipped = plans.reduce(
        (n, { listed, toIngest }) => n + listed - toIngest.length,
        0,
      );
      await store.updateIngestionRun(runId, { filesTotal, filesSkipped });

      for (const { source, toIngest } of plans) {
        for (const file of toIngest) {
          const label = `${source.id}/${file.path}`;
          try {
            counts = await this.ingestFile(runId, source, file, counts);
          } catch (error) {
            // The file's previous aggregates stay as they were.
            failures.push(`${label}: ${(error as Error).message}`);
            logger.error(`Could not ingest ${label}`, error as Error);
            counts = { ...counts, filesDone: counts.filesDone + 1 };
          }
          await store.updateIngestionRun(runId, counts);
        }
      }
      const changed = plans.some(p => p.toIngest.length > 0);
      if (changed && this.options.onDataChanged) {
        await this.options.onDataChanged();
      }
    } catch (error) {
      failures.push((error as Error).message);
      logger.error('Billing ingestion failed', error as Error);
    }

    await store.updateIngestionRun(runId, {
      status: failures.length > 0 ? 'failed' : 'succeeded',
      currentFile: null,
      finishedAt: new Date().toISOString(),
      message:
        failures.length > 0
          ? failures.join('\n')
          : `${counts.filesDone} file(s) ingested, ${filesSkipped} unchanged`,
    });
    return (await this.options.store.getIngestionRun(runId))!;
  }

  /** What each source holds now, and which of its files need reading. */
  private async plan() {
    const { store, sources } = this.options;
    return Promise.all(
      sources.map(async source => {
        const listed = await source.list();
        const ingested = new Map<string, IngestedFile>(
          (await store.listIngestedFiles(source.id)).map(file => [
            file.path,
            {
              sha256: file.sha256,
              size: file.size,
              mtime: file.mtime ?? undefined,
            },
          ]),
        );
        const plan = planIngestion(listed, ingested);
        return {
          source,
          listed: plan.decisions.length,
          toIngest: plan.toIngest,
        };
      }),
    );
  }

  /** Reads, aggregates and stores one file; returns the run's counts after it. */
  private async ingestFile(
    runId: string,
    source: BillingSource,
    file: ListedFile,
    before: Counts,
  ): Promise<Counts> {
    const { store } = this.options;
    const label = `${source.id}/${file.path}`;
    await store.updateIngestionRun(runId, { currentFile: label });
    let lastProgress = Date.now();
    const result = await aggregateFocusFile(await source.open(file.path), {
      sourceFile: label,
      attributor: this.options.attributor,
      onProgress: progress => {
        if (Date.now() - lastProgress < PROGRESS_INTERVAL_MS) return;
        lastProgress = Date.now();
        // Progress is advisory: a lost update is overwritten by the next.
        store
          .updateIngestionRun(runId, {
            rowsRead: before.rowsRead + progress.rowsRead,
            rowsRejected: before.rowsRejected + progress.rowsRejected,
          })
          .catch(() => undefined);
      },
    });
    await store.replaceFile({
      source: source.id,
      path: file.path,
      sha256: result.sha256,
      size: file.size,
      mtime: file.mtime instanceof Date ? file.mtime.getTime() : file.mtime,
      rowsRead: result.summary.rowsRead,
      rowsRejected: result.summary.rowsRejected,
      rowsUnattributed: result.unattributedRows,
      aggregates: result.aggregates,
    });
    if (result.summary.rowsRejected > 0) {
      this.options.logger.warn(
        `${label}: ${result.summary.rowsRejected} rows rejected`,
      );
    }
    return {
      filesDone: before.filesDone + 1,
      rowsRead: before.rowsRead + result.summary.rowsRead,
      rowsRejected: before.rowsRejected + result.summary.rowsRejected,
    };
  }
}

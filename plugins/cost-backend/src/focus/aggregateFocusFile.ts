/*
 * The whole per-file pipeline: read → normalise → attribute → aggregate.
 * This is what a scheduled or on-demand ingestion runs for each planned file;
 * the result is everything the store needs to replace the file's
 * contribution.
 */
import type { Readable } from 'node:stream';
import { createAttributor, type Attributor } from './attribution';
import { DailyAggregator, type DailyAggregate } from './dailyAggregator';
import {
  readFocusFileInBatches,
  type FocusReadSummary,
  type ReadFocusFileOptions,
} from './readFocusFile';

export interface AggregateFocusFileOptions extends ReadFocusFileOptions {
  /** Identity of the file, stored with its aggregates (e.g. its path). */
  sourceFile: string;
  /** Defaults to `createAttributor()` with the default tag keys. */
  attributor?: Attributor;
}

export interface FocusFileAggregation {
  readonly sourceFile: string;
  /** SHA-256 of the file as stored; record it to skip the file next time. */
  readonly sha256: string;
  readonly aggregates: readonly DailyAggregate[];
  /** Row counts, rejections and warnings of the read. */
  readonly summary: FocusReadSummary;
  /** Accepted rows whose charge period extends past their start day. */
  readonly multiDayRows: number;
  /** Accepted rows no service could be attributed to. */
  readonly unattributedRows: number;
}

/**
 * Reads and aggregates one file. Rejects (with FocusFileError or a stream
 * error) when the file as a whole is unusable; the caller must then keep the
 * file's previous aggregates untouched.
 */
export async function aggregateFocusFile(
  source: Readable,
  options: AggregateFocusFileOptions,
): Promise<FocusFileAggregation> {
  const attribute = options.attributor ?? createAttributor();
  const aggregator = new DailyAggregator({ sourceFile: options.sourceFile });
  const reader = readFocusFileInBatches(source, options);
  let unattributedRows = 0;
  for await (const rows of reader) {
    for (const row of rows) {
      const attribution = attribute(row);
      if (attribution.service === undefined) {
        unattributedRows++;
      }
      aggregator.add(row, attribution);
    }
  }
  return {
    sourceFile: options.sourceFile,
    // A completed read always has a digest.
    sha256: reader.summary.sha256 ?? '',
    aggregates: aggregator.aggregates(),
    summary: reader.summary,
    multiDayRows: aggregator.multiDayRows,
    unattributedRows,
  };
}

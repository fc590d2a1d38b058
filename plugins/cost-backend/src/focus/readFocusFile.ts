/*
 * Streaming FOCUS reader: bytes in, normalised rows out.
 *
 *   source ─▶ FingerprintingStream ─▶ GzipAwareDecoder ─▶ CsvRecordStream ─▶ normaliser
 *             (sha256, bytes read)     (auto-detected)      (Papa Parse;       (FocusRow)
 *                                                            record batches)
 *
 * Memory stays flat whatever the file size: every stage is a stream with
 * backpressure, and rows are handed to the consumer one by one.
 */
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  REQUIRED_FOCUS_COLUMNS,
  resolveHeader,
  type ResolvedHeader,
} from './columns';
import { CsvRecordStream, type CsvRecordBatch } from './csvRecords';
import { FocusFileError } from './errors';
import { FingerprintingStream } from './fingerprint';
import type { FocusRow } from './focusRow';
import { GzipAwareDecoder } from './gzipDecoder';
import {
  IssueLog,
  type FocusWarningKind,
  type IssueLogOptions,
  type RowRejection,
  type RowWarning,
} from './issues';
import {
  createRecordNormalizer,
  type NormalizeOptions,
  type RecordNormalizer,
} from './normalizeRecord';
import { detachedCopy } from './values';

/** Progress of a read, reported every `progressEveryRows` rows and at the end. */
export interface FocusReadProgress {
  /** Data records seen so far (accepted + rejected; the header excluded). */
  readonly rowsRead: number;
  readonly rowsRejected: number;
  /** Bytes taken from the source so far (compressed bytes for gzip input). */
  readonly bytesRead: number;
}

export interface ReadFocusFileOptions
  extends IssueLogOptions,
    NormalizeOptions {
  /** `true`/`false` to force, `'auto'` (default) to detect by magic bytes. */
  gzip?: boolean | 'auto';
  onProgress?: (progress: FocusReadProgress) => void;
  /** Default 50,000. */
  progressEveryRows?: number;
}

/**
 * What is known about a read. The object is updated while rows are consumed
 * and is final once iteration has finished (`complete` is then true).
 */
export interface FocusReadSummary {
  complete: boolean;
  /** SHA-256 (hex) of the bytes as stored; set when the input was fully read. */
  sha256: string | null;
  bytesRead: number;
  /** Whether the input was gzip; null until the first bytes were seen. */
  gzip: boolean | null;
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
  /** The first rejections in detail (see `sampleLimit`), in line order. */
  readonly rejections: readonly RowRejection[];
  /** The first warnings in detail (see `sampleLimit`). */
  readonly warnings: readonly RowWarning[];
  readonly warningCounts: Readonly<Record<FocusWarningKind, number>>;
  /** Column mapping of the file, once the header has been read. */
  header: ResolvedHeader | null;
}

/** An async iterable of rows, with the read's summary alongside. */
export interface FocusFileReader extends AsyncIterable<FocusRow> {
  readonly summary: FocusReadSummary;
}

/**
 * The same, yielding the rows in batches (one per tokenised chunk of the
 * file): for consumers inside this module that go through millions of rows,
 * where one promise per row would cost more than aggregating it.
 */
export interface FocusFileBatchReader
  extends AsyncIterable<readonly FocusRow[]> {
  readonly summary: FocusReadSummary;
}

/**
 * Reads a FOCUS CSV (optionally gzip) file as a stream of normalised rows.
 *
 * Rows with missing/invalid required values are not yielded; they are
 * counted in `summary.rowsRejected` with line, column and reason. A file
 * without a header, or lacking required columns, makes the iteration throw a
 * {@link FocusFileError} before any row is yielded.
 *
 * The iterable can be consumed once. Breaking out early destroys the source.
 */
export function readFocusFile(
  source: Readable,
  options: ReadFocusFileOptions = {},
): FocusFileReader {
  const batches = readFocusFileInBatches(source, options);
  let started = false;
  async function* rows(): AsyncGenerator<FocusRow> {
    for await (const batch of batches) {
      for (const row of batch) {
        yield row;
      }
    }
  }
  return {
    summary: batches.summary,
    [Symbol.asyncIterator]() {
      if (started) {
        throw new Error('A FOCUS file reader can only be iterated once');
      }
      started = true;
      return rows();
    },
  };
}

/** {@link readFocusFile}, yielding the accepted rows in batches. */
export function readFocusFileInBatches(
  source: Readable,
  options: ReadFocusFileOptions = {},
): FocusFileBatchReader {
  const issues = new IssueLog(options);
  const summary: FocusReadSummary = {
    complete: false,
    sha256: null,
    bytesRead: 0,
    gzip: null,
    rowsRead: 0,
    rowsAccepted: 0,
    rowsRejected: 0,
    rejections: issues.rejections,
    warnings: issues.warnings,
    warningCounts: issues.warningCounts,
    header: null,
  };
  const progressEvery = Math.max(1, options.progressEveryRows ?? 50_000);
  let started = false;

  async function* rowBatches(): AsyncGenerator<FocusRow[]> {
    const fingerprint = new FingerprintingStream();
    const decoder = new GzipAwareDecoder(options.gzip ?? 'auto');
    const tokenizer = new CsvRecordStream();
    const piped = pipeline(source, fingerprint, decoder, tokenizer);
    // Errors surface through the tokenizer's iterator; this only prevents an
    // unhandled rejection when the consumer stops early.
    piped.catch(() => {});

    // Data records (the header excluded), well-formed or not.
    let recordsRead = 0;
    const updateCounts = () => {
      summary.bytesRead = fingerprint.bytes;
      summary.gzip = decoder.wasGzip;
      summary.rowsRead = recordsRead;
      summary.rowsRejected = issues.rejectedRows;
      summary.rowsAccepted = summary.rowsRead - summary.rowsRejected;
    };
    const reportProgress = () => {
      updateCounts();
      options.onProgress?.({
        rowsRead: summary.rowsRead,
        rowsRejected: summary.rowsRejected,
        bytesRead: summary.bytesRead,
      });
    };

    let normalizeRecord: RecordNormalizer | undefined;
    try {
      for await (const batch of tokenizer as AsyncIterable<CsvRecordBatch>) {
        const { records, lines, firstLine, malformed } = batch;
        const accepted: FocusRow[] = [];
        let nextMalformed = 0;
        for (let i = 0; i < records.length; i++) {
          const line = lines === null ? firstLine + i : lines[i];
          let problem: string | undefined;
          if (
            nextMalformed < malformed.length &&
            malformed[nextMalformed].index === i
          ) {
            problem = malformed[nextMalformed++].problem;
          }
          if (!normalizeRecord) {
            if (problem !== undefined) {
              throw new FocusFileError(
                'UNREADABLE_FILE',
                `The header row is not valid CSV: ${problem}`,
              );
            }
            // Copies: the summary outlives the text the header was cut from.
            summary.header = resolveFileHeader(
              records[i].map(detachedCopy),
              options,
            );
            normalizeRecord = createRecordNormalizer(
              summary.header,
              issues,
              options,
            );
            continue;
          }
          recordsRead++;
          let row: FocusRow | undefined;
          if (problem === undefined) {
            row = normalizeRecord(records[i], line);
          } else {
            issues.reject(line, null, `malformed CSV: ${problem}`);
          }
          if (recordsRead % progressEvery === 0) {
            reportProgress();
          }
          if (row) {
            accepted.push(row);
          }
        }
        if (accepted.length > 0) {
          yield accepted;
        }
      }
      if (!normalizeRecord) {
        throw new FocusFileError(
          'EMPTY_FILE',
          'The file is empty: it has no header row.',
        );
      }
      await piped;
      summary.sha256 = fingerprint.sha256;
      summary.complete = true;
      reportProgress();
    } finally {
      updateCounts();
      if (!summary.complete) {
        // Early exit or failure: release the file handle now rather than
        // when the pipeline notices the tokenizer is gone.
        for (const stream of [tokenizer, decoder, fingerprint, source]) {
          stream.destroy();
        }
      }
    }
  }

  return {
    summary,
    [Symbol.asyncIterator]() {
      if (started) {
        throw new Error('A FOCUS file reader can only be iterated once');
      }
      started = true;
      return rowBatches();
    },
  };
}

/** Maps the header and refuses files that lack required columns. */
function resolveFileHeader(
  headerRecord: string[],
  options: ReadFocusFileOptions,
): ResolvedHeader {
  // A configured default currency stands in for a missing BillingCurrency.
  const required = options.defaultBillingCurrency
    ? REQUIRED_FOCUS_COLUMNS.filter(name => name !== 'BillingCurrency')
    : REQUIRED_FOCUS_COLUMNS;
  const header = resolveHeader(headerRecord, required);
  const missing = header.missingRequiredColumns;
  if (missing.length > 0) {
    throw new FocusFileError(
      'MISSING_REQUIRED_COLUMNS',
      `Not a usable FOCUS file: missing required column${
        missing.length > 1 ? 's' : ''
      } ${missing.join(', ')}`,
      missing,
    );
  }
  return header;
}

/*
 * Streaming FOCUS reader: bytes in, normalised rows out.
 *
 *   source ─▶ FingerprintingStream ─▶ GzipAwareDecoder ─▶ csv-parse ─▶ normaliser
 *             (sha256, bytes read)     (auto-detected)      (records)    (FocusRow)
 *
 * Memory stays flat whatever the file size: every stage is a stream with
 * backpressure, and rows are handed to the consumer one by one.
 */
import { parse, type CsvError } from 'csv-parse';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  REQUIRED_FOCUS_COLUMNS,
  resolveHeader,
  type ResolvedHeader,
} from './columns';
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
  /** The first rejections in detail (see `sampleLimit`), by line once complete. */
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

/** Record shape produced by csv-parse with `info: true`. */
interface ParsedRecord {
  record: string[];
  info: { lines: number };
}

/** Called when csv-parse cannot tokenise a record (e.g. an unclosed quote). */
type SkippedRecordHandler = (
  line: number,
  message: string,
  recordsBefore: number,
) => void;

function csvParser(onSkippedRecord: SkippedRecordHandler) {
  return parse({
    bom: true,
    // Arrays, not objects: the header is mapped once to column positions, and
    // no per-row object keyed by 44 column names is built only to be dropped.
    columns: false,
    // The record's line number, for rejection messages.
    info: true,
    skip_empty_lines: true,
    // Field-count mismatches become row rejections with a line number instead
    // of failing the whole file.
    relax_column_count: true,
    relax_quotes: true,
    skip_records_with_error: true,
    on_skip: (error: CsvError | undefined) => {
      const context = error as { lines?: number; records?: number } | undefined;
      onSkippedRecord(
        context?.lines ?? 0,
        error?.message ?? 'unknown CSV error',
        context?.records ?? 0,
      );
    },
  });
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

  async function* rows(): AsyncGenerator<FocusRow> {
    // Records csv-parse could not tokenise never reach the loop below, but
    // they are data rows all the same and are counted as rejected.
    let recordsTokenised = 0;
    let recordsSkippedByParser = 0;
    let unreadableHeader: string | null = null;
    const parser = csvParser((line, message, recordsBefore) => {
      if (recordsBefore === 0) {
        unreadableHeader = message;
        return;
      }
      recordsSkippedByParser++;
      issues.reject(line, null, `malformed CSV: ${message}`);
    });
    const fingerprint = new FingerprintingStream();
    const decoder = new GzipAwareDecoder(options.gzip ?? 'auto');
    const piped = pipeline(source, fingerprint, decoder, parser);
    // Errors surface through the parser's iterator; this only prevents an
    // unhandled rejection when the consumer stops early.
    piped.catch(() => {});

    const updateCounts = () => {
      summary.bytesRead = fingerprint.bytes;
      summary.gzip = decoder.wasGzip;
      summary.rowsRead = recordsTokenised + recordsSkippedByParser;
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
      for await (const {
        record,
        info,
      } of parser as AsyncIterable<ParsedRecord>) {
        if (!normalizeRecord) {
          if (unreadableHeader !== null) {
            throw new FocusFileError(
              'UNREADABLE_FILE',
              `The header row is not valid CSV: ${unreadableHeader}`,
            );
          }
          summary.header = resolveFileHeader(record, options);
          normalizeRecord = createRecordNormalizer(
            summary.header,
            issues,
            options,
          );
          continue;
        }
        recordsTokenised++;
        const row = normalizeRecord(record, info.lines);
        if (recordsTokenised % progressEvery === 0) {
          reportProgress();
        }
        if (row) {
          yield row;
        }
      }
      if (!normalizeRecord) {
        throw unreadableHeader === null
          ? new FocusFileError(
              'EMPTY_FILE',
              'The file is empty: it has no header row.',
            )
          : new FocusFileError(
              'UNREADABLE_FILE',
              `The header row is not valid CSV: ${unreadableHeader}`,
            );
      }
      await piped;
      summary.sha256 = fingerprint.sha256;
      summary.complete = true;
      // csv-parse reports malformed records as it tokenises, ahead of the
      // rows being normalised; present the details in file order.
      issues.rejections.sort((a, b) => a.line - b.line);
      reportProgress();
    } finally {
      updateCounts();
      if (!summary.complete) {
        // Early exit or failure: release the file handle now rather than
        // when the pipeline notices the parser is gone.
        for (const stream of [parser, decoder, fingerprint, source]) {
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
      return rows();
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

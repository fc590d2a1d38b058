/*
 * FOCUS billing-file ingestion core: storage- and HTTP-independent.
 *
 * Typical use per scheduled run:
 *   1. planIngestion(listing, alreadyIngested) → files to read
 *   2. aggregateFocusFile(stream, { sourceFile: path }) per file
 *   3. the store replaces the file's aggregates (keyed by sourceFile) and
 *      remembers its sha256.
 */
export {
  FOCUS_COLUMNS,
  REQUIRED_FOCUS_COLUMNS,
  EXTENSION_COLUMN_PREFIX,
  resolveHeader,
} from './columns';
export type {
  ColumnIndex,
  FocusColumnName,
  FocusValueKind,
  FocusVersion,
  ResolvedHeader,
} from './columns';
export { FocusFileError } from './errors';
export type { FocusFileErrorCode } from './errors';
export type { FocusChargeCategory, FocusRow } from './focusRow';
export { NO_TAGS, TagsParser } from './tags';
export type { FocusTags } from './tags';
export { cellText, parseDecimal, parseTimestamp, utcDay } from './values';
export type {
  FocusWarningKind,
  IssueLogOptions,
  RowRejection,
  RowWarning,
} from './issues';
export type { NormalizeOptions } from './normalizeRecord';
export { hasGzipMagic } from './gzipDecoder';
export { FingerprintingStream, fingerprintStream } from './fingerprint';
export { readFocusFile } from './readFocusFile';
export type {
  FocusFileReader,
  FocusReadProgress,
  FocusReadSummary,
  ReadFocusFileOptions,
} from './readFocusFile';
export {
  COMMON_ENVIRONMENT_ALIASES,
  DEFAULT_ATTRIBUTION_TAG_KEYS,
  UNATTRIBUTED,
  createAttributor,
  normalizeAttributionValue,
} from './attribution';
export type {
  AttributableRow,
  Attribution,
  AttributionTagKeys,
  Attributor,
  AttributorOptions,
  ResourceAttribution,
} from './attribution';
export { CompensatedSum } from './compensatedSum';
export { DailyAggregator, compareAggregateKeys } from './dailyAggregator';
export type {
  AggregatableRow,
  DailyAggregate,
  DailyAggregateKey,
} from './dailyAggregator';
export { findDuplicateContent, planIngestion } from './planIngestion';
export type {
  IngestedFile,
  IngestionDecision,
  IngestionPlan,
  ListedFile,
} from './planIngestion';
export { aggregateFocusFile } from './aggregateFocusFile';
export type {
  AggregateFocusFileOptions,
  FocusFileAggregation,
} from './aggregateFocusFile';

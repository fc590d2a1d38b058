/*
 * Bookkeeping of per-row problems found while reading a file.
 *
 * A row is either rejected (a required value is missing or unusable; the row
 * does not contribute to any total) or accepted with warnings (an optional
 * value was unusable and is treated as absent). Both are counted exactly;
 * details are kept for the first few only, so a file with a million broken
 * rows cannot exhaust memory, and are also passed to optional callbacks for
 * callers that want to log every one.
 */

import { detachedCopy } from './values';

/** Why a row was not ingested. */
export interface RowRejection {
  /** Line of the file on which the record ends (the header is line 1). */
  readonly line: number;
  /** The offending column, or null for structural problems (field count). */
  readonly column: string | null;
  readonly problem: string;
  /** The offending text, truncated. */
  readonly value?: string;
}

/** Kinds of problems that do not reject a row. */
export type FocusWarningKind =
  | 'invalid-tags'
  | 'invalid-optional-value'
  | 'unknown-charge-category'
  | 'charge-period-end-before-start';

/** A problem in an accepted row. */
export interface RowWarning {
  readonly kind: FocusWarningKind;
  readonly line: number;
  readonly column: string | null;
  readonly problem: string;
  readonly value?: string;
}

/** Options shared by everything that collects row issues. */
export interface IssueLogOptions {
  /** How many rejections/warnings to keep in detail (default 100 each). */
  sampleLimit?: number;
  /** Called for every rejected row. */
  onRejectedRow?: (rejection: RowRejection) => void;
  /** Called for every warning. */
  onWarning?: (warning: RowWarning) => void;
}

const MAX_VALUE_LENGTH = 120;

/** The value as kept in a sample: shortened, and not sharing the chunk's memory. */
function truncate(value: string): string {
  if (value.length <= MAX_VALUE_LENGTH) {
    return detachedCopy(value);
  }
  return detachedCopy(`${value.slice(0, MAX_VALUE_LENGTH)}…`);
}

export class IssueLog {
  rejectedRows = 0;
  readonly warningCounts: Record<FocusWarningKind, number> = {
    'invalid-tags': 0,
    'invalid-optional-value': 0,
    'unknown-charge-category': 0,
    'charge-period-end-before-start': 0,
  };
  readonly rejections: RowRejection[] = [];
  readonly warnings: RowWarning[] = [];
  private readonly sampleLimit: number;

  constructor(private readonly options: IssueLogOptions = {}) {
    this.sampleLimit = options.sampleLimit ?? 100;
  }

  reject(
    line: number,
    column: string | null,
    problem: string,
    value?: string,
  ): void {
    this.rejectedRows++;
    const rejection: RowRejection =
      value === undefined
        ? { line, column, problem }
        : { line, column, problem, value: truncate(value) };
    if (this.rejections.length < this.sampleLimit) {
      this.rejections.push(rejection);
    }
    this.options.onRejectedRow?.(rejection);
  }

  warn(
    kind: FocusWarningKind,
    line: number,
    column: string | null,
    problem: string,
    value?: string,
  ): void {
    this.warningCounts[kind]++;
    const warning: RowWarning =
      value === undefined
        ? { kind, line, column, problem }
        : { kind, line, column, problem, value: truncate(value) };
    if (this.warnings.length < this.sampleLimit) {
      this.warnings.push(warning);
    }
    this.options.onWarning?.(warning);
  }
}

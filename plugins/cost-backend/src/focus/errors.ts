/** Why a whole file was refused (as opposed to single rows being rejected). */
export type FocusFileErrorCode =
  | 'EMPTY_FILE'
  | 'MISSING_REQUIRED_COLUMNS'
  | 'UNREADABLE_FILE';

/**
 * A file that cannot be ingested at all: nothing from it may be stored, and
 * any previous contribution of the same file should be kept as it was.
 */
export class FocusFileError extends Error {
  readonly name = 'FocusFileError';

  constructor(
    readonly code: FocusFileErrorCode,
    message: string,
    /** For MISSING_REQUIRED_COLUMNS: the canonical names that are missing. */
    readonly missingColumns: readonly string[] = [],
  ) {
    super(message);
  }
}

/*
 * Incremental, idempotent ingestion planning.
 *
 * A file is identified by its path (location-relative name): a file whose
 * content changes at the same path *replaces* its earlier contribution, which
 * is how providers publish restated data for an open billing period. Its
 * content is identified by SHA-256.
 *
 * The plan is pure: it looks only at a listing and at what the store says was
 * ingested before, and reads nothing.
 */

/** A file as seen in a billing-export location. */
export interface ListedFile {
  readonly path: string;
  readonly size: number;
  readonly mtime: Date | number;
  /** Known when the location exposes checksums, or after hashing the file. */
  readonly sha256?: string;
}

/** What the store remembers about a file it has ingested. */
export interface IngestedFile {
  readonly sha256: string;
  readonly size?: number;
  readonly mtime?: Date | number;
}

export type IngestionDecision =
  | {
      readonly action: 'ingest';
      /** `changed` replaces `previous`'s aggregates of the same path. */
      readonly reason: 'new' | 'changed';
      readonly file: ListedFile;
      readonly previous?: IngestedFile;
    }
  | {
      readonly action: 'skip';
      /**
       * - `unchanged`: same content (or, without a checksum, same size and
       *   mtime) as when it was ingested.
       * - `duplicate-listing`: the same path was listed earlier in this plan.
       * - `duplicate-content`: a new path whose content is byte-identical to
       *   a file already ingested (or planned), e.g. a copied export.
       */
      readonly reason: 'unchanged' | 'duplicate-listing' | 'duplicate-content';
      readonly file: ListedFile;
      readonly duplicateOf?: string;
    };

export interface IngestionPlan {
  /** One decision per listed file, in listing order. */
  readonly decisions: readonly IngestionDecision[];
  /** The files to read, in listing order. */
  readonly toIngest: readonly ListedFile[];
  /**
   * Previously ingested paths missing from the listing. Not removed
   * automatically: export locations rotate old files, and their spend
   * remains real.
   */
  readonly missing: readonly string[];
}

function timeOf(value: Date | number | undefined): number | undefined {
  return value instanceof Date ? value.getTime() : value;
}

/**
 * Decides which listed files need reading.
 *
 * Without a checksum, a size or mtime difference marks the file `changed`.
 * That may be a false positive (a touched file); reading it again is then
 * harmless because its aggregates replace those of the same path.
 */
export function planIngestion(
  files: readonly ListedFile[],
  alreadyIngested: ReadonlyMap<string, IngestedFile>,
): IngestionPlan {
  const pathByContent = new Map<string, string>();
  for (const [path, ingested] of alreadyIngested) {
    if (!pathByContent.has(ingested.sha256)) {
      pathByContent.set(ingested.sha256, path);
    }
  }

  const listedPaths = new Set<string>();
  const decisions: IngestionDecision[] = [];
  for (const file of files) {
    if (listedPaths.has(file.path)) {
      decisions.push({
        action: 'skip',
        reason: 'duplicate-listing',
        file,
        duplicateOf: file.path,
      });
      continue;
    }
    listedPaths.add(file.path);

    const previous = alreadyIngested.get(file.path);
    if (previous === undefined) {
      const sameContent = file.sha256 && pathByContent.get(file.sha256);
      if (sameContent) {
        decisions.push({
          action: 'skip',
          reason: 'duplicate-content',
          file,
          duplicateOf: sameContent,
        });
        continue;
      }
      if (file.sha256) {
        pathByContent.set(file.sha256, file.path);
      }
      decisions.push({ action: 'ingest', reason: 'new', file });
      continue;
    }

    const unchanged = file.sha256
      ? file.sha256 === previous.sha256
      : file.size === previous.size &&
        timeOf(file.mtime) === timeOf(previous.mtime);
    decisions.push(
      unchanged
        ? { action: 'skip', reason: 'unchanged', file }
        : { action: 'ingest', reason: 'changed', file, previous },
    );
  }

  return {
    decisions,
    toIngest: decisions.flatMap(d => (d.action === 'ingest' ? [d.file] : [])),
    missing: [...alreadyIngested.keys()].filter(path => !listedPaths.has(path)),
  };
}

/**
 * After reading a file whose checksum was unknown when planning: the path of
 * an already ingested *other* file with identical content, if any. The store
 * should then not add the file's aggregates, or it would count them twice.
 */
export function findDuplicateContent(
  path: string,
  sha256: string,
  alreadyIngested: ReadonlyMap<string, IngestedFile>,
): string | undefined {
  for (const [otherPath, ingested] of alreadyIngested) {
    if (otherPath !== path && ingested.sha256 === sha256) {
      return otherPath;
    }
  }
  return undefined;
}

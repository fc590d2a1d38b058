import type {
  PlanRevisionSummary,
  RevisionSource,
} from '@gatehouse/plugin-infra-plans-common';

/** A revision as kept: the summary plus the plan text it was made from. */
export interface StoredPlanRevision extends PlanRevisionSummary {
  yaml: string;
}

/** What a new revision is made of; the store numbers and dates it. */
export interface NewPlanRevision {
  entityRef: string;
  contentHash: string;
  source: RevisionSource;
  location?: string;
  author?: string;
  message?: string;
  yaml: string;
  valid: boolean;
  errorCount: number;
  warningCount: number;
}

/** Keeps every revision of every service's plan; revisions are never changed. */
export interface PlanRevisionStore {
  /**
   * Appends a revision numbered one past the entity's latest. When `unlessLatestHashOf`
   * names a source whose latest revision already has this content hash, nothing is
   * added and that revision is returned (`created: false`): re-reading an unchanged
   * repository file does not make revisions.
   */
  append(
    revision: NewPlanRevision,
    options?: { unlessLatestHashOf?: RevisionSource },
  ): Promise<{ revision: StoredPlanRevision; created: boolean }>;
  latest(entityRef: string): Promise<StoredPlanRevision | undefined>;
  get(
    entityRef: string,
    revision: number,
  ): Promise<StoredPlanRevision | undefined>;
  /** Newest first. */
  list(entityRef: string, limit?: number): Promise<PlanRevisionSummary[]>;
  count(entityRef: string): Promise<number>;
}

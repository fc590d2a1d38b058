import type { UnapprovedChange } from '@gatehouse/plugin-approvals-common';

/** What the watcher last read of one repository branch. */
export type RepositoryWatch = {
  /** `<kind>:<location>#<branch>` */
  repositoryKey: string;
  entityRef: string;
  lastHead: string | null;
  checkedAt: string | null;
  error: string | null;
};

/** An unapproved change before it is stored (the store numbers it). */
export type NewUnapprovedChange = Omit<UnapprovedChange, 'id'> & {
  /** The service whose environment it is, so its page can list it. */
  serviceRef: string | null;
};

/** The repository watcher's state and findings. */
export interface RepositoryWatchStore {
  getWatch(repositoryKey: string): Promise<RepositoryWatch | undefined>;
  saveWatch(watch: RepositoryWatch): Promise<void>;
  /**
   * Stores a finding unless that commit of that entity is already stored
   * (several replicas or a webhook and the schedule may read the same
   * commit); answers the stored change when it is new.
   */
  addUnapproved(
    change: NewUnapprovedChange,
  ): Promise<UnapprovedChange | undefined>;
  /** Newest first; for an environment, or a service (its environments). */
  listUnapproved(query: {
    entityRef?: string;
    limit: number;
  }): Promise<{ items: UnapprovedChange[]; total: number }>;
}

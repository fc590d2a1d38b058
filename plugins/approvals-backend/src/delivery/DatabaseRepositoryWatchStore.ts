import type { UnapprovedChange } from '@gatehouse/plugin-approvals-common';
import {
  requiredIsoTimestamp,
  toIsoTimestamp,
} from '@gatehouse/backend-database';
import type { Knex } from 'knex';
import type {
  NewUnapprovedChange,
  RepositoryWatch,
  RepositoryWatchStore,
} from './RepositoryWatchStore';

function toUnapproved(row: any): UnapprovedChange {
  return {
    id: Number(row.id),
    entityRef: row.entity_ref,
    repository: row.repository,
    branch: row.branch,
    commit: row.commit,
    author: row.author,
    summary: row.summary,
    committedAt: requiredIsoTimestamp(row.committed_at),
    detectedAt: requiredIsoTimestamp(row.detected_at),
    reason: row.reason,
    requestId: row.request_id ?? null,
  };
}

/**
 * The watcher's tables in the approvals database (migrated with the rest of
 * the approvals store: create that first).
 */
export class DatabaseRepositoryWatchStore implements RepositoryWatchStore {
  constructor(private readonly db: Knex) {}

  async getWatch(repositoryKey: string) {
    const row = await this.db('approval_repository_watches')
      .where({ repository_key: repositoryKey })
      .first();
    if (!row) return undefined;
    return {
      repositoryKey: row.repository_key,
      entityRef: row.entity_ref,
      lastHead: row.last_head ?? null,
      checkedAt: toIsoTimestamp(row.checked_at) ?? null,
      error: row.error ?? null,
    };
  }

  async saveWatch(watch: RepositoryWatch) {
    await this.db('approval_repository_watches')
      .insert({
        repository_key: watch.repositoryKey,
        entity_ref: watch.entityRef,
        last_head: watch.lastHead,
        checked_at: watch.checkedAt ? new Date(watch.checkedAt) : null,
        error: watch.error,
      })
      .onConflict('repository_key')
      .merge();
  }

  async addUnapproved(change: NewUnapprovedChange) {
    const inserted = await this.db('approval_unapproved_changes')
      .insert({
        entity_ref: change.entityRef,
        service_ref: change.serviceRef,
        repository: change.repository,
        branch: change.branch,
        commit: change.commit,
        author: change.author,
        summary: change.summary,
        committed_at: new Date(change.committedAt),
        detected_at: new Date(change.detectedAt),
        reason: change.reason,
        request_id: change.requestId,
      })
      .onConflict(['entity_ref', 'commit'])
      .ignore()
      .returning('id');
    const id = (inserted[0] as any)?.id ?? inserted[0];
    if (id === undefined) return undefined;
    const row = await this.db('approval_unapproved_changes')
      .where({ id })
      .first();
    return row ? toUnapproved(row) : undefined;
  }

  async listUnapproved(query: { entityRef?: string; limit: number }) {
    const filtered = () => {
      const q = this.db('approval_unapproved_changes');
      if (query.entityRef) {
        q.where('entity_ref', query.entityRef).orWhere(
          'service_ref',
          query.entityRef,
        );
      }
      return q;
    };
    const [rows, count] = await Promise.all([
      filtered()
        .orderBy('detected_at', 'desc')
        .orderBy('id', 'desc')
        .limit(query.limit),
      filtered().count({ n: '*' }).first(),
    ]);
    return { items: rows.map(toUnapproved), total: Number(count?.n ?? 0) };
  }
}

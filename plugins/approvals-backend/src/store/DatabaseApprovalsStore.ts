import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import type {
  AuditRecord,
  Decision,
  FollowUp,
  RequestStatus,
} from '@gatehouse/plugin-approvals-common';
import { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import {
  ApprovalsStore,
  DecisionInput,
  ListQuery,
  NewRevision,
  Settlement,
  StoredRequest,
  StoredRevision,
} from './ApprovalsStore';

const migrationsDir = resolvePackagePath(
  '@gatehouse/plugin-approvals-backend',
  'migrations',
);

const RISK_RANK = { low: 0, medium: 1, high: 2 } as const;

function toIso(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number') return new Date(value).toISOString();
  const text = String(value);
  return new Date(
    /^\d{4}-\d{2}-\d{2} \d/.test(text) ? `${text.replace(' ', 'T')}Z` : text,
  ).toISOString();
}

const json = (text: string | null) => (text === null ? null : JSON.parse(text));

function toRequest(row: any): StoredRequest {
  return {
    id: row.id,
    title: row.title,
    entityRef: row.entity_ref,
    environment: row.environment,
    status: row.status,
    submitter: row.submitter,
    submitterKind: row.submitter_kind,
    revision: Number(row.current_revision),
    contentHash: row.content_hash,
    riskLevel: row.risk_level,
    costDelta: row.cost_delta === null ? null : Number(row.cost_delta),
    policySummary: row.policy_summary,
    followUp: json(row.follow_up),
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
    expiresAt: toIso(row.expires_at),
  };
}

function toRevision(row: any, withPlan: boolean): StoredRevision {
  return {
    revision: Number(row.revision),
    contentHash: row.content_hash,
    submittedBy: row.submitted_by,
    createdAt: toIso(row.created_at),
    summary: json(row.summary),
    files: json(row.files),
    estimate: json(row.estimate),
    estimateId: row.estimate_id,
    risk: json(row.risk),
    notes: json(row.notes),
    inputs: json(row.inputs),
    verdict: json(row.verdict),
    hasPlan:
      row.has_plan === undefined
        ? row.plan !== null
        : Boolean(Number(row.has_plan)),
    ...(withPlan && row.plan !== null ? { plan: JSON.parse(row.plan) } : {}),
  };
}

function toDecision(row: any): Decision {
  return {
    id: row.id,
    revision: Number(row.revision),
    contentHash: row.content_hash,
    approver: row.approver,
    decision: row.decision,
    comment: row.comment,
    groups: json(row.groups),
    createdAt: toIso(row.created_at),
  };
}

function toAudit(row: any): AuditRecord {
  return {
    sequence: Number(row.sequence),
    action: row.action,
    actor: row.actor,
    revision: Number(row.revision),
    contentHash: row.content_hash,
    comment: row.comment,
    statusAfter: row.status_after,
    createdAt: toIso(row.created_at),
  };
}

/** The knex implementation of the approvals store, on SQLite or PostgreSQL. */
export class DatabaseApprovalsStore implements ApprovalsStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseApprovalsStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new DatabaseApprovalsStore(client);
  }

  private constructor(private readonly db: Knex) {}

  private get isPostgres() {
    return this.db.client.config.client === 'pg';
  }

  /** Locks the request row for the transaction on PostgreSQL (SQLite serialises writers anyway). */
  private lockedRequest(trx: Knex.Transaction, id: string) {
    const query = trx('approval_requests').where({ id }).first();
    return this.isPostgres ? query.forUpdate() : query;
  }

  private async appendAudit(
    trx: Knex.Transaction,
    requestId: string,
    records: Omit<AuditRecord, 'sequence' | 'createdAt'>[],
  ) {
    if (records.length === 0) return;
    const now = new Date();
    await trx('approval_audit').insert(
      records.map(r => ({
        request_id: requestId,
        revision: r.revision,
        content_hash: r.contentHash,
        action: r.action,
        actor: r.actor,
        comment: r.comment,
        status_after: r.statusAfter,
        created_at: now,
      })),
    );
  }

  private async replaceEligibleGroups(
    trx: Knex.Transaction,
    requestId: string,
    groups: string[],
  ) {
    await trx('approval_request_groups')
      .where({ request_id: requestId })
      .delete();
    if (groups.length > 0) {
      await trx('approval_request_groups').insert(
        groups.map(group_ref => ({ request_id: requestId, group_ref })),
      );
    }
  }

  async saveRevision(
    input: NewRevision,
    audit: Omit<AuditRecord, 'sequence' | 'createdAt'>[],
  ): Promise<StoredRequest> {
    await this.db.transaction(async trx => {
      const existing = await this.lockedRequest(trx, input.requestId);
      const now = new Date();
      const revisionNumber = existing
        ? Number(existing.current_revision) + 1
        : 1;
      const { revision } = input;
      await (existing
        ? trx('approval_requests')
            .where({ id: input.requestId })
            .update({
              title: input.title,
              status: input.status,
              current_revision: revisionNumber,
              content_hash: revision.contentHash,
              risk_level: revision.risk.level,
              risk_rank: RISK_RANK[revision.risk.level],
              cost_delta: input.costDelta,
              policy_summary: input.policySummary,
              follow_up: input.followUp ? JSON.stringify(input.followUp) : null,
              updated_at: now,
              expires_at: new Date(input.expiresAt),
            })
        : trx('approval_requests').insert({
            id: input.requestId,
            title: input.title,
            entity_ref: input.entityRef,
            environment: input.environment,
            status: input.status,
            submitter: input.submitter,
            submitter_kind: input.submitterKind,
            current_revision: 1,
            content_hash: revision.contentHash,
            risk_level: revision.risk.level,
            risk_rank: RISK_RANK[revision.risk.level],
            cost_delta: input.costDelta,
            policy_summary: input.policySummary,
            follow_up: input.followUp ? JSON.stringify(input.followUp) : null,
            created_at: now,
            updated_at: now,
            expires_at: new Date(input.expiresAt),
          }));
      await trx('approval_revisions').insert({
        request_id: input.requestId,
        revision: revisionNumber,
        content_hash: revision.contentHash,
        submitted_by: revision.submittedBy,
        created_at: now,
        summary: JSON.stringify(revision.summary),
        files: JSON.stringify(revision.files),
        estimate: revision.estimate ? JSON.stringify(revision.estimate) : null,
        estimate_id: revision.estimateId,
        risk: JSON.stringify(revision.risk),
        notes: JSON.stringify(revision.notes),
        inputs: JSON.stringify(revision.inputs),
        verdict: JSON.stringify(revision.verdict),
        plan:
          revision.plan === undefined ? null : JSON.stringify(revision.plan),
      });
      await this.replaceEligibleGroups(
        trx,
        input.requestId,
        input.eligibleGroups,
      );
      await this.appendAudit(
        trx,
        input.requestId,
        audit.map(record => ({ ...record, revision: revisionNumber })),
      );
    });
    return (await this.getRequest(input.requestId))!;
  }

  async getRequest(id: string): Promise<StoredRequest | undefined> {
    const row = await this.db('approval_requests').where({ id }).first();
    return row ? toRequest(row) : undefined;
  }

  async getRevision(
    id: string,
    revision: number,
    withPlan = false,
  ): Promise<StoredRevision | undefined> {
    const columns = withPlan
      ? ['*']
      : [
          'request_id',
          'revision',
          'content_hash',
          'submitted_by',
          'created_at',
          'summary',
          'files',
          'estimate',
          'estimate_id',
          'risk',
          'notes',
          'inputs',
          'verdict',
          this.db.raw('CASE WHEN plan IS NULL THEN 0 ELSE 1 END AS has_plan'),
        ];
    const row = await this.db('approval_revisions')
      .select(columns)
      .where({ request_id: id, revision })
      .first();
    return row ? toRevision(row, withPlan) : undefined;
  }

  async listRevisions(id: string) {
    const rows = await this.db('approval_revisions')
      .select('revision', 'content_hash', 'created_at', 'submitted_by')
      .where({ request_id: id })
      .orderBy('revision');
    return rows.map(row => ({
      revision: Number(row.revision),
      contentHash: row.content_hash,
      createdAt: toIso(row.created_at),
      submittedBy: row.submitted_by,
    }));
  }

  async listDecisions(id: string): Promise<Decision[]> {
    const rows = await this.db('approval_decisions')
      .where({ request_id: id })
      .orderBy('created_at');
    return rows.map(toDecision);
  }

  async listAudit(id: string): Promise<AuditRecord[]> {
    const rows = await this.db('approval_audit')
      .where({ request_id: id })
      .orderBy('sequence');
    return rows.map(toAudit);
  }

  async recordDecision(
    input: DecisionInput,
    settle: (
      request: StoredRequest,
      revision: StoredRevision,
      decisions: Decision[],
    ) => Settlement,
  ) {
    return this.db.transaction(async trx => {
      const row = await this.lockedRequest(trx, input.requestId);
      if (!row) throw new NotFoundError(`No change request ${input.requestId}`);
      const request = toRequest(row);
      if (request.contentHash !== input.revisionHash) {
        throw new ConflictError(
          `Revision ${request.revision} (${request.contentHash.slice(
            0,
            12,
          )}) superseded the one you decided (${input.revisionHash.slice(
            0,
            12,
          )}): look at the new revision first`,
        );
      }
      if (request.status !== 'pending') {
        throw new ConflictError(
          `The request is ${request.status}; nothing more can be decided on revision ${request.revision}`,
        );
      }
      const already = await trx('approval_decisions')
        .where({
          request_id: input.requestId,
          revision: request.revision,
          approver: input.approver,
        })
        .first();
      if (already) {
        throw new ConflictError(
          `${input.approver} already decided revision ${request.revision} (${already.decision})`,
        );
      }
      const decision: Decision = {
        id: randomUUID(),
        revision: request.revision,
        contentHash: request.contentHash,
        approver: input.approver,
        decision: input.decision,
        comment: input.comment,
        groups: input.groups,
        createdAt: new Date().toISOString(),
      };
      await trx('approval_decisions').insert({
        id: decision.id,
        request_id: input.requestId,
        revision: decision.revision,
        content_hash: decision.contentHash,
        approver: decision.approver,
        decision: decision.decision,
        comment: decision.comment,
        groups: JSON.stringify(decision.groups),
        created_at: new Date(decision.createdAt),
      });
      const revisionRow = await trx('approval_revisions')
        .select(
          'request_id',
          'revision',
          'content_hash',
          'submitted_by',
          'created_at',
          'summary',
          'files',
          'estimate',
          'estimate_id',
          'risk',
          'notes',
          'inputs',
          'verdict',
        )
        .where({ request_id: input.requestId, revision: request.revision })
        .first();
      const decisions = (
        await trx('approval_decisions')
          .where({ request_id: input.requestId, revision: request.revision })
          .orderBy('created_at')
      ).map(toDecision);
      const settlement = settle(
        request,
        toRevision(revisionRow, false),
        decisions,
      );
      const changedStatus = settlement.status !== request.status;
      await trx('approval_requests').where({ id: input.requestId }).update({
        status: settlement.status,
        policy_summary: settlement.policySummary,
        updated_at: new Date(),
      });
      await this.replaceEligibleGroups(
        trx,
        input.requestId,
        settlement.eligibleGroups,
      );
      const audit: Omit<AuditRecord, 'sequence' | 'createdAt'>[] = [
        {
          action: input.decision,
          actor: input.approver,
          revision: request.revision,
          contentHash: request.contentHash,
          comment: input.comment || null,
          statusAfter: settlement.status,
        },
      ];
      if (
        changedStatus &&
        (settlement.status === 'approved' || settlement.status === 'rejected')
      ) {
        audit.push({
          action: settlement.status,
          actor: 'policy',
          revision: request.revision,
          contentHash: request.contentHash,
          comment: settlement.policySummary,
          statusAfter: settlement.status,
        });
      }
      await this.appendAudit(trx, input.requestId, audit);
      const updated = toRequest(
        await trx('approval_requests').where({ id: input.requestId }).first(),
      );
      return { request: updated, decision, changedStatus };
    });
  }

  async list(
    query: ListQuery,
  ): Promise<{ items: StoredRequest[]; total: number }> {
    const base = this.db('approval_requests as r').modify(q => {
      if (query.statuses) q.whereIn('r.status', query.statuses);
      if (query.environment) q.where('r.environment', query.environment);
      if (query.entityRef) q.where('r.entity_ref', query.entityRef);
      if (query.risk) q.where('r.risk_level', query.risk);
      if (query.minCostDelta !== undefined)
        q.where('r.cost_delta', '>=', query.minCostDelta);
      if (query.maxCostDelta !== undefined)
        q.where('r.cost_delta', '<=', query.maxCostDelta);
      if (query.createdBefore)
        q.where('r.created_at', '<', new Date(query.createdBefore));
      if (query.view === 'mine') q.where('r.submitter', query.viewer.ref);
      if (query.view === 'waiting') {
        // Pending, asks for one of my groups, not mine, and not decided by me yet.
        q.where('r.status', 'pending')
          .whereNot('r.submitter', query.viewer.ref)
          // An uncorrelated IN: one scan of the group index, whatever the statistics.
          .whereIn(
            'r.id',
            this.db('approval_request_groups')
              .select('request_id')
              .whereIn(
                'group_ref',
                query.viewer.groups.length > 0 ? query.viewer.groups : ['-'],
              ),
          )
          .whereNotExists(sub =>
            sub
              .select(this.db.raw('1'))
              .from('approval_decisions as d')
              .whereRaw(
                'd.request_id = r.id AND d.revision = r.current_revision',
              )
              .where('d.approver', query.viewer.ref),
          );
      }
    });
    const [{ count }] = await base.clone().count({ count: '*' });
    const rows = await base
      .clone()
      .select('r.*')
      // The oldest urgent first: risk, then age.
      .orderBy([
        { column: 'r.risk_rank', order: 'desc' },
        { column: 'r.created_at', order: 'asc' },
      ])
      .limit(query.limit)
      .offset(query.offset);
    return { items: rows.map(toRequest), total: Number(count) };
  }

  async expireDue(now: Date): Promise<StoredRequest[]> {
    const due = await this.db('approval_requests')
      .whereIn('status', ['pending', 'changes-requested'])
      .where('expires_at', '<', now)
      .select('id');
    const expired: StoredRequest[] = [];
    for (const { id } of due) {
      await this.db.transaction(async trx => {
        const row = await this.lockedRequest(trx, id);
        // Decided in the meantime: nothing to expire.
        if (!row || !['pending', 'changes-requested'].includes(row.status))
          return;
        await trx('approval_requests')
          .where({ id })
          .update({ status: 'expired', updated_at: now });
        await this.replaceEligibleGroups(trx, id, []);
        await this.appendAudit(trx, id, [
          {
            action: 'expired',
            actor: 'policy',
            revision: Number(row.current_revision),
            contentHash: row.content_hash,
            comment: `not decided before ${toIso(row.expires_at)}`,
            statusAfter: 'expired' as RequestStatus,
          },
        ]);
        expired.push(toRequest({ ...row, status: 'expired', updated_at: now }));
      });
    }
    return expired;
  }

  async recordFollowUp(
    id: string,
    followUp: FollowUp,
    audit: Omit<AuditRecord, 'sequence' | 'createdAt'>,
  ) {
    await this.db.transaction(async trx => {
      await trx('approval_requests')
        .where({ id })
        .update({ follow_up: JSON.stringify(followUp) });
      await this.appendAudit(trx, id, [audit]);
    });
  }
}

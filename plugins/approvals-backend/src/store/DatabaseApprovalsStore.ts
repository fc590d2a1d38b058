import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import type {
  AuditRecord,
  DeliveryEvent,
  DeliveryStep,
  Decision,
  FollowUp,
  RequestStatus,
} from '@gatehouse/plugin-approvals-common';
import { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import {
  ApprovalsStore,
  DecisionInput,
  InboxCounts,
  ListedRequest,
  ListQuery,
  NewRevision,
  Settlement,
  StoredRequest,
  StoredRevision,
} from './ApprovalsStore';
import {
  migratedClient,
  requiredIsoTimestamp,
} from '@gatehouse/backend-database';
import { InboxPosition, moveInInbox, waitingSetOf } from './inboxCounters';
import { inboxCounts, listPage, RISK_RANK } from './inboxQueries';

const migrationsDir = resolvePackagePath(
  '@gatehouse/plugin-approvals-backend',
  'migrations',
);

const json = (text: string | null) => (text === null ? null : JSON.parse(text));

/** The columns of a request row that every reading of it shares. */
function requestFields(row: any): Omit<StoredRequest, 'followUp'> {
  return {
    id: row.id,
    title: row.title,
    entityRef: row.entity_ref,
    environment: row.environment,
    tier: row.tier ?? null,
    status: row.status,
    submitter: row.submitter,
    submitterKind: row.submitter_kind,
    revision: Number(row.current_revision),
    contentHash: row.content_hash,
    riskLevel: row.risk_level,
    costDelta: row.cost_delta === null ? null : Number(row.cost_delta),
    policySummary: row.policy_summary,
    createdAt: requiredIsoTimestamp(row.created_at),
    updatedAt: requiredIsoTimestamp(row.updated_at),
    expiresAt: requiredIsoTimestamp(row.expires_at),
    deliveryState: row.delivery_state ?? null,
  };
}

function toSummary(row: any): ListedRequest {
  const fields = requestFields(row);
  return {
    ...fields,
    cursor: {
      riskRank: Number(row.risk_rank),
      createdAt: fields.createdAt,
      id: row.id,
    },
  };
}

/** The inbox position of a stored request row. */
function positionOf(row: any, groups: string[]): InboxPosition {
  return {
    status: row.status,
    environment: row.environment,
    riskLevel: row.risk_level,
    groups,
  };
}

function toRequest(row: any): StoredRequest {
  return { ...requestFields(row), followUp: json(row.follow_up) };
}

function toRevision(row: any, withPlan: boolean): StoredRevision {
  return {
    revision: Number(row.revision),
    contentHash: row.content_hash,
    submittedBy: row.submitted_by,
    createdAt: requiredIsoTimestamp(row.created_at),
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
    infraPlan: json(row.infra_plan_review ?? null),
    ...(withPlan && row.plan !== null ? { plan: JSON.parse(row.plan) } : {}),
    ...(withPlan && row.infra_plan
      ? { infraPlanDocuments: JSON.parse(row.infra_plan) }
      : {}),
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
    createdAt: requiredIsoTimestamp(row.created_at),
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
    createdAt: requiredIsoTimestamp(row.created_at),
  };
}

/** A revision's columns other than its plan (which can be tens of megabytes). */
const REVISION_COLUMNS = [
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
  'infra_plan_review',
];

/** The knex implementation of the approvals store, on SQLite or PostgreSQL. */
export class DatabaseApprovalsStore implements ApprovalsStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseApprovalsStore> {
    return new DatabaseApprovalsStore(
      await migratedClient(options.database, migrationsDir),
    );
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

  /**
   * Appends audit records and moves the change mark on. Every transaction
   * that changes a request appends audit records, so none can forget the mark.
   */
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
    await trx('approval_change_mark').where({ id: 1 }).increment('value', 1);
  }

  async changeMark(): Promise<number> {
    const row = await this.db('approval_change_mark')
      .where({ id: 1 })
      .first('value');
    return Number(row.value);
  }

  /**
   * Moves a request to its new inbox position in the caller's transaction:
   * the groups that may decide it (kept only while it is pending, with the
   * request's sort keys beside them) and its waiting set. The caller moves
   * the counters (moveInInbox) as its transaction's last write, so their
   * rows, which every status change shares, are locked as briefly as can be.
   */
  private async reposition(
    trx: Knex.Transaction,
    request: {
      id: string;
      submitter: string;
      createdAt: Date;
      riskRank: number;
    },
    from: InboxPosition | null,
    to: InboxPosition,
  ) {
    const waitingSet = waitingSetOf(to);
    // Still waiting for the same groups at the same rank (a decision that
    // settles nothing): the group rows stand as they are.
    const unchanged =
      waitingSetOf(from) === waitingSet && from?.riskLevel === to.riskLevel;
    if (unchanged) return;
    await trx('approval_request_groups')
      .where({ request_id: request.id })
      .delete();
    if (waitingSet) {
      await trx('approval_request_groups').insert(
        [...new Set(to.groups)].map(group_ref => ({
          request_id: request.id,
          group_ref,
          risk_rank: request.riskRank,
          created_at: request.createdAt,
          submitter: request.submitter,
        })),
      );
    }
    if (waitingSetOf(from) !== waitingSet) {
      await trx('approval_requests')
        .where({ id: request.id })
        .update({ waiting_set: waitingSet });
    }
  }

  /** The groups a stored request row is waiting for (none unless pending). */
  private async groupsOf(trx: Knex.Transaction, requestId: string) {
    const rows = await trx('approval_request_groups')
      .select('group_ref')
      .where({ request_id: requestId });
    return rows.map(row => row.group_ref as string);
  }

  async saveRevision(
    input: NewRevision,
    audit: Omit<AuditRecord, 'sequence' | 'createdAt'>[],
  ): Promise<StoredRequest> {
    await this.db.transaction(async trx => {
      const existing = await this.lockedRequest(trx, input.requestId);
      const from = existing
        ? positionOf(existing, await this.groupsOf(trx, input.requestId))
        : null;
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
              tier: input.tier,
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
            tier: input.tier,
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
        infra_plan: revision.infraPlanDocuments
          ? JSON.stringify(revision.infraPlanDocuments)
          : null,
        infra_plan_review: revision.infraPlan
          ? JSON.stringify(revision.infraPlan)
          : null,
      });
      // Decisions were on the previous revision: none is open on this one.
      await trx('approval_open_decisions')
        .where({ request_id: input.requestId })
        .delete();
      const to: InboxPosition = {
        status: input.status,
        environment: input.environment,
        riskLevel: revision.risk.level,
        groups: input.eligibleGroups,
      };
      await this.reposition(
        trx,
        {
          id: input.requestId,
          submitter: existing?.submitter ?? input.submitter,
          createdAt: existing
            ? new Date(requiredIsoTimestamp(existing.created_at))
            : now,
          riskRank: RISK_RANK[revision.risk.level],
        },
        from,
        to,
      );
      await this.appendAudit(
        trx,
        input.requestId,
        audit.map(record => ({ ...record, revision: revisionNumber })),
      );
      await moveInInbox(trx, from, to);
    });
    return (await this.getRequest(input.requestId))!;
  }

  async getRequest(id: string): Promise<StoredRequest | undefined> {
    const row = await this.db('approval_requests').where({ id }).first();
    return row ? toRequest(row) : undefined;
  }

  async getCurrent(id: string) {
    const row = await this.db('approval_requests as r')
      .join('approval_revisions as v', join =>
        join
          .on('v.request_id', 'r.id')
          .andOn('v.revision', 'r.current_revision'),
      )
      .select(
        'r.*',
        ...REVISION_COLUMNS.map(column => `v.${column} as v_${column}`),
        this.db.raw('CASE WHEN v.plan IS NULL THEN 0 ELSE 1 END AS v_has_plan'),
      )
      .where('r.id', id)
      .first();
    if (!row) return undefined;
    const revision: Record<string, unknown> = {};
    for (const column of [...REVISION_COLUMNS, 'has_plan']) {
      revision[column] = row[`v_${column}`];
    }
    return {
      request: toRequest(row),
      revision: toRevision(revision, false),
    };
  }

  async getRevision(
    id: string,
    revision: number,
    withPlan = false,
  ): Promise<StoredRevision | undefined> {
    const columns = withPlan
      ? ['*']
      : [
          ...REVISION_COLUMNS,
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
      createdAt: requiredIsoTimestamp(row.created_at),
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
        .select(REVISION_COLUMNS)
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
      const from = positionOf(row, await this.groupsOf(trx, input.requestId));
      const to: InboxPosition = {
        ...positionOf(row, settlement.eligibleGroups),
        status: settlement.status,
      };
      await this.reposition(
        trx,
        {
          id: input.requestId,
          submitter: row.submitter,
          createdAt: new Date(requiredIsoTimestamp(row.created_at)),
          riskRank: Number(row.risk_rank),
        },
        from,
        to,
      );
      // While the request waits, the approver's decision keeps it out of
      // their "waiting for me"; once settled, nothing is open any more.
      const waitingSet = waitingSetOf(to);
      if (!waitingSet) {
        await trx('approval_open_decisions')
          .where({ request_id: input.requestId })
          .delete();
      } else if (input.approver !== row.submitter) {
        await trx('approval_open_decisions')
          .insert({
            approver: input.approver,
            request_id: input.requestId,
            group_set: waitingSet,
          })
          .onConflict(['approver', 'request_id'])
          .ignore();
      }
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
      await moveInInbox(trx, from, to);
      return { request: updated, decision, changedStatus };
    });
  }

  async list(
    query: ListQuery,
  ): Promise<{ items: ListedRequest[]; total: number }> {
    const { rows, total } = await listPage(this.db, query);
    return { items: rows.map(toSummary), total };
  }

  async counts(viewer: {
    ref: string;
    groups: string[];
  }): Promise<InboxCounts> {
    return inboxCounts(this.db, viewer);
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
        const from = positionOf(row, await this.groupsOf(trx, id));
        const to: InboxPosition = { ...positionOf(row, []), status: 'expired' };
        await this.reposition(
          trx,
          {
            id,
            submitter: row.submitter,
            createdAt: new Date(requiredIsoTimestamp(row.created_at)),
            riskRank: Number(row.risk_rank),
          },
          from,
          to,
        );
        await trx('approval_open_decisions').where({ request_id: id }).delete();
        await this.appendAudit(trx, id, [
          {
            action: 'expired',
            actor: 'policy',
            revision: Number(row.current_revision),
            contentHash: row.content_hash,
            comment: `not decided before ${requiredIsoTimestamp(
              row.expires_at,
            )}`,
            statusAfter: 'expired' as RequestStatus,
          },
        ]);
        await moveInInbox(trx, from, to);
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

  async recordDeliveryStep(
    id: string,
    event: DeliveryEvent,
    accept: (request: StoredRequest, events: DeliveryEvent[]) => boolean,
  ): Promise<boolean> {
    return this.db.transaction(async trx => {
      const row = await this.lockedRequest(trx, id);
      if (!row) throw new NotFoundError(`No change request ${id}`);
      const events = await this.deliveryEventsIn(trx, id);
      // Decided with the row locked: two reports of one step record one.
      if (!accept(toRequest(row), events)) return false;
      await trx('approval_delivery_events').insert({
        request_id: id,
        step: event.step,
        revision: event.revision,
        content_hash: event.contentHash,
        actor: event.actor,
        occurred_at: new Date(event.occurredAt),
        link: event.link,
        commit: event.commit,
        detail: event.detail,
      });
      await trx('approval_requests')
        .where({ id })
        .update({ delivery_state: event.step });
      await this.appendAudit(trx, id, [
        {
          action: `delivery-${event.step}`,
          actor: event.actor,
          revision: event.revision,
          contentHash: event.contentHash,
          comment: [event.detail, event.link, event.commit]
            .filter(Boolean)
            .join(' · '),
          statusAfter: row.status,
        },
      ]);
      return true;
    });
  }

  listDeliveryEvents(id: string): Promise<DeliveryEvent[]> {
    return this.deliveryEventsIn(this.db, id);
  }

  private async deliveryEventsIn(
    db: Knex,
    id: string,
  ): Promise<DeliveryEvent[]> {
    const rows = await db('approval_delivery_events')
      .where({ request_id: id })
      .orderBy('id', 'asc');
    return rows.map(row => ({
      step: row.step,
      revision: Number(row.revision),
      contentHash: row.content_hash,
      actor: row.actor,
      occurredAt: requiredIsoTimestamp(row.occurred_at),
      link: row.link ?? null,
      commit: row.commit ?? null,
      detail: row.detail ?? null,
    }));
  }

  async listByDeliveryState(
    state: DeliveryStep,
    limit: number,
  ): Promise<StoredRequest[]> {
    const rows = await this.db('approval_requests')
      .where({ delivery_state: state })
      .orderBy('updated_at', 'asc')
      .orderBy('id', 'asc')
      .limit(limit);
    return rows.map(toRequest);
  }
}

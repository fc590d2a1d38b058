import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import type { Clock } from '@gatehouse/clock';
import type {
  ChangeRequest,
  ChangeRequestSummary,
  DecisionKind,
  GateAnswer,
  ListRequestsQuery,
  RequestsPage,
  RequestStatus,
} from '@gatehouse/plugin-approvals-common';
import { summarizePlan } from '../change/summarizePlan';
import type { EnvironmentMismatchHandling } from '../config';
import type { EnvironmentResolver } from '../environment/EnvironmentResolver';
import { eligibleGroups, policyStatus } from '../policy/evaluatePolicy';
import type { PolicyRule } from '../policy/rules';
import type { ApprovalsStore, StoredRequest } from '../store/ApprovalsStore';
import type { ApprovalNotifier } from './ApprovalNotifier';
import type { Caller } from './Caller';
import type { CostEstimator } from './CostEstimator';
import { announceDecision } from './decide/announceDecision';
import {
  decisionEligibility,
  SELF_DECISION_REFUSAL,
} from './decide/decisionEligibility';
import { findPendingRevision } from './decide/findPendingRevision';
import { givenApprovals } from './decide/givenApprovals';
import { settleDecision } from './decide/settleDecision';
import type { FollowUpStarter } from './FollowUpStarter';
import { decodeCursor, encodeCursor } from './inboxCursor';
import { announceSubmission } from './submit/announceSubmission';
import { applyPolicy } from './submit/applyPolicy';
import { assessChangeRisk } from './submit/assessChangeRisk';
import { findEntity } from './submit/findEntity';
import { findRevisedRequest } from './submit/findRevisedRequest';
import { hashContent } from './submit/hashContent';
import { parseSubmission } from './submit/parseSubmission';
import { priceChange } from './submit/priceChange';
import { resolveChangeEnvironment } from './submit/resolveChangeEnvironment';
import { rulesForEntity } from './submit/rulesForEntity';
import { storeRevision } from './submit/storeRevision';
import type { SubmitInput } from './submit/SubmitInput';

export type { Caller } from './Caller';
export type { SubmitInput } from './submit/SubmitInput';

/** The statuses a list filter stands for: "open" is pending or waiting for changes. */
function statusesFor(filter: string | undefined): RequestStatus[] | undefined {
  if (!filter || filter === 'any') return undefined;
  if (filter === 'open') return ['pending', 'changes-requested'];
  return [filter as RequestStatus];
}

/**
 * The approvals workflow: submission (with estimate, risk and the policy's
 * verdict), decisions, expiry, the gate pipelines ask, and the follow-up.
 */
export class ApprovalService {
  constructor(
    private readonly deps: {
      store: ApprovalsStore;
      catalog: CatalogService;
      auth: AuthService;
      estimator: CostEstimator;
      notifier: ApprovalNotifier;
      followUps: FollowUpStarter;
      logger: LoggerService;
      rules: PolicyRule[];
      expiresAfterMs: number;
      /** The date submitted plans are validated on. */
      clock: Clock;
      /** Finds the request's environment among the entity's, with its tier. */
      environments: Pick<EnvironmentResolver, 'resolve'>;
      /** A Terraform plan made for another environment: refused, or held as high risk. */
      environmentMismatch: EnvironmentMismatchHandling;
    },
  ) {}

  /**
   * Submits a change, or a new revision of a request, in stages that each
   * hand the next what they found. Every check that can refuse the change
   * runs before it is stored.
   */
  async submit(input: SubmitInput, caller: Caller): Promise<ChangeRequest> {
    const { deps } = this;
    // Parse first: a malformed plan is refused before anything is stored.
    const submission = parseSubmission(input, deps.clock);
    const { entityRef } = submission;
    const entity = await findEntity(deps, entityRef);
    const previous = await findRevisedRequest(deps.store, input, entityRef);
    const rules = rulesForEntity(deps.rules, entity, entityRef);

    // The environment is a catalog fact, resolved (or refused) before
    // anything is priced or stored; a plan made for another one is too.
    const { environment, conflicts } = await resolveChangeEnvironment(deps, {
      entity,
      name: input.environment,
      submission,
    });

    const { estimate, cost } = await priceChange(deps.estimator, {
      entityRef,
      environment: input.environment,
      submission,
    });
    const summary = summarizePlan(submission.plan?.parsed);
    const risk = assessChangeRisk({
      environment,
      conflicts,
      summary,
      cost,
      submission,
    });
    const policy = applyPolicy(rules, { entity, environment, cost, risk });
    const contentHash = hashContent({
      submission,
      environment: input.environment,
      estimate,
    });

    const saved = await storeRevision(deps, {
      input,
      caller,
      previous,
      submission,
      environment,
      summary,
      estimate,
      cost,
      risk,
      policy,
      contentHash,
    });
    await announceSubmission(deps, saved, policy);
    return this.get(saved.id, caller);
  }

  async decide(
    id: string,
    input: { decision: DecisionKind; comment: string; revisionHash: string },
    caller: Caller,
  ): Promise<ChangeRequest> {
    if (caller.kind !== 'user') {
      throw new NotAllowedError(
        'Only people decide on changes; service tokens may submit and read',
      );
    }
    const { request, revision } = await findPendingRevision(
      this.deps.store,
      id,
    );
    const eligibility = decisionEligibility(request, revision.verdict, caller);
    if (!eligibility.allowed) throw new NotAllowedError(eligibility.reason);

    const { request: settled, changedStatus } =
      await this.deps.store.recordDecision(
        {
          requestId: id,
          revisionHash: input.revisionHash,
          approver: caller.ref,
          decision: input.decision,
          comment: input.comment,
          groups: eligibility.groups,
        },
        (_current, storedRevision, decisions) =>
          settleDecision(input.decision, storedRevision, decisions),
      );

    await announceDecision(this.deps, settled, {
      changedStatus,
      approverGroups: eligibleGroups(revision.verdict),
    });
    return this.get(id, caller);
  }

  /**
   * Why the permission policy refused a decision, when it is the submitter's
   * own request: the policy's condition (not IS_SUBMITTER) only answers no.
   */
  async decisionRefusal(
    id: string,
    caller: Caller,
  ): Promise<string | undefined> {
    const request = await this.deps.store.getRequest(id);
    return request && request.submitter === caller.ref
      ? SELF_DECISION_REFUSAL
      : undefined;
  }

  async get(id: string, caller: Caller): Promise<ChangeRequest> {
    const { store } = this.deps;
    // Five reads at once: the request with its current revision, and its lists.
    const [found, revisions, decisions, audit, deliveryEvents] =
      await Promise.all([
        store.getCurrent(id),
        store.listRevisions(id),
        store.listDecisions(id),
        store.listAudit(id),
        store.listDeliveryEvents(id),
      ]);
    if (!found) throw new NotFoundError(`No change request ${id}`);
    const { request, revision: current } = found;
    const currentDecisions = decisions.filter(
      d => d.revision === request.revision,
    );
    const {
      verdict,
      plan: _plan,
      infraPlanDocuments: _documents,
      ...revision
    } = current;
    const eligibility = decisionEligibility(request, verdict, caller);
    const decidedAlready = currentDecisions.some(
      d => d.approver === caller.ref,
    );
    return {
      ...this.summaryOf(request),
      current: revision,
      revisions,
      decisions,
      audit,
      policy: policyStatus(verdict, givenApprovals(currentDecisions)),
      followUp: request.followUp,
      delivery: deliveryEvents.length
        ? { state: deliveryEvents.at(-1)!.step, events: deliveryEvents }
        : null,
      viewer: decidedAlready
        ? { canDecide: false, reason: 'You already decided this revision' }
        : { canDecide: eligibility.allowed, reason: eligibility.reason },
    };
  }

  summaryOf(request: StoredRequest): ChangeRequestSummary {
    const { followUp: _followUp, ...summary } = request;
    return summary;
  }

  async list(
    query: Required<Pick<ListRequestsQuery, 'view' | 'limit' | 'offset'>> &
      ListRequestsQuery,
    caller: Caller,
  ): Promise<RequestsPage> {
    const statuses = statusesFor(query.status);
    const { items, total } = await this.deps.store.list({
      view: query.view,
      viewer: this.viewerOf(caller),
      statuses,
      environment: query.environment,
      entityRef: query.entityRef,
      risk: query.risk,
      minCostDelta: query.minCostDelta,
      maxCostDelta: query.maxCostDelta,
      createdBefore:
        query.olderThanHours !== undefined
          ? new Date(
              Date.now() - query.olderThanHours * 3_600_000,
            ).toISOString()
          : undefined,
      limit: query.limit,
      offset: query.offset,
      after: query.cursor ? decodeCursor(query.cursor) : undefined,
    });
    const last = items.at(-1);
    return {
      items: items.map(({ cursor: _cursor, ...summary }) => summary),
      total,
      ...(last && items.length === query.limit
        ? { nextCursor: encodeCursor(last.cursor) }
        : {}),
    };
  }

  /** The inbox's badges, from counters kept with every status change. */
  async counts(caller: Caller) {
    return this.deps.store.counts(this.viewerOf(caller));
  }

  private viewerOf(caller: Caller) {
    return {
      ref: caller.ref,
      groups: caller.kind === 'user' ? caller.groups : [],
    };
  }

  /** For pipelines: is exactly this revision approved? */
  async gate(id: string, hash?: string): Promise<GateAnswer> {
    const request = await this.deps.store.getRequest(id);
    if (!request) throw new NotFoundError(`No change request ${id}`);
    const approvedStatus =
      request.status === 'approved' || request.status === 'auto-approved';
    const sameRevision = !hash || hash === request.contentHash;
    let reason = `${request.status}: ${request.policySummary}`;
    if (!sameRevision) {
      reason = `revision ${request.revision} (${request.contentHash.slice(
        0,
        12,
      )}) is not the plan you submitted (${hash!.slice(0, 12)})`;
    }
    return {
      id,
      status: request.status,
      revision: request.revision,
      contentHash: request.contentHash,
      approved: approvedStatus && sameRevision,
      reason,
      policySummary: request.policySummary,
    };
  }

  async planOf(id: string, revision: number): Promise<unknown> {
    const stored = await this.deps.store.getRevision(id, revision, true);
    if (!stored)
      throw new NotFoundError(
        `No revision ${revision} of change request ${id}`,
      );
    if (stored.plan === undefined)
      throw new NotFoundError(
        `Revision ${revision} of ${id} has no Terraform plan`,
      );
    return stored.plan;
  }

  /** The infrastructure plan of a revision, as submitted, with the prior plan it was diffed against. */
  async infraPlanOf(id: string, revision: number) {
    const stored = await this.deps.store.getRevision(id, revision, true);
    if (!stored)
      throw new NotFoundError(
        `No revision ${revision} of change request ${id}`,
      );
    if (!stored.infraPlanDocuments)
      throw new NotFoundError(
        `Revision ${revision} of ${id} has no infrastructure plan`,
      );
    return stored.infraPlanDocuments;
  }

  /** Expires requests nobody decided in time. */
  async expire(): Promise<number> {
    const expired = await this.deps.store.expireDue(new Date());
    for (const request of expired) {
      await this.deps.notifier.changed(request);
      await this.deps.notifier.decided(request, []);
    }
    return expired.length;
  }
}

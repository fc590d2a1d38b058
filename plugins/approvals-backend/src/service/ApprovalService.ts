import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  type Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import type {
  ChangeRequest,
  ChangeRequestSummary,
  DecisionKind,
  GateAnswer,
  ListRequestsQuery,
  RequestsPage,
  RequestStatus,
  RiskLevel,
  SubmitterKind,
} from '@gatehouse/plugin-approvals-common';
import { FINAL_STATUSES } from '@gatehouse/plugin-approvals-common';
import type { ParsedPlan } from '@gatehouse/plugin-cost-node';
import { randomUUID } from 'node:crypto';
import { assessRisk } from '../change/assessRisk';
import { contentHash } from '../change/contentHash';
import { costFactsOf } from '../change/costFacts';
import {
  describeConflicts,
  type EnvironmentConflict,
  EnvironmentMismatchError,
  findEnvironmentConflicts,
} from '../change/environmentEvidence';
import { fileDiffs } from '../change/fileDiffs';
import {
  InfraPlanDocument,
  readSubmittedInfraPlan,
  reviewInfraPlan,
  type SubmittedInfraPlan,
} from '../change/infraPlan';
import { scalingCeilingReasons } from '../change/scalingCeilings';
import { readPlan, summarizePlan } from '../change/summarizePlan';
import type { EnvironmentMismatchHandling } from '../config';
import type { EnvironmentResolver } from '../environment/EnvironmentResolver';
import type {
  ResolvedEnvironment,
  SubmittedPlanTiers,
} from '../environment/resolveEnvironment';
import {
  eligibleGroups,
  evaluatePolicy,
  GivenApproval,
  policyStatus,
  PolicyVerdict,
} from '../policy/evaluatePolicy';
import {
  POLICY_ANNOTATION,
  PolicyRule,
  rulesFromAnnotation,
} from '../policy/rules';
import type {
  ApprovalsStore,
  StoredRequest,
  StoredRevision,
} from '../store/ApprovalsStore';
import type { ApprovalNotifier } from './ApprovalNotifier';
import type { CostEstimator } from './CostEstimator';
import type { FollowUpStarter } from './FollowUpStarter';
import { decodeCursor, encodeCursor } from './inboxCursor';
import type { Clock } from '@gatehouse/clock';

/** Who is asking: a person with their groups (ancestors included), or a service. */
export type Caller =
  | { kind: 'user'; ref: string; groups: string[] }
  | { kind: 'service'; ref: string };

export type SubmitInput = {
  requestId?: string;
  title: string;
  entityRef: string;
  environment: string;
  plan?: unknown;
  /** The infrastructure plan the change applies, and the one in force now. */
  infraPlan?: { plan: InfraPlanDocument; priorPlan?: InfraPlanDocument };
  files?: Array<{ path: string; content: string; previousContent?: string }>;
  notes: StoredRevision['notes'];
  inputs?: Record<string, unknown>;
  followUp?: { templateRef: string; values: Record<string, unknown> };
  submitterKind?: SubmitterKind;
};

/** The statuses a list filter stands for: "open" is pending or waiting for changes. */
function statusesFor(filter: string | undefined): RequestStatus[] | undefined {
  if (!filter || filter === 'any') return undefined;
  if (filter === 'open') return ['pending', 'changes-requested'];
  return [filter as RequestStatus];
}

/** Why the submitter of a change may never decide on it. */
export const SELF_DECISION_REFUSAL =
  'You submitted this change; your own approval never counts';

/** The environments of a submitted infrastructure plan and of its prior plan, with their tiers. */
function submittedTiers(infraPlan: SubmittedInfraPlan): SubmittedPlanTiers {
  const tiersOf = (plan: SubmittedInfraPlan['plan']) =>
    Object.fromEntries(
      Object.entries(plan.spec.environments).map(([name, env]) => [
        name,
        env.tier,
      ]),
    );
  return {
    tiers: tiersOf(infraPlan.plan),
    priorTiers: infraPlan.prior ? tiersOf(infraPlan.prior) : undefined,
  };
}

/** The entity's owning group, when it has one. */
function ownerOf(entity: Entity): string | undefined {
  return entity.spec?.owner
    ? stringifyEntityRef(
        parseEntityRef(String(entity.spec.owner), {
          defaultKind: 'group',
          defaultNamespace: entity.metadata.namespace ?? 'default',
        }),
      )
    : undefined;
}

/**
 * Risk reasons found outside the change's resources: how its environment
 * was resolved, the scaling ceilings it raises, and (when configured to hold
 * rather than refuse) resources that belong to another environment.
 */
function furtherRiskReasons(input: {
  environment: ResolvedEnvironment;
  conflicts: EnvironmentConflict[];
  plan?: ParsedPlan;
  infraPlan?: SubmittedInfraPlan;
}): Array<[RiskLevel, string]> {
  const { environment, conflicts } = input;
  const reasons: Array<[RiskLevel, string]> = [...environment.reasons];
  for (const reason of scalingCeilingReasons(input)) {
    reasons.push(['medium', reason]);
  }
  if (conflicts.length > 0) {
    reasons.push([
      'high',
      `the plan belongs to another environment than ${
        environment.name
      }: ${describeConflicts(conflicts)}`,
    ]);
  }
  return reasons;
}

const approvalsOf = (
  decisions: { decision: DecisionKind; approver: string; groups: string[] }[],
): GivenApproval[] =>
  decisions
    .filter(d => d.decision === 'approve')
    .map(d => ({ approver: d.approver, groups: d.groups }));

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

  async submit(input: SubmitInput, caller: Caller): Promise<ChangeRequest> {
    const { store } = this.deps;
    // Parse first: a malformed plan is refused before anything is stored.
    const plan = input.plan !== undefined ? readPlan(input.plan) : undefined;
    const infraPlan = input.infraPlan
      ? readSubmittedInfraPlan(
          input.infraPlan,
          input.environment,
          this.deps.clock.now(),
        )
      : undefined;
    const entityRef = stringifyEntityRef(parseEntityRef(input.entityRef));
    const entity = await this.entityOf(entityRef);
    const previous = await this.previousOf(input, entityRef);
    const rules = this.rulesFor(entity, entityRef);

    // The environment is a catalog fact, resolved (or refused) before
    // anything is priced or stored; a plan made for another one is too.
    const environment = await this.deps.environments.resolve({
      entity,
      name: input.environment,
      submitted: infraPlan && submittedTiers(infraPlan),
    });
    const conflicts = plan
      ? findEnvironmentConflicts(plan.parsed, environment)
      : [];
    if (conflicts.length > 0 && this.deps.environmentMismatch === 'refuse') {
      throw new EnvironmentMismatchError(environment, conflicts);
    }

    const estimate = await this.estimate(entityRef, input.environment, {
      plan: plan?.json,
      infraPlan: infraPlan?.documents,
    });
    // Generated files alone change no priced resource (and price nothing).
    const cost = costFactsOf(estimate, Boolean(plan || infraPlan));
    const summary = summarizePlan(plan?.parsed);
    const risk = assessRisk({
      environment,
      summary,
      cost,
      infraPlan,
      reasons: furtherRiskReasons({
        environment,
        conflicts,
        plan: plan?.parsed,
        infraPlan,
      }),
    });
    const verdict = evaluatePolicy(
      rules,
      {
        environment: environment.name,
        tier: environment.tier,
        costDeltaHigh: cost.deltaHigh,
        risk: risk.level,
        pricedInFull: cost.pricedInFull,
      },
      ownerOf(entity),
    );
    const status = policyStatus(verdict, []);
    const files = input.files ?? [];
    const notes = input.notes;
    const inputs = input.inputs ?? {};
    const hash = contentHash({
      entityRef,
      environment: input.environment,
      plan: plan?.json ?? null,
      infraPlan: infraPlan
        ? { plan: infraPlan.plan, priorPlan: infraPlan.prior ?? null }
        : undefined,
      files: files.map(f => ({ path: f.path, content: f.content })),
      estimate: estimate
        ? {
            totals: estimate.result.totals,
            resources: estimate.result.resources,
          }
        : null,
      notes,
      inputs,
    });
    const requestStatus: RequestStatus = verdict.autoApproved
      ? 'auto-approved'
      : 'pending';
    const submitter = previous?.submitter ?? caller.ref;
    const submitterKind: SubmitterKind =
      input.submitterKind ?? (caller.kind === 'service' ? 'pipeline' : 'user');
    const id = previous?.id ?? randomUUID();

    const saved = await store.saveRevision(
      {
        requestId: id,
        title: input.title,
        entityRef,
        environment: input.environment,
        tier: environment.tier,
        submitter,
        submitterKind,
        revision: {
          contentHash: hash,
          createdAt: new Date().toISOString(),
          submittedBy: caller.ref,
          summary,
          files: fileDiffs(files),
          estimate: estimate?.result ?? null,
          estimateId: estimate?.id ?? null,
          risk,
          notes,
          inputs,
          verdict,
          hasPlan: Boolean(plan),
          plan: plan?.json,
          infraPlan: infraPlan ? reviewInfraPlan(infraPlan) : null,
          infraPlanDocuments: infraPlan?.documents,
        },
        status: requestStatus,
        policySummary: status.summary,
        eligibleGroups: verdict.autoApproved ? [] : eligibleGroups(verdict),
        costDelta: cost.delta,
        expiresAt: new Date(
          Date.now() + this.deps.expiresAfterMs,
        ).toISOString(),
        followUp: input.followUp ?? previous?.followUp ?? null,
      },
      [
        {
          action: previous ? 'resubmitted' : 'submitted',
          actor: caller.ref,
          revision: 0,
          contentHash: hash,
          comment: input.title,
          statusAfter: requestStatus,
        },
        ...(verdict.autoApproved
          ? [
              {
                action: 'auto-approved' as const,
                actor: 'policy',
                revision: 0,
                contentHash: hash,
                comment: status.summary,
                statusAfter: requestStatus,
              },
            ]
          : []),
      ],
    );

    await this.deps.notifier.changed(saved);
    if (verdict.autoApproved) {
      await this.afterApproval(saved);
    } else {
      await this.deps.notifier.needsApproval(saved, eligibleGroups(verdict));
    }
    return this.get(saved.id, caller);
  }

  private async entityOf(entityRef: string) {
    const entity = await this.deps.catalog.getEntityByRef(entityRef, {
      credentials: await this.deps.auth.getOwnServiceCredentials(),
    });
    if (!entity)
      throw new InputError(`There is no ${entityRef} in the catalog`);
    return entity;
  }

  /** The request a resubmission revises, when it may be revised. */
  private async previousOf(input: SubmitInput, entityRef: string) {
    if (!input.requestId) return undefined;
    const previous = await this.deps.store.getRequest(input.requestId);
    if (!previous)
      throw new NotFoundError(`No change request ${input.requestId}`);
    if (['approved', 'auto-approved', 'expired'].includes(previous.status)) {
      throw new ConflictError(
        `Request ${previous.id} is ${previous.status}; submit a new request instead`,
      );
    }
    if (
      previous.entityRef !== entityRef ||
      previous.environment !== input.environment
    ) {
      throw new InputError(
        'A new revision must target the same entity and environment as the request',
      );
    }
    return previous;
  }

  /**
   * The configured rules, plus the entity's own (annotation), which can only
   * add requirements; bad rules are a 400.
   */
  private rulesFor(entity: Entity, entityRef: string): PolicyRule[] {
    const annotation = entity.metadata.annotations?.[POLICY_ANNOTATION];
    return annotation
      ? [...this.deps.rules, ...rulesFromAnnotation(annotation, entityRef)]
      : this.deps.rules;
  }

  /**
   * The cost plugin's estimate: of the infrastructure plan's environment
   * when there is one (against its prior plan), else of the Terraform plan.
   */
  private async estimate(
    entityRef: string,
    environment: string,
    change: {
      plan?: unknown;
      infraPlan?: { plan: InfraPlanDocument; priorPlan?: InfraPlanDocument };
    },
  ) {
    if (change.infraPlan) {
      return this.deps.estimator.estimate({
        kind: 'infra-plan',
        entityRef,
        environment,
        ...change.infraPlan,
      });
    }
    if (change.plan !== undefined) {
      return this.deps.estimator.estimate({
        kind: 'terraform',
        entityRef,
        environment,
        plan: change.plan,
      });
    }
    return null;
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
    const current = await this.deps.store.getCurrent(id);
    if (!current) throw new NotFoundError(`No change request ${id}`);
    const { request, revision } = current;
    if (request.status !== 'pending') {
      // Decided, expired, or waiting for a new revision: a conflict with the request's state.
      throw new ConflictError(
        `The request is ${request.status}; nothing more can be decided on revision ${request.revision}`,
      );
    }
    const eligibility = this.eligibility(request, revision.verdict, caller);
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
        (_current, storedRevision, decisions) => {
          const progress = policyStatus(
            storedRevision.verdict,
            approvalsOf(decisions),
          );
          let next: RequestStatus = 'pending';
          if (input.decision === 'reject') next = 'rejected';
          else if (input.decision === 'request-changes')
            next = 'changes-requested';
          else if (progress.satisfied) next = 'approved';
          return {
            status: next,
            policySummary: progress.summary,
            eligibleGroups:
              next === 'pending' ? eligibleGroups(storedRevision.verdict) : [],
          };
        },
      );

    await this.deps.notifier.changed(settled);
    if (changedStatus) {
      await this.deps.notifier.decided(
        settled,
        eligibleGroups(revision.verdict),
      );
      if (settled.status === 'approved') await this.afterApproval(settled);
    }
    return this.get(id, caller);
  }

  /** Whether the caller's decision on this revision would count, and with which groups. */
  private eligibility(
    request: StoredRequest,
    verdict: PolicyVerdict,
    caller: Caller,
  ) {
    if (caller.kind !== 'user') {
      return {
        allowed: false,
        reason: 'Only people decide on changes',
        groups: [] as string[],
      };
    }
    if (request.submitter === caller.ref) {
      return {
        allowed: false,
        reason: SELF_DECISION_REFUSAL,
        groups: [],
      };
    }
    if (
      FINAL_STATUSES.includes(request.status) ||
      request.status === 'changes-requested'
    ) {
      return {
        allowed: false,
        reason: `The request is ${request.status}`,
        groups: [],
      };
    }
    const wanted = eligibleGroups(verdict);
    const groups = caller.groups.filter(g => wanted.includes(g));
    if (groups.length === 0) {
      const names = wanted.map(g => parseEntityRef(g).name).join(', ');
      return {
        allowed: false,
        reason: `Only members of ${names} decide on this request`,
        groups,
      };
    }
    return { allowed: true, reason: undefined, groups };
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
    // Four reads at once: the request with its current revision, and its lists.
    const [found, revisions, decisions, audit] = await Promise.all([
      store.getCurrent(id),
      store.listRevisions(id),
      store.listDecisions(id),
      store.listAudit(id),
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
    const eligibility = this.eligibility(request, verdict, caller);
    const decidedAlready = currentDecisions.some(
      d => d.approver === caller.ref,
    );
    return {
      ...this.summaryOf(request),
      current: revision,
      revisions,
      decisions,
      audit,
      policy: policyStatus(verdict, approvalsOf(currentDecisions)),
      followUp: request.followUp,
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

  private async afterApproval(request: StoredRequest) {
    if (!request.followUp || request.followUp.taskId) return;
    await this.deps.followUps.start(request);
  }
}

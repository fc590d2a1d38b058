import type {
  AuditRecord,
  ChangeRequestSummary,
  Decision,
  DecisionKind,
  DeliveryEvent,
  DeliveryStep,
  EnvironmentTier,
  FollowUp,
  RequestRevision,
  RequestStatus,
  SubmitterKind,
} from '@gatehouse/plugin-approvals-common';
import type { PolicyVerdict } from '../policy/evaluatePolicy';

/** A revision as stored, with what the policy required of it. */
export type StoredRevision = RequestRevision & {
  verdict: PolicyVerdict;
  /** The Terraform plan (read only when asked for). */
  plan?: unknown;
  /** The infrastructure plan documents as submitted (read only when asked for). */
  infraPlanDocuments?: InfraPlanDocuments;
};

/** An infrastructure plan and the prior plan it was diffed against, as submitted. */
export type InfraPlanDocuments = { plan: unknown; priorPlan?: unknown };

/** The request row. */
export type StoredRequest = Omit<ChangeRequestSummary, 'policySummary'> & {
  policySummary: string;
  followUp: FollowUp | null;
};

/** A new request or revision, and what the service decided about it. */
export type NewRevision = {
  requestId: string;
  title: string;
  entityRef: string;
  environment: string;
  /** The environment's tier, resolved at submission (kept up to date by each revision). */
  tier: EnvironmentTier;
  submitter: string;
  submitterKind: SubmitterKind;
  revision: Omit<StoredRevision, 'revision'>;
  status: RequestStatus;
  policySummary: string;
  /** Groups whose members may still decide this revision. */
  eligibleGroups: string[];
  costDelta: number | null;
  expiresAt: string;
  followUp: FollowUp | null;
};

/** What settling a decision yields: the request's new status and policy text. */
export type Settlement = {
  status: RequestStatus;
  policySummary: string;
  eligibleGroups: string[];
};

export type DecisionInput = {
  requestId: string;
  revisionHash: string;
  approver: string;
  decision: DecisionKind;
  comment: string;
  groups: string[];
};

/** Where a page ends, in the inbox's order (risk rank, creation, id). */
export type InboxCursor = { riskRank: number; createdAt: string; id: string };

/** The inbox's question. */
export type ListQuery = {
  view: 'waiting' | 'mine' | 'all';
  /** The viewer and the groups they are in (with ancestors). */
  viewer: { ref: string; groups: string[] };
  statuses?: RequestStatus[];
  environment?: string;
  entityRef?: string;
  risk?: 'low' | 'medium' | 'high';
  minCostDelta?: number;
  maxCostDelta?: number;
  createdBefore?: string;
  limit: number;
  /** Rows to skip (after the cursor, when there is one). */
  offset: number;
  /** Continue after this row (keyset pagination). */
  after?: InboxCursor;
};

/** A listed request, with the key to continue after it. */
export type ListedRequest = ChangeRequestSummary & { cursor: InboxCursor };

/** The badge counts of the inbox. */
export type InboxCounts = { waitingForMe: number; mine: number; open: number };

/** Change requests, revisions, decisions and the audit trail. */
export interface ApprovalsStore {
  /** Creates a request (revision 1) or adds a revision; appends the audit records. */
  saveRevision(
    revision: NewRevision,
    audit: Omit<AuditRecord, 'sequence' | 'createdAt'>[],
  ): Promise<StoredRequest>;

  getRequest(id: string): Promise<StoredRequest | undefined>;
  /** The request with its current revision (no plan), in one read. */
  getCurrent(
    id: string,
  ): Promise<{ request: StoredRequest; revision: StoredRevision } | undefined>;
  getRevision(
    id: string,
    revision: number,
    withPlan?: boolean,
  ): Promise<StoredRevision | undefined>;
  listRevisions(
    id: string,
  ): Promise<
    Array<
      Pick<
        RequestRevision,
        'revision' | 'contentHash' | 'createdAt' | 'submittedBy'
      >
    >
  >;
  listDecisions(id: string): Promise<Decision[]>;
  listAudit(id: string): Promise<AuditRecord[]>;

  /**
   * Records a decision and settles the request in one transaction, the
   * request row locked: concurrent decisions are serialised, and the status,
   * the decisions and the audit trail always agree. Throws ConflictError for a
   * stale hash, a request no longer pending, or a second decision by the same person.
   */
  recordDecision(
    input: DecisionInput,
    settle: (
      request: StoredRequest,
      revision: StoredRevision,
      decisions: Decision[],
    ) => Settlement,
  ): Promise<{
    request: StoredRequest;
    decision: Decision;
    changedStatus: boolean;
  }>;

  /**
   * One page of a view, in the inbox's order, and the view's total. Reads
   * are bounded by the page: totals come from counters kept with every
   * status change where the filters allow (see the README).
   */
  list(query: ListQuery): Promise<{ items: ListedRequest[]; total: number }>;

  /** The badge counts for a viewer, from the counters. */
  counts(viewer: { ref: string; groups: string[] }): Promise<InboxCounts>;

  /** Marks pending requests past their expiry as expired; returns them. */
  expireDue(now: Date): Promise<StoredRequest[]>;

  /**
   * A number that goes up with every change to any request, in the changing
   * transaction: answers computed at one mark still hold while it stays.
   */
  changeMark(): Promise<number>;

  /** Records the follow-up's task (or failure) with its audit record. */
  recordFollowUp(
    id: string,
    followUp: FollowUp,
    audit: Omit<AuditRecord, 'sequence' | 'createdAt'>,
  ): Promise<void>;

  /**
   * Appends a delivery step with its audit record and moves the request's
   * delivery state, in one transaction with the request row locked; `accept`
   * sees the request and the steps so far and says whether to record it
   * (false: nothing is written). Answers whether it was recorded.
   */
  recordDeliveryStep(
    id: string,
    event: DeliveryEvent,
    accept: (request: StoredRequest, events: DeliveryEvent[]) => boolean,
  ): Promise<boolean>;

  /** A request's delivery steps, oldest first. */
  listDeliveryEvents(id: string): Promise<DeliveryEvent[]>;

  /** Requests whose delivery is at this step, the longest waiting first. */
  listByDeliveryState(
    state: DeliveryStep,
    limit: number,
  ): Promise<StoredRequest[]>;
}

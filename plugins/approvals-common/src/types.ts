import type {
  CostEstimate,
  ResourceAction,
} from '@gatehouse/plugin-cost-common';

/**
 * Types of the approvals plugin: change requests, their revisions, decisions,
 * the policy's verdict and the append-only audit trail.
 */

/** @public */
export type RequestStatus =
  | 'pending'
  | 'approved'
  | 'auto-approved'
  | 'rejected'
  | 'changes-requested'
  | 'expired';

/** Statuses after which nothing more can be decided for the revision. @public */
export const FINAL_STATUSES: readonly RequestStatus[] = [
  'approved',
  'auto-approved',
  'rejected',
  'expired',
];

/** @public */
export type DecisionKind = 'approve' | 'reject' | 'request-changes';

/** Who submitted: a person, a CI pipeline (service token) or an automation agent (actions). @public */
export type SubmitterKind = 'user' | 'pipeline' | 'agent';

/** @public */
export type RiskLevel = 'low' | 'medium' | 'high';

/**
 * The tier of an environment: what the policy and the risk assessment go by,
 * whatever the environment is called. It is a catalog fact (the environment
 * Resource's `gatehouse.io/tier`, agreeing with the service's infrastructure
 * plan), never read from the request. @public
 */
export type EnvironmentTier = 'development' | 'staging' | 'production';

/** Every tier, least guarded first. @public */
export const ENVIRONMENT_TIERS: readonly EnvironmentTier[] = [
  'development',
  'staging',
  'production',
];

/** @public */
export type Risk = { level: RiskLevel; reasons: string[] };

/** What Terraform will do, resource by resource. @public */
export type ResourceChange = {
  address: string;
  type: string;
  action: ResourceAction;
};

/** @public */
export type ChangeSummary = {
  create: number;
  update: number;
  delete: number;
  replace: number;
  resources: ResourceChange[];
};

/** A generated file and its change against the current revision of the repository. @public */
export type ChangedFile = {
  path: string;
  /** Unified diff against the previous content ('' for an unchanged file). */
  diff: string;
  status: 'added' | 'modified' | 'deleted' | 'unchanged';
};

/** The submitter's notes for the approver, in markdown. @public */
export type ChangeNotes = {
  rollbackPlan: string;
  testPlan: string;
  monitoring?: string;
  timeline?: string;
  questions?: string;
};

/** One requirement of the policy: `count` approvals from members of any of `groups`. @public */
export type PolicyRequirement = {
  label: string;
  count: number;
  groups: string[];
};

/** How far a revision is from being approved. @public */
export type PolicyStatus = {
  /** The rule of the policy that applied. */
  rule: string;
  autoApproved: boolean;
  requirements: Array<
    PolicyRequirement & { approvedBy: string[]; satisfied: boolean }
  >;
  satisfied: boolean;
  /** E.g. "1 of 2; needs platform-approvers". */
  summary: string;
};

/** One semantic difference between two revisions of an infrastructure plan. @public */
export type InfraPlanChange = {
  /** Where, e.g. `spec.environments.production.data.databases[name=orders].instanceClass`. */
  path: string;
  kind: 'added' | 'removed' | 'changed';
  /** The environment the change belongs to, when it belongs to one. */
  environment?: string;
  /** For reviewers, e.g. `database orders: instance class db.r6g.large → db.r6g.xlarge`. */
  summary: string;
};

/**
 * What a revision's infrastructure plan (`infra-plan.yaml`) changes in the
 * request's environment, against the plan in force when one was given.
 * @public
 */
export type InfraPlanReview = {
  /** The plan's service (`metadata.service`) and revision. */
  service: string;
  revision: number | null;
  /** The prior plan's revision; null when there was none (a new environment). */
  priorRevision: number | null;
  environment: string;
  tier: 'development' | 'staging' | 'production';
  /**
   * The changes in this environment and to the plan as a whole; for a new
   * plan, one line per part of the environment it creates.
   */
  changes: InfraPlanChange[];
  /** Changes the prior plan and this one differ in for other environments (not part of this request). */
  otherEnvironmentChanges: number;
};

/** A revision: the exact change that approvals are given to. @public */
export type RequestRevision = {
  revision: number;
  /** SHA-256 over plan, infrastructure plan, files, estimate, notes and inputs, fixed at submission. */
  contentHash: string;
  createdAt: string;
  submittedBy: string;
  summary: ChangeSummary;
  files: ChangedFile[];
  estimate: CostEstimate | null;
  /** Id of the estimate kept by the cost plugin, when it kept one. */
  estimateId: string | null;
  risk: Risk;
  notes: ChangeNotes;
  inputs: Record<string, unknown>;
  hasPlan: boolean;
  /** The infrastructure plan's review, when the change carries one. */
  infraPlan?: InfraPlanReview | null;
};

/** @public */
export type Decision = {
  id: string;
  revision: number;
  contentHash: string;
  approver: string;
  decision: DecisionKind;
  comment: string;
  /** The approver's groups that the policy asked for, when they decided. */
  groups: string[];
  createdAt: string;
};

/** One line of the audit trail; never updated or deleted. @public */
export type AuditRecord = {
  sequence: number;
  action:
    | 'submitted'
    | 'resubmitted'
    | 'auto-approved'
    | 'approve'
    | 'reject'
    | 'request-changes'
    | 'approved'
    | 'rejected'
    | 'expired'
    | 'follow-up-started'
    | 'follow-up-failed'
    | 'delivery-proposed'
    | 'delivery-merged'
    | 'delivery-applied'
    | 'delivery-failed'
    | 'delivery-live';
  actor: string;
  revision: number;
  contentHash: string;
  comment: string | null;
  statusAfter: RequestStatus;
  createdAt: string;
};

/** What to start when the request is approved (the scaffolder's follow-up template). @public */
export type FollowUp = {
  templateRef: string;
  values: Record<string, unknown>;
  taskId?: string;
};

/** A change request as listed in the inbox. @public */
export type ChangeRequestSummary = {
  id: string;
  title: string;
  entityRef: string;
  environment: string;
  /**
   * The environment's tier, resolved from the catalog and the infrastructure
   * plan when the request was submitted; null for requests stored before
   * tiers were resolved (their tier is not known).
   */
  tier?: EnvironmentTier | null;
  status: RequestStatus;
  submitter: string;
  submitterKind: SubmitterKind;
  revision: number;
  contentHash: string;
  riskLevel: RiskLevel;
  costDelta: number | null;
  createdAt: string;
  updatedAt: string;
  expiresAt: string;
  policySummary: string;
  /** How far the approved change has got on its way to the clusters; null before it is proposed. */
  deliveryState?: DeliveryStep | null;
};

/** A change request with everything the request page shows. @public */
export type ChangeRequest = ChangeRequestSummary & {
  current: RequestRevision;
  revisions: Array<
    Pick<
      RequestRevision,
      'revision' | 'contentHash' | 'createdAt' | 'submittedBy'
    >
  >;
  decisions: Decision[];
  audit: AuditRecord[];
  policy: PolicyStatus;
  followUp: FollowUp | null;
  /** The approved change's way to the clusters; null until it is proposed. */
  delivery: Delivery | null;
  /** Whether the caller may decide now, and if not, why. */
  viewer: { canDecide: boolean; reason?: string };
};

/**
 * The steps of an approved change's delivery, in order: proposed where the
 * environment's repository lives (a pull request, a branch or a commit),
 * merged into its target branch, applied by the pipeline (or failed), live
 * in the clusters.
 *
 * @public
 */
export type DeliveryStep =
  | 'proposed'
  | 'merged'
  | 'applied'
  | 'failed'
  | 'live';

/** @public */
export const DELIVERY_STEPS: readonly DeliveryStep[] = [
  'proposed',
  'merged',
  'applied',
  'failed',
  'live',
];

/**
 * How far along each step is: applied and failed are the same stage (the
 * outcome of applying); a delivery only moves to a stage at or after its own.
 *
 * @public
 */
export const DELIVERY_STAGE: Readonly<Record<DeliveryStep, number>> = {
  proposed: 0,
  merged: 1,
  applied: 2,
  failed: 2,
  live: 3,
};

/** One step of a delivery, as recorded. @public */
export type DeliveryEvent = {
  step: DeliveryStep;
  /** The approved revision and content hash the step delivers. */
  revision: number;
  contentHash: string;
  /** Who reported it: a user, a service (pipeline, scaffolder) or the repository watcher. */
  actor: string;
  occurredAt: string;
  /** The pull request, branch, merge commit page or pipeline log. */
  link: string | null;
  commit: string | null;
  detail: string | null;
};

/** @public */
export type Delivery = { state: DeliveryStep; events: DeliveryEvent[] };

/**
 * A commit on an environment repository's target branch that carries no
 * approved change: no trailers, a request that is not approved, or a hash
 * that is not the approved one.
 *
 * @public
 */
export type UnapprovedChange = {
  id: number;
  /** The environment Resource whose repository it is. */
  entityRef: string;
  /** The `gatehouse.io/repository` value and the branch watched. */
  repository: string;
  branch: string;
  commit: string;
  author: string;
  /** The commit message's first line. */
  summary: string;
  committedAt: string;
  detectedAt: string;
  /** Why the commit is not an approved change. */
  reason: string;
  /** The change request the commit names, if any. */
  requestId: string | null;
};

import type {
  AuditRecord,
  ChangeSummary,
  Risk,
  SubmitterKind,
} from '@gatehouse/plugin-approvals-common';
import type { StoredEstimate } from '@gatehouse/plugin-cost-common';
import { randomUUID } from 'node:crypto';
import type { CostFacts } from '../../change/costFacts';
import { fileDiffs } from '../../change/fileDiffs';
import { reviewInfraPlan } from '../../change/infraPlan';
import type { ResolvedEnvironment } from '../../environment/resolveEnvironment';
import type {
  ApprovalsStore,
  NewRevision,
  StoredRequest,
} from '../../store/ApprovalsStore';
import type { Caller } from '../Caller';
import type { PolicyOutcome } from './applyPolicy';
import type { ParsedSubmission } from './parseSubmission';
import type { SubmitInput } from './SubmitInput';

/** Everything a new revision is stored with. */
export type AssessedRevision = {
  input: Pick<
    SubmitInput,
    'title' | 'environment' | 'followUp' | 'submitterKind'
  >;
  caller: Caller;
  /** The request this revision revises; none for a new request. */
  previous?: StoredRequest;
  submission: ParsedSubmission;
  environment: ResolvedEnvironment;
  summary: ChangeSummary;
  estimate: StoredEstimate | null;
  cost: CostFacts;
  risk: Risk;
  policy: PolicyOutcome;
  contentHash: string;
};

/**
 * The request with its new revision. A revision keeps the request's id,
 * submitter and follow-up unless it brings its own follow-up; the deadline
 * starts again.
 */
function newRevision(
  revision: AssessedRevision,
  expiresAfterMs: number,
): NewRevision {
  const { input, caller, previous, submission, policy } = revision;
  const { plan, infraPlan, notes, inputs } = submission;
  const submitterKind: SubmitterKind =
    input.submitterKind ?? (caller.kind === 'service' ? 'pipeline' : 'user');
  return {
    requestId: previous?.id ?? randomUUID(),
    title: input.title,
    entityRef: submission.entityRef,
    environment: input.environment,
    tier: revision.environment.tier,
    submitter: previous?.submitter ?? caller.ref,
    submitterKind,
    revision: {
      contentHash: revision.contentHash,
      createdAt: new Date().toISOString(),
      submittedBy: caller.ref,
      summary: revision.summary,
      files: fileDiffs(submission.files),
      estimate: revision.estimate?.result ?? null,
      estimateId: revision.estimate?.id ?? null,
      risk: revision.risk,
      notes,
      inputs,
      verdict: policy.verdict,
      hasPlan: Boolean(plan),
      plan: plan?.json,
      infraPlan: infraPlan ? reviewInfraPlan(infraPlan) : null,
      infraPlanDocuments: infraPlan?.documents,
    },
    status: policy.status,
    policySummary: policy.summary,
    eligibleGroups: policy.approverGroups,
    costDelta: revision.cost.delta,
    expiresAt: new Date(Date.now() + expiresAfterMs).toISOString(),
    followUp: input.followUp ?? previous?.followUp ?? null,
  };
}

/** The audit trail of a submission: who submitted it, and the policy when it approved it outright. */
function submissionAudit({
  input,
  caller,
  previous,
  policy,
  contentHash,
}: AssessedRevision): Omit<AuditRecord, 'sequence' | 'createdAt'>[] {
  // `revision: 0` stands for the revision's number, which the store assigns
  // in the transaction that saves it.
  return [
    {
      action: previous ? 'resubmitted' : 'submitted',
      actor: caller.ref,
      revision: 0,
      contentHash,
      comment: input.title,
      statusAfter: policy.status,
    },
    ...(policy.verdict.autoApproved
      ? [
          {
            action: 'auto-approved' as const,
            actor: 'policy',
            revision: 0,
            contentHash,
            comment: policy.summary,
            statusAfter: policy.status,
          },
        ]
      : []),
  ];
}

/** Stores the revision (a new request, or the next revision of one) with its audit records. */
export function storeRevision(
  deps: {
    store: Pick<ApprovalsStore, 'saveRevision'>;
    expiresAfterMs: number;
  },
  revision: AssessedRevision,
): Promise<StoredRequest> {
  return deps.store.saveRevision(
    newRevision(revision, deps.expiresAfterMs),
    submissionAudit(revision),
  );
}

import type {
  Decision,
  DecisionKind,
  RequestStatus,
} from '@gatehouse/plugin-approvals-common';
import { eligibleGroups, policyStatus } from '../../policy/evaluatePolicy';
import type { Settlement, StoredRevision } from '../../store/ApprovalsStore';
import { givenApprovals } from './givenApprovals';

/**
 * The request's status once a decision is recorded, from the revision's
 * decisions as the store holds them (inside its transaction): a rejection or
 * a request for changes ends the revision's review at once; approvals
 * approve it once they meet the policy. Only a still-pending request keeps approver groups.
 */
export function settleDecision(
  decision: DecisionKind,
  revision: StoredRevision,
  decisions: Decision[],
): Settlement {
  const progress = policyStatus(revision.verdict, givenApprovals(decisions));
  let next: RequestStatus = 'pending';
  if (decision === 'reject') next = 'rejected';
  else if (decision === 'request-changes') next = 'changes-requested';
  else if (progress.satisfied) next = 'approved';
  return {
    status: next,
    policySummary: progress.summary,
    eligibleGroups: next === 'pending' ? eligibleGroups(revision.verdict) : [],
  };
}

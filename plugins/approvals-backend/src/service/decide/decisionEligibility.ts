import { parseEntityRef } from '@backstage/catalog-model';
import { FINAL_STATUSES } from '@gatehouse/plugin-approvals-common';
import {
  eligibleGroups,
  type PolicyVerdict,
} from '../../policy/evaluatePolicy';
import type { StoredRequest } from '../../store/ApprovalsStore';
import type { Caller } from '../Caller';

/** Why the submitter of a change may never decide on it. */
export const SELF_DECISION_REFUSAL =
  'You submitted this change; your own approval never counts';

export type DecisionEligibility = {
  allowed: boolean;
  /** Why the caller may not decide; undefined when they may. */
  reason: string | undefined;
  /** The caller's groups the decision counts for. */
  groups: string[];
};

/** Whether the caller's decision on this revision would count, and with which groups. */
export function decisionEligibility(
  request: StoredRequest,
  verdict: PolicyVerdict,
  caller: Caller,
): DecisionEligibility {
  if (caller.kind !== 'user') {
    return {
      allowed: false,
      reason: 'Only people decide on changes',
      groups: [],
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

import type { DecisionKind } from '@gatehouse/plugin-approvals-common';
import type { GivenApproval } from '../../policy/evaluatePolicy';

/** The approvals among a revision's decisions: what the policy counts. */
export function givenApprovals(
  decisions: { decision: DecisionKind; approver: string; groups: string[] }[],
): GivenApproval[] {
  return decisions
    .filter(d => d.decision === 'approve')
    .map(d => ({ approver: d.approver, groups: d.groups }));
}

import type { StoredRequest } from '../../store/ApprovalsStore';
import type { ApprovalNotifier } from '../ApprovalNotifier';
import type { FollowUpStarter } from '../FollowUpStarter';
import { startFollowUp } from '../startFollowUp';
import type { PolicyOutcome } from './applyPolicy';

/**
 * Tells open pages the request changed; then starts the follow-up of a
 * change the policy approved outright, or asks the approver groups.
 */
export async function announceSubmission(
  deps: {
    notifier: Pick<ApprovalNotifier, 'changed' | 'needsApproval'>;
    followUps: Pick<FollowUpStarter, 'start'>;
  },
  saved: StoredRequest,
  policy: PolicyOutcome,
): Promise<void> {
  await deps.notifier.changed(saved);
  if (policy.verdict.autoApproved) {
    await startFollowUp(deps.followUps, saved);
  } else {
    await deps.notifier.needsApproval(saved, policy.approverGroups);
  }
}

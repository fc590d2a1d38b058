import type { StoredRequest } from '../../store/ApprovalsStore';
import type { ApprovalNotifier } from '../ApprovalNotifier';
import type { FollowUpStarter } from '../FollowUpStarter';
import { startFollowUp } from '../startFollowUp';

/**
 * Tells open pages the request changed. When the decision settled it, tells
 * the approver groups and the submitter, and starts the follow-up of an
 * approved change.
 */
export async function announceDecision(
  deps: {
    notifier: Pick<ApprovalNotifier, 'changed' | 'decided'>;
    followUps: Pick<FollowUpStarter, 'start'>;
  },
  settled: StoredRequest,
  outcome: {
    /** Whether the decision changed the request's status. */
    changedStatus: boolean;
    /** The groups that were asked to decide the revision. */
    approverGroups: string[];
  },
): Promise<void> {
  await deps.notifier.changed(settled);
  if (!outcome.changedStatus) return;
  await deps.notifier.decided(settled, outcome.approverGroups);
  if (settled.status === 'approved') {
    await startFollowUp(deps.followUps, settled);
  }
}

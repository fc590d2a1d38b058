import type { StoredRequest } from '../store/ApprovalsStore';
import type { FollowUpStarter } from './FollowUpStarter';

/**
 * Starts what an approved request was waiting for, once: a request without
 * a follow-up, or whose follow-up already has a task, starts nothing.
 */
export async function startFollowUp(
  followUps: Pick<FollowUpStarter, 'start'>,
  approved: StoredRequest,
): Promise<void> {
  if (!approved.followUp || approved.followUp.taskId) return;
  await followUps.start(approved);
}

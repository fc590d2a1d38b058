import { changeTrailersOf } from '@gatehouse/plugin-infra-plans-common';
import type { StoredRequest } from '../store/ApprovalsStore';
import type { BranchCommit } from './git/BranchReader';

/** What a commit on an environment's target branch delivers (the approved requests, as read to judge it). */
export type CommitVerdict =
  | { approved: true; requests: StoredRequest[] }
  | { approved: false; reason: string; requestId: string | null };

const APPROVED = new Set(['approved', 'auto-approved']);

/**
 * Judges one commit: approved when every change its trailers name is an
 * approved request of this environment with exactly that content hash. A
 * merge commit adds nothing of its own (its parents are judged), so it
 * passes; a squash merge keeps its commits' trailers in its message.
 */
export async function judgeCommit(
  commit: BranchCommit,
  environment: string,
  findRequest: (id: string) => Promise<StoredRequest | undefined>,
): Promise<CommitVerdict> {
  if (commit.parents.length > 1) return { approved: true, requests: [] };
  const changes = changeTrailersOf(commit.message);
  if (changes.length === 0) {
    return {
      approved: false,
      reason: 'it carries no Gatehouse-Change trailer',
      requestId: null,
    };
  }
  const requests: StoredRequest[] = [];
  for (const change of changes) {
    const request = await findRequest(change.requestId);
    const refuse = (reason: string) => ({
      approved: false as const,
      reason,
      requestId: change.requestId,
    });
    if (!request) {
      return refuse(`change request ${change.requestId} does not exist`);
    }
    if (!APPROVED.has(request.status)) {
      return refuse(
        `change request ${change.requestId} is ${request.status}, not approved`,
      );
    }
    if (request.environment !== environment) {
      return refuse(
        `change request ${change.requestId} is for ${request.environment}, not ${environment}`,
      );
    }
    if (!change.contentHash) {
      return refuse('it carries no Gatehouse-Hash trailer');
    }
    if (change.contentHash !== request.contentHash) {
      return refuse(
        `its Gatehouse-Hash is not the approved content hash of ${change.requestId}`,
      );
    }
    requests.push(request);
  }
  return { approved: true, requests };
}

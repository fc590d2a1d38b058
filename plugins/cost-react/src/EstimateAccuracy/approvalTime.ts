import type { ChangeRequest } from '@gatehouse/plugin-approvals-common';

const APPROVED = new Set(['approved', 'auto-approved']);

/** Whether a change request was approved, by people or by policy. */
export const isApproved = (request: Pick<ChangeRequest, 'status'>) =>
  APPROVED.has(request.status);

/**
 * When the approved revision of a request became approved: the first line
 * of its audit trail that left it approved. The trail is append-only, so
 * this is the decision time even if more happened later (a follow-up run).
 */
export function approvalTime(request: ChangeRequest): string | undefined {
  if (!isApproved(request)) return undefined;
  const record = [...request.audit]
    .sort((a, b) => a.sequence - b.sequence)
    .find(
      r =>
        r.revision === request.current.revision && APPROVED.has(r.statusAfter),
    );
  return record?.createdAt ?? request.updatedAt;
}

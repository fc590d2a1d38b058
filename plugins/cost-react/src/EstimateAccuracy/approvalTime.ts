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

/** Where estimate-against-actual starts counting, and why there. */
export type AccuracyStart = {
  at: string;
  /** `applied`: the pipeline reported the change applied; `approved`: no apply reported yet. */
  basis: 'applied' | 'approved';
};

/**
 * When the approved change started costing money: the time the pipeline
 * reported it applied (the last "applied" step of its delivery), else the
 * approval time — spend between approval and apply belongs to the old
 * configuration, so the applied date is the fairer start when it is known.
 */
export function accuracyStart(
  request: ChangeRequest,
): AccuracyStart | undefined {
  const applied = request.delivery?.events
    .filter(event => event.step === 'applied')
    .at(-1);
  if (applied) return { at: applied.occurredAt, basis: 'applied' };
  const approvedAt = approvalTime(request);
  return approvedAt ? { at: approvedAt, basis: 'approved' } : undefined;
}

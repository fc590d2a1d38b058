/**
 * The annotations every Kubernetes object Gatehouse generates for an
 * approved change carries: the change request and the content hash of the
 * approved revision. They tie what runs in a cluster to what was approved:
 * the approvals backend marks a delivery "live" when workloads carrying them
 * are ready.
 */

/** @public */
export const CHANGE_REQUEST_ANNOTATION = 'gatehouse.io/change-request';
/** @public */
export const CHANGE_HASH_ANNOTATION = 'gatehouse.io/change-hash';

/** The approved change a rendering is for. @public */
export type ApprovedChange = { requestId: string; contentHash: string };

/** The annotations naming an approved change. @public */
export function changeAnnotations(
  change: ApprovedChange,
): Record<string, string> {
  return {
    [CHANGE_REQUEST_ANNOTATION]: change.requestId,
    [CHANGE_HASH_ANNOTATION]: change.contentHash,
  };
}

/** The approved change an object's annotations name, if they name one. @public */
export function changeOfAnnotations(
  annotations: Record<string, string> | undefined,
): ApprovedChange | null {
  const requestId = annotations?.[CHANGE_REQUEST_ANNOTATION];
  const contentHash = annotations?.[CHANGE_HASH_ANNOTATION];
  return requestId && contentHash ? { requestId, contentHash } : null;
}

import { ConflictError, NotFoundError } from '@backstage/errors';
import type {
  ApprovalsStore,
  StoredRequest,
  StoredRevision,
} from '../../store/ApprovalsStore';

/** The request with the revision to decide on: only a pending request takes decisions. */
export async function findPendingRevision(
  store: Pick<ApprovalsStore, 'getCurrent'>,
  id: string,
): Promise<{ request: StoredRequest; revision: StoredRevision }> {
  const current = await store.getCurrent(id);
  if (!current) throw new NotFoundError(`No change request ${id}`);
  const { request } = current;
  if (request.status !== 'pending') {
    // Decided, expired, or waiting for a new revision: a conflict with the request's state.
    throw new ConflictError(
      `The request is ${request.status}; nothing more can be decided on revision ${request.revision}`,
    );
  }
  return current;
}

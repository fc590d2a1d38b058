import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import type { ApprovalsStore, StoredRequest } from '../../store/ApprovalsStore';
import type { SubmitInput } from './SubmitInput';

/**
 * The request a resubmission revises (none for a new request). An approved
 * or expired request is never revised (its approval stays bound to what was
 * approved), and a revision keeps the request's entity and environment.
 */
export async function findRevisedRequest(
  store: Pick<ApprovalsStore, 'getRequest'>,
  input: Pick<SubmitInput, 'requestId' | 'environment'>,
  entityRef: string,
): Promise<StoredRequest | undefined> {
  if (!input.requestId) return undefined;
  const previous = await store.getRequest(input.requestId);
  if (!previous)
    throw new NotFoundError(`No change request ${input.requestId}`);
  if (['approved', 'auto-approved', 'expired'].includes(previous.status)) {
    throw new ConflictError(
      `Request ${previous.id} is ${previous.status}; submit a new request instead`,
    );
  }
  if (
    previous.entityRef !== entityRef ||
    previous.environment !== input.environment
  ) {
    throw new InputError(
      'A new revision must target the same entity and environment as the request',
    );
  }
  return previous;
}

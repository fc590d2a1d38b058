/**
 * The HTTP status of an error thrown by the approvals client (a
 * `ResponseError` from `@backstage/errors`), checked by shape rather than by
 * class so that copies of the errors package do not matter.
 */
export function errorStatus(error: unknown): number | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const e = error as {
    statusCode?: unknown;
    response?: { status?: unknown };
  };
  if (typeof e.statusCode === 'number') return e.statusCode;
  if (typeof e.response?.status === 'number') return e.response.status;
  return undefined;
}

/** What the backend said, without the client's "Request failed with …" prefix. */
export function errorMessage(error: unknown): string {
  if (!error || typeof error !== 'object') return String(error);
  const e = error as {
    message?: unknown;
    body?: { error?: { message?: unknown } };
  };
  const remote = e.body?.error?.message;
  if (typeof remote === 'string' && remote) return remote;
  return typeof e.message === 'string' ? e.message : String(error);
}

import { ResponseError } from '@backstage/errors';
import { ApprovalsClient } from '@gatehouse/plugin-approvals-common';

/**
 * The approvals backend's typed client as a pipeline reaches it: through the
 * Gatehouse URL, with a static service token (backend.auth.externalAccess).
 */
export function approvalsClientFor(options: {
  baseUrl: string;
  token: string;
  fetch: typeof fetch;
}): ApprovalsClient {
  return new ApprovalsClient({
    discoveryApi: {
      getBaseUrl: async pluginId => `${options.baseUrl}/api/${pluginId}`,
    },
    fetchApi: {
      fetch: (input, init) =>
        options.fetch(input, {
          ...init,
          headers: {
            ...Object.fromEntries(new Headers(init?.headers)),
            authorization: `Bearer ${options.token}`,
          },
        }),
    },
  });
}

/** "400 <the backend's reason>" for a refused call; the error's own message otherwise. */
export function describeFailure(error: unknown): string {
  if (error instanceof ResponseError) {
    return `${error.statusCode} ${error.body.error.message}`;
  }
  return (error as Error).message;
}

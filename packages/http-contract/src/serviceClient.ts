import type { ClientOptions } from './clientOptions';

/**
 * The part of Backstage's AuthService that mints plugin-to-plugin tokens.
 * Typed structurally so that this common library needs no backend package.
 */
export type PluginTokenIssuer<TCredentials> = {
  getPluginRequestToken(options: {
    onBehalfOf: TCredentials;
    targetPluginId: string;
  }): Promise<{ token: string }>;
};

/** What a backend needs to call another Gatehouse plugin through its typed client. */
export type ServiceClientDeps<TCredentials> = {
  discovery: ClientOptions['discoveryApi'];
  auth: PluginTokenIssuer<TCredentials>;
  /** Whose call it is: the viewer's (their permissions apply) or the backend's own. */
  credentials: TCredentials;
  targetPluginId: string;
  /** Give up after this long; without it the call may wait as long as fetch does. */
  timeoutMs?: number;
};

/**
 * The options for a typed client (ApprovalsClient, CostClient, ...) used by a
 * backend: every request carries a fresh plugin-to-plugin token minted on
 * behalf of the given credentials. This is the one way Gatehouse's backends
 * and scaffolder actions call each other.
 */
export function serviceClientOptions<TCredentials>(
  deps: ServiceClientDeps<TCredentials>,
): ClientOptions {
  return {
    discoveryApi: deps.discovery,
    fetchApi: {
      fetch: async (input, init) => {
        const { token } = await deps.auth.getPluginRequestToken({
          onBehalfOf: deps.credentials,
          targetPluginId: deps.targetPluginId,
        });
        const headers = new Headers(init?.headers);
        headers.set('authorization', `Bearer ${token}`);
        return fetch(input, {
          ...init,
          headers,
          signal:
            deps.timeoutMs === undefined
              ? init?.signal
              : AbortSignal.timeout(deps.timeoutMs),
        });
      },
    },
  };
}

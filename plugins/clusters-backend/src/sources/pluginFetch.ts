import type {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';

/**
 * A fetch for the typed clients of other Gatehouse plugins: it carries a
 * plugin-to-plugin token on behalf of the viewer (so their permissions
 * apply) and gives up after the timeout.
 */
export function pluginFetch(options: {
  auth: AuthService;
  credentials: BackstageCredentials;
  targetPluginId: string;
  timeoutMs: number;
}): { fetch: typeof fetch } {
  return {
    fetch: async (input, init) => {
      const { token } = await options.auth.getPluginRequestToken({
        onBehalfOf: options.credentials,
        targetPluginId: options.targetPluginId,
      });
      const headers = new Headers(init?.headers);
      headers.set('authorization', `Bearer ${token}`);
      return fetch(input, {
        ...init,
        headers,
        signal: AbortSignal.timeout(options.timeoutMs),
      });
    },
  };
}

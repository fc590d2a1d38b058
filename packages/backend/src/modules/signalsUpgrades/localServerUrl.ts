import type { Config } from '@backstage/config';
import { readHttpServerOptions } from '@backstage/backend-defaults/rootHttpRouter';

/** Addresses that mean "every interface": reach them through loopback. */
const ANY_INTERFACE = new Set(['', '0.0.0.0', '::']);

/**
 * The URL of `path` on this process's own HTTP server, from
 * `backend.listen` and `backend.https` as the root HTTP router reads them.
 * Not `backend.baseUrl`: behind a balancer that reaches any replica.
 */
export function localServerUrl(rootConfig: Config, path: string): URL {
  const { listen, https } = readHttpServerOptions(
    rootConfig.getOptionalConfig('backend'),
  );
  const host = ANY_INTERFACE.has(listen.host) ? '127.0.0.1' : listen.host;
  const authority = host.includes(':') ? `[${host}]` : host;
  return new URL(
    path,
    `${https ? 'https' : 'http'}://${authority}:${listen.port}`,
  );
}

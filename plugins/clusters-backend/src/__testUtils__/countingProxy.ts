import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the proxy passed on: its path (with query). */
export type SeenRequest = { cluster: string; path: string };

/**
 * Sits in front of simulated clusters and records every request, so tests
 * and benchmarks count the LISTs and WATCHes the Kubernetes API really
 * received. Watch streams pass through as they come.
 */
export async function startCountingProxies(
  clusters: Array<{ name: string; url: string }>,
) {
  const seen: SeenRequest[] = [];
  const servers = await Promise.all(
    clusters.map(
      cluster =>
        new Promise<{ name: string; url: string; server: http.Server }>(
          resolve => {
            const target = new URL(cluster.url);
            const server = http.createServer((req, res) => {
              seen.push({ cluster: cluster.name, path: req.url ?? '' });
              const upstream = http.request(
                {
                  host: target.hostname,
                  port: target.port,
                  path: req.url,
                  method: req.method,
                  headers: req.headers,
                },
                answer => {
                  res.writeHead(answer.statusCode ?? 502, answer.headers);
                  // A watch's 200 goes out before its first event, as it came.
                  res.flushHeaders();
                  answer.pipe(res);
                  // A cluster that drops a watch mid-stream drops it for the client too.
                  answer.on('aborted', () => res.destroy());
                  answer.on('error', () => res.destroy());
                },
              );
              upstream.on('error', () => res.destroy());
              // A client that gives up (timeout) gives up upstream too.
              res.on('close', () => upstream.destroy());
              req.pipe(upstream);
            });
            server.listen(0, '127.0.0.1', () =>
              resolve({
                name: cluster.name,
                url: `http://127.0.0.1:${
                  (server.address() as AddressInfo).port
                }`,
                server,
              }),
            );
          },
        ),
    ),
  );
  return {
    clusters: servers.map(({ name, url }) => ({ name, url })),
    seen,
    /** LIST operations started: first pages only (pages of one LIST carry `continue`). */
    listsStarted(filter?: (r: SeenRequest) => boolean) {
      return seen.filter(
        r =>
          !r.path.includes('continue=') &&
          /[?&]limit=/.test(r.path) &&
          (!filter || filter(r)),
      );
    },
    /** WATCH requests (each open watch, and each resumption, is one). */
    watchesStarted(filter?: (r: SeenRequest) => boolean) {
      return seen.filter(
        r => /[?&]watch=(1|true)/.test(r.path) && (!filter || filter(r)),
      );
    },
    reset() {
      seen.length = 0;
    },
    async stop() {
      await Promise.all(
        servers.map(
          ({ server }) =>
            new Promise<void>(resolve => {
              server.closeAllConnections();
              server.close(() => resolve());
            }),
        ),
      );
    },
  };
}

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ClusterConnection } from './clusterConfig';
import { KubernetesListClient, WatchEvent } from './KubernetesListClient';
import { WORKLOAD_OBJECT_TYPES } from './objectTypes';

/**
 * The watch request against a server that answers as a real API server can
 * but the simulator does not: 410 as the HTTP status, and events split
 * across chunks anywhere.
 */

const PODS = WORKLOAD_OBJECT_TYPES.find(t => t.name === 'pods')!;

async function serve(handler: http.RequestListener) {
  const server = http.createServer(handler);
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const cluster: ClusterConnection = {
    name: 'c',
    title: null,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    auth: { provider: 'serviceAccount', token: 'x' },
    skipTLSVerify: false,
    caData: null,
    caFile: null,
  };
  return { server, cluster };
}

async function eventsOf(
  handler: http.RequestListener,
  seen: string[] = [],
): Promise<WatchEvent[]> {
  const { server, cluster } = await serve((req, res) => {
    seen.push(req.url!);
    handler(req, res);
  });
  const client = new KubernetesListClient({
    credentials: { authorizationFor: async () => 'Bearer x' },
  });
  try {
    const events: WatchEvent[] = [];
    for await (const event of await client.watch(cluster, PODS, {
      resourceVersion: '42',
      labelSelector: 'backstage.io/kubernetes-id',
      timeoutSeconds: 60,
      signal: new AbortController().signal,
      timeoutMs: 2000,
    }))
      events.push(event);
    return events;
  } finally {
    await client.close();
    server.close();
  }
}

describe('KubernetesListClient.watch', () => {
  it('asks for the changes since a version, with bookmarks and a server-side timeout', async () => {
    const seen: string[] = [];
    await eventsOf((_req, res) => res.end(), seen);
    const url = new URL(seen[0], 'http://x');
    expect(url.pathname).toBe('/api/v1/pods');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      watch: '1',
      resourceVersion: '42',
      allowWatchBookmarks: 'true',
      timeoutSeconds: '60',
      labelSelector: 'backstage.io/kubernetes-id',
    });
  });

  it('turns an HTTP 410 into the ERROR event the stream would have carried', async () => {
    const events = await eventsOf((_req, res) => {
      res.writeHead(410, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ kind: 'Status', code: 410, reason: 'Expired' }));
    });
    expect(events).toEqual([
      { type: 'ERROR', object: { kind: 'Status', code: 410 } },
    ]);
  });

  it('reads events split across chunks anywhere, even inside a character', async () => {
    const line = Buffer.from(
      `${JSON.stringify({
        type: 'MODIFIED',
        object: { metadata: { name: 'pod-é', resourceVersion: '43' } },
      })}\n${JSON.stringify({
        type: 'BOOKMARK',
        object: { metadata: { resourceVersion: '44' } },
      })}\n`,
    );
    const split = line.indexOf(Buffer.from('é')) + 1;
    const events = await eventsOf(async (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write(line.subarray(0, split));
      await new Promise(resolve => setTimeout(resolve, 20));
      res.end(line.subarray(split));
    });
    expect(events.map(e => [e.type, e.object.metadata])).toEqual([
      ['MODIFIED', { name: 'pod-é', resourceVersion: '43' }],
      ['BOOKMARK', { resourceVersion: '44' }],
    ]);
  });

  it('reports a refusal with the server’s own message', async () => {
    await expect(
      eventsOf((_req, res) => {
        res.writeHead(403, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({ kind: 'Status', message: 'pods is forbidden' }),
        );
      }),
    ).rejects.toMatchObject({
      kind: 'unauthorized',
      message: '403: pods is forbidden',
    });
  });
});

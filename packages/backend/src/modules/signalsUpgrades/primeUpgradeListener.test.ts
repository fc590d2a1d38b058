import { startTestBackend } from '@backstage/backend-test-utils';
import signalsPlugin from '@backstage/plugin-signals-backend';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import {
  primeUpgradeListener,
  sendWebSocketHandshake,
} from './primeUpgradeListener';

/** A backend with the real signals plugin; its WebSocket endpoint. */
async function signalsBackend() {
  const backend = await startTestBackend({ features: [signalsPlugin] });
  return new URL(`http://127.0.0.1:${backend.server.port()}/api/signals`);
}

describe('the signals plugin without priming', () => {
  it('leaves the first handshake it receives unanswered, and upgrades the next', async () => {
    // Why the module exists. If this starts failing, the signals plugin
    // answers its first handshake and the module can go.
    const url = await signalsBackend();
    expect(await sendWebSocketHandshake(url, 1_000)).toEqual({
      kind: 'unanswered',
    });
    expect(await sendWebSocketHandshake(url, 1_000)).toEqual({
      kind: 'upgraded',
    });
  });
});

describe('primeUpgradeListener', () => {
  it('makes the first handshake from outside an upgraded one', async () => {
    const url = await signalsBackend();

    const result = await primeUpgradeListener({ url });

    expect(result).toEqual({ attempts: 2, earlier: [{ kind: 'unanswered' }] });
    const started = Date.now();
    expect(await sendWebSocketHandshake(url, 5_000)).toEqual({
      kind: 'upgraded',
    });
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('needs one handshake where upgrades are already accepted', async () => {
    const url = await signalsBackend();
    await primeUpgradeListener({ url });

    expect(await primeUpgradeListener({ url })).toEqual({
      attempts: 1,
      earlier: [],
    });
  });

  describe('against a server that never upgrades', () => {
    let server: Server;
    let url: URL;
    beforeAll(async () => {
      server = createServer((_req, res) => {
        res.statusCode = 404;
        res.end();
      });
      await new Promise<void>(listening =>
        server.listen(0, '127.0.0.1', listening),
      );
      const { port } = server.address() as AddressInfo;
      url = new URL(`http://127.0.0.1:${port}/api/signals`);
    });
    afterAll(() => new Promise(closed => server.close(closed)));

    it('retries other answers, then gives up at the deadline saying what it got', async () => {
      const attempt = primeUpgradeListener({
        url,
        deadlineMs: 300,
        retryDelayMs: 50,
      });
      await expect(attempt).rejects.toThrow(
        /no WebSocket handshake to http:\/\/127\.0\.0\.1:\d+\/api\/signals was upgraded in 300 ms \(answered 404, answered 404/,
      );
    });
  });

  it('reports a refused connection as a failed handshake', async () => {
    const probe = createServer();
    await new Promise<void>(listening =>
      probe.listen(0, '127.0.0.1', listening),
    );
    const { port } = probe.address() as AddressInfo;
    await new Promise(closed => probe.close(closed));

    const outcome = await sendWebSocketHandshake(
      new URL(`http://127.0.0.1:${port}/api/signals`),
      1_000,
    );

    expect(outcome).toEqual({
      kind: 'failed',
      message: expect.stringContaining('ECONNREFUSED'),
    });
  });
});

import { startTestBackend } from '@backstage/backend-test-utils';
import signalsPlugin from '@backstage/plugin-signals-backend';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import {
  PrimeClock,
  primeUpgradeListener,
  sendWebSocketHandshake,
} from './primeUpgradeListener';

/**
 * How long a handshake that should be upgraded may take before it counts as
 * unanswered: generous, since an upgraded one returns at once and a loaded
 * machine may be slow. How fast it is: bench/signalsUpgrades.bench.ts.
 */
const PATIENT_MS = 30_000;

jest.setTimeout(4 * PATIENT_MS);

/** A clock that moves only when slept on: the deadline comes after a known number of retries. */
function steppingClock(): PrimeClock & { slept: number[] } {
  let now = 0;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    async sleep(ms) {
      slept.push(ms);
      now += ms;
    },
  };
}

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
    // Left unanswered however long one waits; 1 s is enough to see it.
    expect(await sendWebSocketHandshake(url, 1_000)).toEqual({
      kind: 'unanswered',
    });
    expect(await sendWebSocketHandshake(url, PATIENT_MS)).toEqual({
      kind: 'upgraded',
    });
  });
});

describe('primeUpgradeListener', () => {
  it('makes the first handshake from outside an upgraded one', async () => {
    const url = await signalsBackend();

    const result = await primeUpgradeListener({ url });

    // Its own first handshake is swallowed (as the test above shows). On a
    // slow machine a later one may also outlast the attempt timeout before
    // the 101 comes, so there may be more than one unanswered before it.
    expect(result.earlier[0]).toEqual({ kind: 'unanswered' });
    expect(result.earlier.every(o => o.kind === 'unanswered')).toBe(true);
    expect(result.attempts).toBe(result.earlier.length + 1);
    // The next handshake from outside is upgraded (an unanswered one would
    // come back as 'unanswered' after PATIENT_MS).
    expect(await sendWebSocketHandshake(url, PATIENT_MS)).toEqual({
      kind: 'upgraded',
    });
  });

  it('needs one handshake where upgrades are already accepted', async () => {
    const url = await signalsBackend();
    await primeUpgradeListener({ url });

    expect(
      await primeUpgradeListener({ url, attemptTimeoutMs: PATIENT_MS }),
    ).toEqual({
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
      const clock = steppingClock();
      const attempt = primeUpgradeListener({
        url,
        deadlineMs: 300,
        retryDelayMs: 100,
        attemptTimeoutMs: PATIENT_MS,
        clock,
      });
      // Answers at clock 0, 100, 200 and 300; the deadline is reached after
      // the fourth, with three pauses between them.
      await expect(attempt).rejects.toThrow(
        /^no WebSocket handshake to http:\/\/127\.0\.0\.1:\d+\/api\/signals was upgraded in 300 ms \(answered 404, answered 404, answered 404, answered 404\)$/,
      );
      expect(clock.slept).toEqual([100, 100, 100]);
    });

    it('does not retry after the deadline', async () => {
      const clock = steppingClock();
      await expect(
        primeUpgradeListener({
          url,
          deadlineMs: 0,
          retryDelayMs: 100,
          attemptTimeoutMs: PATIENT_MS,
          clock,
        }),
      ).rejects.toThrow(/was upgraded in 0 ms \(answered 404\)$/);
      expect(clock.slept).toEqual([]);
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
      PATIENT_MS,
    );

    expect(outcome).toEqual({
      kind: 'failed',
      message: expect.stringContaining('ECONNREFUSED'),
    });
  });
});

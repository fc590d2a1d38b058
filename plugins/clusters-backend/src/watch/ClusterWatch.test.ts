import { ClusterAccessError } from '../kubernetes/ClusterAccessError';
import type { ClusterConnection } from '../kubernetes/clusterConfig';
import type { WatchEvent } from '../kubernetes/KubernetesListClient';
import type { ObjectType } from '../kubernetes/objectTypes';
import { ClusterSnapshots } from '../service/ClusterSnapshots';
import type { Clock } from './clock';

/**
 * The retry schedule, the circuit breaker and the wait for a first listing,
 * on a clock the test moves: what the cluster is reported as, and when it is
 * tried again, whatever the machine's speed. (Against the simulator, over
 * HTTP: plugin.test.ts.)
 */

const CLUSTER: ClusterConnection = {
  name: 'eks-production-use1',
  title: null,
  url: 'http://127.0.0.1:1',
  auth: { provider: 'serviceAccount', token: 'x' },
  skipTLSVerify: false,
  caData: null,
  caFile: null,
};

/** A clock whose sleeps end only when the test moves time past them. */
class TestClock implements Clock {
  time = 0;
  private sleepers: Array<{ until: number; wake: () => void }> = [];

  now = () => this.time;

  sleep = (ms: number, signal: AbortSignal) =>
    new Promise<void>(wake => {
      this.sleepers.push({ until: this.time + ms, wake });
      signal.addEventListener('abort', () => wake());
    });

  async advance(ms: number) {
    this.time += ms;
    const due = this.sleepers.filter(s => s.until <= this.time);
    this.sleepers = this.sleepers.filter(s => s.until > this.time);
    due.forEach(s => s.wake());
    await settle();
  }
}

/** Lets every pending promise chain run. */
async function settle() {
  for (let i = 0; i < 20; i++) await new Promise(r => setImmediate(r));
}

const pod = (name: string) => ({
  metadata: {
    name,
    namespace: 'task-runner',
    resourceVersion: '10',
    labels: { 'backstage.io/kubernetes-id': 'task-runner' },
  },
  status: { phase: 'Running' },
});

/**
 * A cluster API: answers lists and keeps watches open while up; refuses
 * every request (and breaks open watches) while down; never answers while
 * hanging. Records when (on the test clock) each attempt was made.
 */
function fakeCluster(clock: TestClock) {
  const open = new Set<{ fail(error: Error): void }>();
  const refused = () =>
    new ClusterAccessError('unreachable', 'unreachable (ECONNREFUSED)');
  const fake = {
    mode: 'up' as 'up' | 'down' | 'hang',
    attempts: [] as Array<{ at: number; call: string; type: string }>,
    client: {
      async list(
        _c: ClusterConnection,
        type: ObjectType,
        options: { signal: AbortSignal },
      ) {
        fake.attempts.push({ at: clock.time, call: 'list', type: type.name });
        if (fake.mode === 'hang')
          // Until the LIST is given up (as undici does on its signal).
          return new Promise<never>((_, reject) =>
            options.signal.addEventListener('abort', () =>
              reject(new Error('aborted')),
            ),
          );
        if (fake.mode === 'down') throw refused();
        return {
          items: type.name === 'pods' ? [pod('task-runner-1')] : [],
          resourceVersion: '10',
        };
      },
      async watch(
        _c: ClusterConnection,
        type: ObjectType,
        options: { signal: AbortSignal },
      ): Promise<AsyncIterable<WatchEvent>> {
        fake.attempts.push({ at: clock.time, call: 'watch', type: type.name });
        if (fake.mode === 'down') throw refused();
        let fail: (error: Error) => void = () => {};
        const broken = new Promise<never>((_, reject) => (fail = reject));
        const stream = { fail };
        open.add(stream);
        return {
          async *[Symbol.asyncIterator]() {
            try {
              await Promise.race([
                broken,
                new Promise(r => options.signal.addEventListener('abort', r)),
              ]);
            } finally {
              open.delete(stream);
            }
          },
        };
      },
    } as any,
    /** The cluster goes down: open watches break, new requests are refused. */
    goDown() {
      fake.mode = 'down';
      for (const stream of open) stream.fail(refused());
    },
    attemptTimes: () => [...new Set(fake.attempts.map(a => a.at))],
  };
  return fake;
}

describe('a watched cluster that fails', () => {
  let snapshots: ClusterSnapshots | undefined;

  afterEach(async () => {
    await snapshots?.stop();
    snapshots = undefined;
  });

  function watched(
    clock: TestClock,
    cluster: ReturnType<typeof fakeCluster>,
    random = () => 0.5,
  ) {
    snapshots = new ClusterSnapshots({
      clusters: [CLUSTER],
      client: cluster.client,
      timeoutMs: 3000,
      watchTimeoutSeconds: 300,
      retry: { initialDelayMs: 1000, maxDelayMs: 8000, failuresBeforeDown: 3 },
      clock,
      random,
    });
    snapshots.start();
    return snapshots;
  }

  it('is retried on an exponential back-off with jitter, reported down after 3 failures with its last sync, and shown again once it answers', async () => {
    const clock = new TestClock();
    const cluster = fakeCluster(clock);
    const cache = watched(clock, cluster);
    await settle();
    const first = await cache.of(CLUSTER);
    expect(first).toMatchObject({ status: 'ok', syncedAt: 0 });

    await clock.advance(10_000);
    cluster.attempts.length = 0;
    cluster.goDown();
    await settle();
    // One failure: still the objects held (a blip is not an outage).
    expect(cluster.attemptTimes()).toEqual([]);
    expect((await cache.of(CLUSTER)).status).toBe('ok');

    // Jitter 0.5 gives three quarters of 1 s, 2 s, 4 s, 8 s, 8 s (the maximum).
    const retries: number[] = [];
    const shown: string[] = [];
    for (const delay of [750, 1500, 3000, 6000, 6000]) {
      await clock.advance(delay - 1);
      expect(cluster.attempts.filter(a => a.at === clock.time)).toEqual([]);
      await clock.advance(1);
      expect(cluster.attempts.some(a => a.at === clock.time)).toBe(true);
      retries.push(clock.time - 10_000);
      shown.push((await cache.of(CLUSTER)).status);
    }
    expect(retries).toEqual([750, 2250, 5250, 11250, 17250]);
    // Two failures: still shown as it was; from the third on, down.
    expect(shown).toEqual(['ok', 'error', 'error', 'error', 'error']);

    // Down since the third failure: its error and how old its objects are.
    expect(await cache.of(CLUSTER)).toEqual({
      cluster: CLUSTER,
      status: 'error',
      error: {
        kind: 'unreachable',
        message: 'unreachable (ECONNREFUSED); last synced 27 s ago',
      },
    });

    cluster.mode = 'up';
    await clock.advance(6000);
    const back = await cache.of(CLUSTER);
    expect(back).toMatchObject({ status: 'ok', syncedAt: clock.time });
    expect(cache.watchOf(CLUSTER.name)!.consecutiveFailures).toBe(0);
    // Resumed from its version: no LIST was needed.
    expect(cluster.attempts.filter(a => a.call === 'list')).toEqual([]);
  });

  it('spreads retries with jitter within the upper half of each delay', async () => {
    const delaysWith = async (random: number) => {
      const clock = new TestClock();
      const cluster = fakeCluster(clock);
      cluster.mode = 'down';
      const cache = watched(clock, cluster, () => random);
      await settle();
      const times: number[] = [];
      for (let step = 0; times.length < 3 && step < 100; step++) {
        await clock.advance(250);
        if (cluster.attempts.some(a => a.at === clock.time))
          times.push(clock.time);
      }
      await cache.stop();
      return times;
    };
    // The least jitter: half of 1 s, 2 s, 4 s; the most: the whole of them.
    expect(await delaysWith(0)).toEqual([500, 1500, 3500]);
    expect(await delaysWith(0.999)).toEqual([1000, 3000, 7000]);
  });

  it('lets a request wait for the first listing at most the timeout, then answers it with a timeout error', async () => {
    const clock = new TestClock();
    const cluster = fakeCluster(clock);
    cluster.mode = 'hang';
    const cache = watched(clock, cluster);
    let answer: unknown;
    cache.of(CLUSTER).then(a => (answer = a));
    await clock.advance(2999);
    expect(answer).toBeUndefined();
    await clock.advance(1);
    expect(answer).toEqual({
      cluster: CLUSTER,
      status: 'error',
      error: { kind: 'timeout', message: 'did not answer within 3000 ms' },
    });
  });

  it('answers a cluster whose first listing failed with its error at once, and keeps trying it', async () => {
    const clock = new TestClock();
    const cluster = fakeCluster(clock);
    cluster.mode = 'down';
    const cache = watched(clock, cluster);
    await settle();
    // Never synced: the error alone, without waiting for anything.
    expect(await cache.of(CLUSTER)).toMatchObject({
      status: 'error',
      error: { kind: 'unreachable', message: 'unreachable (ECONNREFUSED)' },
    });
    cluster.mode = 'up';
    await clock.advance(1000);
    expect(await cache.of(CLUSTER)).toMatchObject({ status: 'ok' });
  });
});

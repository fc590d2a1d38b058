import type { ClusterConnection } from '../kubernetes/clusterConfig';
import type { KubernetesListClient } from '../kubernetes/KubernetesListClient';
import { ObjectType, WORKLOAD_OBJECT_TYPES } from '../kubernetes/objectTypes';
import { ClusterSnapshots } from './ClusterSnapshots';

/**
 * The background renewal of listings, on fake timers and a fake clock: what
 * viewers get and how often clusters are listed, whatever the machine's
 * speed. (How fast a viewer is answered: bench/.)
 */

const CLUSTER: ClusterConnection = {
  name: 'eks-production-use1',
  title: null,
  url: 'http://127.0.0.1:1',
  auth: { provider: 'serviceAccount', token: null },
  skipTLSVerify: false,
  caData: null,
  caFile: null,
};

const TYPES = WORKLOAD_OBJECT_TYPES.length;

/** A pod of operator-console, crash-looping or running. */
const pod = (crashing: boolean) => ({
  metadata: {
    name: 'operator-console-1',
    namespace: 'operator-console',
    labels: { 'backstage.io/kubernetes-id': 'operator-console' },
    creationTimestamp: '2025-01-01T00:00:00Z',
  },
  status: {
    phase: 'Running',
    containerStatuses: [
      {
        name: 'app',
        ready: !crashing,
        restartCount: crashing ? 7 : 0,
        image: 'app',
        imageID: 'app',
        state: crashing
          ? { waiting: { reason: 'CrashLoopBackOff' } }
          : { running: { startedAt: '2025-01-01T00:00:00Z' } },
        lastState: {},
      },
    ],
  },
});

/** A cluster API that answers at once, or not at all while `hang` is set. */
function fakeCluster() {
  const cluster = {
    crashing: false,
    hang: false,
    lists: [] as Array<{ type: ObjectType['name']; at: number }>,
    client: {
      list: async (_cluster: ClusterConnection, type: ObjectType) => {
        cluster.lists.push({ type: type.name, at: Date.now() });
        if (cluster.hang) return new Promise<unknown[]>(() => {});
        return type.name === 'pods' ? [pod(cluster.crashing)] : [];
      },
    } as unknown as KubernetesListClient,
    listsOf: (type: ObjectType['name'], since = 0) =>
      cluster.lists.filter(l => l.type === type && l.at >= since).length,
  };
  return cluster;
}

const restarts = (snapshot: Awaited<ReturnType<ClusterSnapshots['of']>>) => {
  if (snapshot.status !== 'ok') throw new Error(snapshot.error.message);
  const pods = snapshot.byService.get('operator-console')?.pods ?? [];
  return pods.map(p => p.status?.containerStatuses?.[0].restartCount);
};

describe('ClusterSnapshots kept warm', () => {
  let snapshots: ClusterSnapshots | undefined;

  beforeEach(() => {
    jest.useFakeTimers({ now: 0 });
  });

  afterEach(() => {
    snapshots?.stop();
    snapshots = undefined;
    jest.useRealTimers();
  });

  function start(
    cluster: ReturnType<typeof fakeCluster>,
    options: { ttlMs: number; keepWarmMs: number },
  ) {
    snapshots = new ClusterSnapshots({
      clusters: [CLUSTER],
      client: cluster.client,
      timeoutMs: 1000,
      ...options,
    });
    return snapshots;
  }

  it('answers a viewer after the TTL from listings renewed in the background, without waiting for a LIST', async () => {
    const cluster = fakeCluster();
    const warm = start(cluster, { ttlMs: 400, keepWarmMs: 1500 });
    expect(restarts(await warm.of(CLUSTER))).toEqual([0]);
    expect(cluster.lists).toHaveLength(TYPES);

    cluster.crashing = true;
    await jest.advanceTimersByTimeAsync(1300);
    // Renewed meanwhile, with nobody asking.
    expect(cluster.listsOf('pods')).toBeGreaterThan(1);

    // From now on any LIST the viewer waited for would never end.
    cluster.hang = true;
    let answered: Awaited<ReturnType<ClusterSnapshots['of']>> | undefined;
    warm.of(CLUSTER).then(snapshot => (answered = snapshot));
    await jest.advanceTimersByTimeAsync(0);
    expect(answered).toBeDefined();
    expect(restarts(answered!)).toEqual([7]);
  });

  it('without keep-warm, the first viewer after the TTL waits for a LIST', async () => {
    // The contrast to the test above: the same check sees the difference.
    const cluster = fakeCluster();
    const cold = start(cluster, { ttlMs: 400, keepWarmMs: 0 });
    await cold.of(CLUSTER);
    await jest.advanceTimersByTimeAsync(1300);
    expect(cluster.listsOf('pods')).toBe(1);

    cluster.hang = true;
    let answered = false;
    cold.of(CLUSTER).then(() => (answered = true));
    await jest.advanceTimersByTimeAsync(0);
    expect(answered).toBe(false);
    expect(cluster.listsOf('pods')).toBe(2);
  });

  it('renews each type about once per TTL while viewers look, and not at all once nobody has looked for keepWarmMs', async () => {
    const cluster = fakeCluster();
    const warm = start(cluster, { ttlMs: 400, keepWarmMs: 1500 });
    await warm.of(CLUSTER);

    await jest.advanceTimersByTimeAsync(800);
    for (const type of WORKLOAD_OBJECT_TYPES) {
      // The first listing, then at three quarters of the TTL each time.
      const renewals = cluster.listsOf(type.name) - 1;
      expect(renewals).toBeGreaterThanOrEqual(1);
      expect(renewals).toBeLessThanOrEqual(3);
    }

    // Past keepWarmMs since the last viewer: the cluster is left alone.
    await jest.advanceTimersByTimeAsync(1500 - 800 + 400);
    const quietFrom = Date.now();
    await jest.advanceTimersByTimeAsync(5000);
    expect(cluster.lists.filter(l => l.at >= quietFrom)).toEqual([]);

    // A new viewer starts it again (beyond the LIST it waits for itself).
    await warm.of(CLUSTER);
    const askedAgain = Date.now();
    await jest.advanceTimersByTimeAsync(800);
    expect(cluster.listsOf('pods', askedAgain + 1)).toBeGreaterThanOrEqual(1);
  });
});

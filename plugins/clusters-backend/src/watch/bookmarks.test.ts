import {
  ClusterSimulator,
  startClusterSimulator,
} from '@gatehouse/cluster-simulator';
import { startCountingProxies } from '../__testUtils__/countingProxy';
import type { ClusterConnection } from '../kubernetes/clusterConfig';
import { KubernetesListClient } from '../kubernetes/KubernetesListClient';
import { ClusterSnapshots } from '../service/ClusterSnapshots';

/**
 * Bookmarks keep a quiet type's resourceVersion moving, so that after the
 * history is compacted and the watch ends, it resumes without a LIST. (That
 * a type whose version is gone lists again: plugin.test.ts.)
 */

const CLUSTER = 'eks-production-use1';
let sim: ClusterSimulator;
let proxies: Awaited<ReturnType<typeof startCountingProxies>>;

beforeAll(async () => {
  sim = await startClusterSimulator({
    portBase: 0,
    clusters: [{ name: CLUSTER, environment: 'production' }],
    bookmarkIntervalMs: 50,
  });
  proxies = await startCountingProxies(sim.clusters);
});

afterAll(async () => {
  await proxies?.stop();
  await sim?.stop();
});

async function waitUntil(condition: () => boolean, what: string) {
  const giveUpAt = Date.now() + 20_000;
  while (!condition()) {
    if (Date.now() > giveUpAt) throw new Error(`gave up waiting until ${what}`);
    await new Promise(resolve => setTimeout(resolve, 10));
  }
}

it('moves each type to the version of the latest bookmark, and resumes from it after a compaction without listing again', async () => {
  const cluster: ClusterConnection = {
    name: CLUSTER,
    title: null,
    url: proxies.clusters[0].url,
    auth: { provider: 'serviceAccount', token: 'x' },
    skipTLSVerify: false,
    caData: null,
    caFile: null,
  };
  const client = new KubernetesListClient({
    credentials: { authorizationFor: async () => 'Bearer x' },
  });
  const snapshots = new ClusterSnapshots({
    clusters: [cluster],
    client,
    timeoutMs: 30_000,
    watchTimeoutSeconds: 600,
    retry: { initialDelayMs: 20, maxDelayMs: 200, failuresBeforeDown: 2 },
  });
  try {
    expect((await snapshots.of(cluster)).status).toBe('ok');
    const watch = snapshots.watchOf(CLUSTER)!;
    const listed = watch.versions.deployments;
    await waitUntil(
      () => proxies.watchesStarted().length === 5,
      'every type is watched',
    );

    // A pod changes: only the pods watch sees an event; the others move
    // with the bookmarks.
    const pod = sim
      .state(CLUSTER)
      .objects('Pod', 'operator-console')
      .find(p => (p.status as any)?.phase === 'Running')!;
    sim.crash(CLUSTER, 'operator-console', pod.metadata.name);
    const current = sim.state(CLUSTER).resourceVersion;
    expect(Number(current)).toBeGreaterThan(Number(listed));
    await waitUntil(
      () => Object.values(watch.versions).every(v => v === current),
      `every type is at version ${current}`,
    );

    sim.compact(CLUSTER);
    proxies.reset();
    sim.endWatches(CLUSTER);
    await waitUntil(
      () => proxies.watchesStarted().length === 5,
      'every type watches again',
    );
    // A 410 would come at once after the watch opened, and its LIST right after.
    await new Promise(resolve => setTimeout(resolve, 200));
    expect(proxies.listsStarted()).toEqual([]);
    for (const resumed of proxies.watchesStarted())
      expect(resumed.path).toContain(`resourceVersion=${current}`);
    const answer = await snapshots.of(cluster);
    if (answer.status !== 'ok') throw new Error(answer.error.message);
    expect(
      answer.byService
        .get('operator-console')!
        .pods.find(p => p.metadata?.name === pod.metadata.name)!.status
        ?.containerStatuses?.[0].state?.waiting?.reason,
    ).toBe('CrashLoopBackOff');
  } finally {
    await snapshots.stop();
    await client.close();
  }
});

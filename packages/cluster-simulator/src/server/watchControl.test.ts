import { ClusterSimulator, startClusterSimulator } from '../simulator';
import { get, openWatch } from '../__testUtils__/http';

/**
 * What a client of a real API server has to cope with, made to happen on
 * demand: history compaction (410 on resume), watches ended by the server,
 * and bookmarks at a chosen interval.
 */
describe('watch control', () => {
  const CLUSTER = 'eks-production-use1';
  let sim: ClusterSimulator;
  let url: string;

  beforeAll(async () => {
    sim = await startClusterSimulator({
      portBase: 0,
      clusters: [{ name: CLUSTER, environment: 'production' }],
      bookmarkIntervalMs: 50,
    });
    url = sim.clusters[0].url;
  });

  afterAll(async () => {
    await sim.stop();
  });

  const deployments = `/apis/apps/v1/namespaces/task-runner/deployments`;

  it('answers a resume from before a compaction with 410 Expired, and one from after it with the changes', async () => {
    const before = (await get(`${url}${deployments}`)).json().metadata
      .resourceVersion;
    sim.scale(CLUSTER, 'task-runner', 'task-runner', 5);
    sim.compact(CLUSTER);
    const after = sim.state(CLUSTER).resourceVersion;
    sim.scale(CLUSTER, 'task-runner', 'task-runner', 4);

    const stale = await openWatch(
      `${url}${deployments}?watch=1&resourceVersion=${before}`,
    );
    await stale.ended;
    expect(stale.events).toEqual([
      {
        type: 'ERROR',
        object: expect.objectContaining({ code: 410, reason: 'Expired' }),
      },
    ]);

    const fresh = await openWatch(
      `${url}${deployments}?watch=1&resourceVersion=${after}`,
    );
    await fresh.waitFor(events => events.length >= 1);
    expect(fresh.events[0]).toMatchObject({
      type: 'MODIFIED',
      object: { spec: { replicas: 4 } },
    });
    fresh.close();
  });

  it('ends open watches normally on endWatches, and new ones are served', async () => {
    const open = await openWatch(`${url}${deployments}?watch=1`);
    await open.waitFor(events => events.length >= 1);
    sim.endWatches(CLUSTER);
    await open.ended;
    expect(open.events.map(e => e.type)).toEqual(['ADDED']);

    const again = await openWatch(`${url}${deployments}?watch=1`);
    await again.waitFor(events => events.length >= 1);
    expect(again.status).toBe(200);
    again.close();
  });

  it('sends bookmarks at the configured interval, carrying the current resourceVersion', async () => {
    const rv = sim.state(CLUSTER).resourceVersion;
    const w = await openWatch(
      `${url}${deployments}?watch=1&resourceVersion=${rv}&allowWatchBookmarks=true`,
    );
    await w.waitFor(
      events => events.filter(e => e.type === 'BOOKMARK').length >= 2,
    );
    expect(
      w.events.filter(e => e.type === 'BOOKMARK')[0].object.metadata
        .resourceVersion,
    ).toBe(rv);
    sim.scale(CLUSTER, 'task-runner', 'task-runner', 3);
    const moved = sim.state(CLUSTER).resourceVersion;
    expect(Number(moved)).toBeGreaterThan(Number(rv));
    await w.waitFor(events =>
      events.some(
        e =>
          e.type === 'BOOKMARK' && e.object.metadata.resourceVersion === moved,
      ),
    );
    w.close();
  });
});

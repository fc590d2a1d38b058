import { ClusterSimulator, startClusterSimulator } from './simulator';
import { get } from './__testUtils__/http';

/**
 * The benchmark scale: 2,000 pods in one cluster, spread over synthetic
 * bench-svc-### services plus the examples.
 */
describe('2,000-pod cluster', () => {
  // Generous: these tests check what is answered, not how fast (the
  // benchmark in bench/ measures that), and a loaded machine may be slow.
  jest.setTimeout(120_000);

  let sim: ClusterSimulator;
  let url: string;

  beforeAll(async () => {
    sim = await startClusterSimulator({
      portBase: 0,
      podsPerCluster: 2000,
      clusters: [{ name: 'eks-production-use1', environment: 'production' }],
    });
    url = sim.clusters[0].url;
  });

  afterAll(() => sim.stop());

  it('holds exactly podsPerCluster pods, spread over bench services', () => {
    const state = sim.state('eks-production-use1');
    const pods = state.objects('Pod');
    expect(pods).toHaveLength(2000);
    const bench = pods.filter(p =>
      p.metadata.namespace!.startsWith('bench-svc-'),
    );
    expect(bench).toHaveLength(2000 - 19);
    const services = new Set(
      bench.map(p => p.metadata.labels!['backstage.io/kubernetes-id']),
    );
    expect(services.size).toBe(Math.ceil((2000 - 19) / 20));
    expect(services.has('bench-svc-001')).toBe(true);
    expect(state.objects('Deployment', 'bench-svc-001')).toHaveLength(1);
  });

  it('answers a cluster-wide pod LIST of every pod, each once', async () => {
    // How fast: bench/simulator.bench.ts.
    for (let i = 0; i < 2; i++) {
      // The first serialisation of the list, then the cached one.
      const list = (await get(`${url}/api/v1/pods`, undefined, 60_000)).json();
      expect(list.kind).toBe('PodList');
      expect(list.items).toHaveLength(2000);
      expect(
        new Set(
          list.items.map(
            (p: any) => `${p.metadata.namespace}/${p.metadata.name}`,
          ),
        ).size,
      ).toBe(2000);
    }
  });

  it('serves filtered and paginated lists over the 2,000 pods', async () => {
    const selector = encodeURIComponent(
      'backstage.io/kubernetes-id in (bench-svc-001,bench-svc-002)',
    );
    const filtered = (
      await get(
        `${url}/api/v1/pods?labelSelector=${selector}`,
        undefined,
        60_000,
      )
    ).json();
    expect(filtered.items).toHaveLength(40);
    expect(
      new Set(
        filtered.items.map(
          (p: any) => p.metadata.labels['backstage.io/kubernetes-id'],
        ),
      ),
    ).toEqual(new Set(['bench-svc-001', 'bench-svc-002']));

    let count = 0;
    let token: string | undefined;
    do {
      const page = (
        await get(
          `${url}/api/v1/pods?limit=500${
            token ? `&continue=${encodeURIComponent(token)}` : ''
          }`,
          undefined,
          60_000,
        )
      ).json();
      count += page.items.length;
      token = page.metadata.continue;
    } while (token);
    expect(count).toBe(2000);

    const running = (
      await get(
        `${url}/api/v1/pods?fieldSelector=status.phase%3DRunning`,
        undefined,
        60_000,
      )
    ).json();
    expect(running.items).toHaveLength(2000 - 1);
    const metrics = (
      await get(`${url}/apis/metrics.k8s.io/v1beta1/pods`, undefined, 60_000)
    ).json();
    // Every running pod except the crash-looping one reports metrics.
    expect(metrics.items).toHaveLength(2000 - 2);
  });
});

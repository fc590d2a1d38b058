import { ClusterSimulator, startClusterSimulator } from './simulator';
import { get } from './__testUtils__/http';

/**
 * The benchmark scale: 2,000 pods in one cluster, spread over synthetic
 * bench-svc-### services plus the examples.
 */
describe('2,000-pod cluster', () => {
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

  it('answers a cluster-wide pod LIST quickly and counts it correctly', async () => {
    // Warm-up (first serialisation of the list), then timed requests.
    const first = await get(`${url}/api/v1/pods`, undefined, 10_000);
    expect(first.json().items).toHaveLength(2000);
    const timings: number[] = [];
    let body = '';
    for (let i = 0; i < 5; i++) {
      const started = process.hrtime.bigint();
      const res = await get(`${url}/api/v1/pods`, undefined, 10_000);
      timings.push(Number(process.hrtime.bigint() - started) / 1e6);
      body = res.body;
    }
    const list = JSON.parse(body);
    expect(list.kind).toBe('PodList');
    expect(list.items).toHaveLength(2000);
    expect(
      new Set(
        list.items.map(
          (p: any) => `${p.metadata.namespace}/${p.metadata.name}`,
        ),
      ).size,
    ).toBe(2000);
    const median = [...timings].sort((a, b) => a - b)[2];
    // eslint-disable-next-line no-console
    console.log(
      `2,000-pod LIST: ${(body.length / 1e6).toFixed(
        1,
      )} MB, median ${median.toFixed(1)} ms (${timings
        .map(t => t.toFixed(1))
        .join(', ')} ms)`,
    );
    // Generous bound for a loaded 2-core CI machine; typically a few tens of ms.
    expect(median).toBeLessThan(500);
  });

  it('serves filtered and paginated lists over the 2,000 pods', async () => {
    const selector = encodeURIComponent(
      'backstage.io/kubernetes-id in (bench-svc-001,bench-svc-002)',
    );
    const started = Date.now();
    const filtered = (
      await get(`${url}/api/v1/pods?labelSelector=${selector}`)
    ).json();
    expect(Date.now() - started).toBeLessThan(500);
    expect(filtered.items).toHaveLength(40);

    let count = 0;
    let token: string | undefined;
    do {
      const page = (
        await get(
          `${url}/api/v1/pods?limit=500${
            token ? `&continue=${encodeURIComponent(token)}` : ''
          }`,
          undefined,
          10_000,
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
        10_000,
      )
    ).json();
    expect(running.items).toHaveLength(2000 - 1);
    const metrics = (
      await get(`${url}/apis/metrics.k8s.io/v1beta1/pods`, undefined, 10_000)
    ).json();
    // Every running pod except the crash-looping one reports metrics.
    expect(metrics.items).toHaveLength(2000 - 2);
  });
});

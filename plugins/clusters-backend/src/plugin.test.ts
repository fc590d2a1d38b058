import { mockCredentials } from '@backstage/backend-test-utils';
import {
  ClusterSimulator,
  SCENARIO_ANNOTATION,
  startClusterSimulator,
} from '@gatehouse/cluster-simulator';
import type {
  ClusterHealth,
  EntityWorkloadHealth,
  SreDashboard,
} from '@gatehouse/plugin-clusters-common';
import request from 'supertest';
import { startCountingProxies } from './__testUtils__/countingProxy';
import { startClustersBackend } from './__testUtils__/startClustersBackend';

jest.setTimeout(60_000);

/** Waits in real time until `condition` holds (the limit only ends a broken test). */
async function waitUntil(condition: () => boolean, what: string) {
  const giveUpAt = Date.now() + 30_000;
  while (!condition()) {
    if (Date.now() > giveUpAt) throw new Error(`gave up waiting until ${what}`);
    await new Promise(resolve => setTimeout(resolve, 20));
  }
}

/** Asks again (in real time) until the answer is as expected; returns it. */
async function pollUntil<T>(
  ask: () => Promise<T>,
  done: (answer: T) => boolean,
  what: string,
): Promise<T> {
  const giveUpAt = Date.now() + 30_000;
  for (;;) {
    const answer = await ask();
    if (done(answer)) return answer;
    if (Date.now() > giveUpAt) throw new Error(`gave up waiting until ${what}`);
    await new Promise(resolve => setTimeout(resolve, 20));
  }
}

const PRODUCTION = 'eks-production-use1';
const STAGING = 'eks-staging-use1';
const DEVELOPMENT = 'eks-development-use1';
/** The object types workload health lists. */
const PLURALS = [
  'pods',
  'deployments',
  'statefulsets',
  'horizontalpodautoscalers',
  'rollouts',
];

let sim: ClusterSimulator;
let proxies: Awaited<ReturnType<typeof startCountingProxies>>;
const backends: Array<{ backend: { stop(): Promise<void> } }> = [];

async function start(options: Parameters<typeof startClustersBackend>[0]) {
  const started = await startClustersBackend({
    // A healthy cluster answers however slow the machine; the tests about
    // timeouts set their own.
    timeoutMs: 30_000,
    ...options,
  });
  backends.push(started);
  return started;
}

beforeAll(async () => {
  sim = await startClusterSimulator({ portBase: 0 });
  proxies = await startCountingProxies(sim.clusters);
});

afterEach(async () => {
  await Promise.all(backends.splice(0).map(b => b.backend.stop()));
  for (const cluster of sim.clusters) await sim.setFault(cluster.name, null);
  proxies.reset();
});

afterAll(async () => {
  await proxies?.stop();
  await sim?.stop();
});

const clusterOf = (dashboard: SreDashboard, name: string): ClusterHealth =>
  dashboard.environments.flatMap(e => e.clusters).find(c => c.name === name)!;

const serviceOn = (cluster: ClusterHealth, serviceId: string) =>
  cluster.services.find(s => s.serviceId === serviceId)!;

/** The simulator's own broken pod of a scenario, read from its state. */
const scenarioPod = (cluster: string, scenario: string) =>
  sim
    .state(cluster)
    .objects('Pod')
    .find(p => p.metadata.annotations?.[SCENARIO_ANNOTATION] === scenario)!;

describe('GET /dashboard', () => {
  it('shows the known broken workloads of every cluster with their reasons', async () => {
    const { server } = await start({ clusters: proxies.clusters });
    const res = await request(server).get('/api/clusters/dashboard');
    expect(res.status).toBe(200);
    const dashboard: SreDashboard = res.body;

    // Environments come from the clusters' catalog Resources, production first.
    expect(dashboard.environments.map(e => e.name)).toEqual([
      'production',
      'staging',
      'development',
    ]);
    const production = clusterOf(dashboard, PRODUCTION);
    expect(production).toMatchObject({
      status: 'ok',
      environment: 'production',
      entityRef: 'resource:default/eks-production-use1',
      error: null,
    });

    // CrashLoopBackOff: task-runner in production, 3 of 4 ready.
    const crashing = scenarioPod(PRODUCTION, 'crash-loop-backoff');
    const taskRunner = serviceOn(production, 'task-runner');
    expect(taskRunner).toMatchObject({
      entityRef: 'component:default/task-runner',
      status: 'degraded',
      ready: 3,
      desired: 4,
    });
    expect(taskRunner.failingPods).toEqual([
      expect.objectContaining({
        name: crashing.metadata.name,
        namespace: 'task-runner',
        reason: 'CrashLoopBackOff',
        restarts: 7,
        owner: 'Deployment/task-runner',
      }),
    ]);
    expect(taskRunner.failingPods[0].message).toMatch(
      /CrashLoopBackOff.*last exit code 1 \(Error\)/,
    );

    // The HPA at its maximum: orchestrator-api in production, 6 of 6.
    const api = serviceOn(production, 'orchestrator-api');
    expect(api.status).toBe('degraded');
    expect(api.failingPods).toEqual([]);
    expect(api.hpasAtMaximum).toEqual([
      expect.objectContaining({
        name: 'orchestrator-api',
        target: 'Deployment/orchestrator-api',
        currentReplicas: 6,
        maxReplicas: 6,
      }),
    ]);
    // The Argo Rollout (canary) counts among its workloads.
    expect(api.workloads).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'Deployment', desired: 6, ready: 6 }),
        expect.objectContaining({
          kind: 'Rollout',
          name: 'orchestrator-api-canary',
          desired: 2,
          ready: 2,
        }),
      ]),
    );
    expect(serviceOn(production, 'knowledge-store').status).toBe('healthy');
    expect(production.totals).toMatchObject({
      services: 4,
      failingPods: 1,
      hpasAtMaximum: 1,
    });
    // Unhealthy services first.
    expect(production.services.at(-1)!.status).toBe('healthy');

    // Failing readiness probe: operator-console in staging, 1 of 2 ready.
    const unready = scenarioPod(STAGING, 'readiness-probe-failing');
    const console = serviceOn(
      clusterOf(dashboard, STAGING),
      'operator-console',
    );
    expect(console).toMatchObject({ status: 'degraded', ready: 1, desired: 2 });
    expect(console.failingPods).toEqual([
      expect.objectContaining({
        name: unready.metadata.name,
        reason: 'NotReady',
      }),
    ]);

    // Unschedulable: knowledge-store-0 in development, its only replica.
    const store = serviceOn(
      clusterOf(dashboard, DEVELOPMENT),
      'knowledge-store',
    );
    expect(store).toMatchObject({ status: 'failing', ready: 0, desired: 1 });
    expect(store.failingPods).toEqual([
      expect.objectContaining({
        name: 'knowledge-store-0',
        reason: 'Pending',
        owner: 'StatefulSet/knowledge-store',
      }),
    ]);
    expect(store.failingPods[0].message).toMatch(
      /^Unschedulable: 0\/3 nodes are available: .*Insufficient memory/,
    );
  });

  it('puts change requests and spend beside each environment, asked as the viewer', async () => {
    const { server, calls } = await start({ clusters: proxies.clusters });
    const { body: dashboard } = await request(server).get(
      '/api/clusters/dashboard',
    );
    const section = (name: string) =>
      (dashboard as SreDashboard).environments.find(e => e.name === name)!;

    expect(section('production').pendingChanges.map(c => c.id)).toEqual([
      'open-1',
    ]);
    expect(section('staging').pendingChanges).toEqual([
      expect.objectContaining({
        id: 'open-2',
        entityRef: 'component:default/task-runner',
        status: 'changes-requested',
      }),
    ]);
    // Recently approved: the last 7 days only, approved or auto-approved.
    expect(section('production').recentlyApproved.map(c => c.id)).toEqual([
      'approved-recent',
    ]);
    expect(section('development').recentlyApproved.map(c => c.id)).toEqual([
      'auto-recent',
    ]);

    expect(section('production').spend).toEqual({
      monthToDate: 9000,
      budget: expect.objectContaining({ percentUsed: 75, status: 'warning' }),
    });
    expect(section('staging').spend).toEqual({
      monthToDate: 4000,
      budget: null,
    });
    expect(section('production').costAlerts.map(a => a.id)).toEqual([
      'alert-env',
    ]);
    // Service and team budgets and alerts link to their catalog entities.
    expect(dashboard.acrossEnvironments.budgets).toEqual([
      expect.objectContaining({
        key: 'task-runner',
        entityRef: 'component:default/task-runner',
        status: 'over',
      }),
      expect.objectContaining({
        key: 'team-agents',
        entityRef: 'group:default/team-agents',
      }),
    ]);
    expect(dashboard.acrossEnvironments.costAlerts).toEqual([
      expect.objectContaining({
        id: 'alert-svc',
        entityRef: 'component:default/task-runner',
      }),
    ]);
    expect(dashboard.spendPeriod).toEqual({
      month: '2026-05',
      asOf: '2026-05-20',
    });
    expect(dashboard.sources).toEqual({
      approvals: { status: 'ok' },
      cost: { status: 'ok' },
    });

    // Over HTTP, with a token on behalf of the signed-in viewer.
    expect(calls.map(c => c.path).sort()).toEqual(
      [
        '/budgets',
        '/requests?view=all&status=approved&limit=200',
        '/requests?view=all&status=auto-approved&limit=200',
        '/requests?view=all&status=open&limit=200',
        '/spend/totals?from=2026-05-01&to=2026-05-20&groupBy=environment',
        '/alerts?limit=100',
      ].sort(),
    );
    for (const call of calls) {
      expect(call.principal).toMatchObject({
        type: 'user',
        userEntityRef: 'user:default/mock',
      });
    }

    const onlyStaging = await request(server).get(
      '/api/clusters/dashboard?environment=staging',
    );
    expect(onlyStaging.body.environments.map((e: any) => e.name)).toEqual([
      'staging',
    ]);
  });
});

describe('GET /entities/:kind/:namespace/:name/health', () => {
  it("answers one service's workload health on every cluster", async () => {
    const { server } = await start({ clusters: proxies.clusters });
    const res = await request(server).get(
      '/api/clusters/entities/component/default/task-runner/health',
    );
    expect(res.status).toBe(200);
    const health: EntityWorkloadHealth = res.body;
    expect(health).toMatchObject({
      entityRef: 'component:default/task-runner',
      serviceId: 'task-runner',
      namespace: 'task-runner',
      status: 'degraded',
    });
    expect(health.clusters.map(c => [c.name, c.health?.status])).toEqual([
      [DEVELOPMENT, 'healthy'],
      [STAGING, 'healthy'],
      [PRODUCTION, 'degraded'],
    ]);
    const production = health.clusters.find(c => c.name === PRODUCTION)!;
    expect(production.health!.failingPods.map(p => p.reason)).toEqual([
      'CrashLoopBackOff',
    ]);
    expect(production.health!.ready).toBe(3);
  });

  it('reads every page of a LIST when the clusters paginate', async () => {
    const { server } = await start({ clusters: proxies.clusters, pageSize: 2 });
    const res = await request(server).get(
      '/api/clusters/entities/component/default/orchestrator-api/health',
    );
    const production = (res.body as EntityWorkloadHealth).clusters.find(
      c => c.name === PRODUCTION,
    )!;
    // 6 Deployment pods and 2 canary pods: listed in pages of 2.
    expect(production.health).toMatchObject({ ready: 8, desired: 8 });
    expect(
      proxies.seen.filter(
        r =>
          r.cluster === PRODUCTION &&
          r.path.includes('/pods?') &&
          r.path.includes('continue='),
      ).length,
    ).toBeGreaterThan(3);
  });

  it('answers 400 for a malformed entity and 404 for an unknown one', async () => {
    const { server } = await start({ clusters: proxies.clusters });
    const bad = await request(server).get(
      '/api/clusters/entities/component/default/bad%20name!/health',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(
      /^Invalid entity: name: must be letters and digits/,
    );
    const badKind = await request(server).get(
      '/api/clusters/entities/comp-onent/default/x/health',
    );
    expect(badKind.status).toBe(400);
    expect(badKind.body.error.message).toMatch(/kind: must be an entity kind/);
    const missing = await request(server).get(
      '/api/clusters/entities/component/default/no-such-service/health',
    );
    expect(missing.status).toBe(404);
    const badQuery = await request(server).get(
      '/api/clusters/dashboard?environment=Prod!',
    );
    expect(badQuery.status).toBe(400);
    expect(badQuery.body.error.message).toMatch(
      /environment: must be lower-case/,
    );
  });
});

describe('clusters held in memory by watches', () => {
  /** LISTs and WATCHes of one cluster and type since the last reset. */
  const requestsFor = (cluster: string, plural: string) => ({
    lists: proxies.listsStarted(
      r => r.cluster === cluster && r.path.includes(`/${plural}?`),
    ).length,
    watches: proxies.watchesStarted(
      r => r.cluster === cluster && r.path.includes(`/${plural}?`),
    ).length,
  });

  it('answers many concurrent viewers with one LIST and one WATCH per cluster and object type', async () => {
    const { server } = await start({ clusters: proxies.clusters });
    const answers = await Promise.all([
      ...Array.from({ length: 8 }, () =>
        request(server).get('/api/clusters/dashboard'),
      ),
      ...[
        'orchestrator-api',
        'operator-console',
        'task-runner',
        'knowledge-store',
      ].map(name =>
        request(server).get(
          `/api/clusters/entities/component/default/${name}/health`,
        ),
      ),
    ]);
    expect(answers.map(a => a.status)).toEqual(Array(12).fill(200));

    const lists = proxies.listsStarted();
    expect(lists).toHaveLength(sim.clusters.length * PLURALS.length);
    for (const cluster of sim.clusters) {
      for (const plural of PLURALS) {
        const matching = lists.filter(
          r =>
            r.cluster === cluster.name &&
            r.path.includes(`/${plural}?`) &&
            // Only workloads that belong to a service, across all namespaces.
            r.path.includes('labelSelector=backstage.io%2Fkubernetes-id') &&
            !r.path.includes('/namespaces/'),
        );
        expect(matching).toHaveLength(1);
      }
    }
    await waitUntil(
      () => proxies.watchesStarted().length === 15,
      'every type of every cluster is watched',
    );
    for (const watch of proxies.watchesStarted()) {
      // From the listing's version, with bookmarks, the same selection.
      expect(watch.path).toMatch(/[?&]resourceVersion=\d+/);
      expect(watch.path).toContain('allowWatchBookmarks=true');
      expect(watch.path).toContain(
        'labelSelector=backstage.io%2Fkubernetes-id',
      );
    }

    // Later viewers are answered from memory.
    await request(server).get('/api/clusters/dashboard');
    expect(proxies.listsStarted()).toHaveLength(15);
    expect(proxies.watchesStarted()).toHaveLength(15);
  });

  it('shows an object changed on the cluster without another LIST', async () => {
    const { server } = await start({ clusters: proxies.clusters });
    const health = () =>
      request(server).get(
        '/api/clusters/entities/component/default/operator-console/health',
      );
    const production = (b: any) =>
      b.clusters.find((c: any) => c.name === PRODUCTION).health;
    const before = await health();
    expect(production(before.body)).toMatchObject({ ready: 3, desired: 3 });
    const pod = sim
      .state(PRODUCTION)
      .objects('Pod', 'operator-console')
      .find(p => p.status && (p.status as any).phase === 'Running')!;
    await waitUntil(
      () => requestsFor(PRODUCTION, 'pods').watches === 1,
      'production pods are watched',
    );
    sim.crash(PRODUCTION, 'operator-console', pod.metadata.name);
    try {
      const after = (
        await pollUntil(
          health,
          res => production(res.body).failingPods.length > 0,
          'the crash shows',
        )
      ).body;
      expect(production(after).failingPods).toEqual([
        expect.objectContaining({
          name: pod.metadata.name,
          reason: 'CrashLoopBackOff',
        }),
      ]);
      expect(after.status).toBe('degraded');
      // Still the one LIST and the one WATCH of each type.
      for (const plural of PLURALS)
        expect(requestsFor(PRODUCTION, plural)).toEqual({
          lists: 1,
          watches: 1,
        });
    } finally {
      sim.recover(PRODUCTION, 'operator-console', pod.metadata.name);
    }
  });

  it('makes no Kubernetes API request for 100 concurrent viewers in the steady state', async () => {
    const { server } = await start({ clusters: proxies.clusters });
    await request(server).get('/api/clusters/dashboard');
    await waitUntil(
      () => proxies.watchesStarted().length === 15,
      'every type of every cluster is watched',
    );
    proxies.reset();
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        request(server).get(
          i % 2
            ? '/api/clusters/dashboard'
            : '/api/clusters/entities/component/default/task-runner/health',
        ),
      ),
    );
    expect(answers.map(a => a.status)).toEqual(Array(100).fill(200));
    expect(
      serviceOn(clusterOf(answers[1].body, PRODUCTION), 'task-runner')
        .failingPods,
    ).toHaveLength(1);
    expect(proxies.seen).toEqual([]);
  });

  it('lists a type exactly once more when its resourceVersion is gone (410), and the answer stays right', async () => {
    const { server } = await start({ clusters: proxies.clusters });
    const health = async () =>
      (
        await request(server).get(
          '/api/clusters/entities/component/default/operator-console/health',
        )
      ).body.clusters.find((c: any) => c.name === PRODUCTION);
    await health();
    await waitUntil(
      () => proxies.watchesStarted().length === 15,
      'every type of every cluster is watched',
    );
    // Production drops out; meanwhile a pod crashes and the history the
    // watches would resume from is compacted away.
    await sim.setFault(PRODUCTION, 'down');
    const pod = sim
      .state(PRODUCTION)
      .objects('Pod', 'operator-console')
      .find(p => (p.status as any)?.phase === 'Running')!;
    sim.crash(PRODUCTION, 'operator-console', pod.metadata.name);
    sim.compact(PRODUCTION);
    proxies.reset();
    await sim.setFault(PRODUCTION, null);
    try {
      await waitUntil(
        () =>
          PLURALS.every(p => requestsFor(PRODUCTION, p).watches >= 2) &&
          proxies.listsStarted(r => r.cluster === PRODUCTION).length === 5,
        'production resumed (410), listed again and watches again',
      );
      const answer = await pollUntil(
        health,
        a => a?.health?.failingPods?.length === 1,
        'the crash shows',
      );
      expect(answer).toMatchObject({ status: 'ok', error: null });
      expect(answer.health.failingPods[0]).toMatchObject({
        name: pod.metadata.name,
        reason: 'CrashLoopBackOff',
      });
      // Exactly one LIST per type; no more once it resumed from the new listing.
      for (const plural of PLURALS)
        expect(requestsFor(PRODUCTION, plural)).toMatchObject({ lists: 1 });
      // The other clusters were not touched.
      expect(proxies.listsStarted(r => r.cluster !== PRODUCTION)).toEqual([]);
    } finally {
      sim.recover(PRODUCTION, 'operator-console', pod.metadata.name);
    }
  });

  it('reports a cluster that goes down with its error and last sync while the others answer, and shows it again once it is back', async () => {
    const { server } = await start({
      clusters: sim.clusters,
      retry: { initialDelayMs: 20, maxDelayMs: 100, failuresBeforeDown: 2 },
    });
    const dashboard = async (): Promise<SreDashboard> =>
      (await request(server).get('/api/clusters/dashboard')).body;
    expect(clusterOf(await dashboard(), DEVELOPMENT).status).toBe('ok');

    await sim.setFault(DEVELOPMENT, 'down');
    const down = await pollUntil(
      dashboard,
      d => clusterOf(d, DEVELOPMENT).status === 'error',
      'development is reported down',
    );
    expect(clusterOf(down, DEVELOPMENT)).toMatchObject({
      status: 'error',
      fetchedAt: null,
      services: [],
      error: {
        kind: 'unreachable',
        message: expect.stringMatching(
          /^unreachable \(ECONNREFUSED\); last synced \d+ (ms|s) ago$/,
        ),
      },
    });
    expect(clusterOf(down, PRODUCTION).status).toBe('ok');
    expect(clusterOf(down, STAGING).totals.services).toBe(4);

    // Changed while it was down: seen once it is back.
    const pod = sim
      .state(DEVELOPMENT)
      .objects('Pod', 'operator-console')
      .find(p => (p.status as any)?.phase === 'Running')!;
    sim.crash(DEVELOPMENT, 'operator-console', pod.metadata.name);
    await sim.setFault(DEVELOPMENT, null);
    try {
      const back = await pollUntil(
        dashboard,
        d =>
          clusterOf(d, DEVELOPMENT).status === 'ok' &&
          serviceOn(clusterOf(d, DEVELOPMENT), 'operator-console').failingPods
            .length === 1,
        'development is back, with the crash',
      );
      expect(clusterOf(back, DEVELOPMENT).error).toBeNull();
    } finally {
      sim.recover(DEVELOPMENT, 'operator-console', pod.metadata.name);
    }
  });
});

/**
 * The timeout in the tests where something hangs: the request waits that
 * long, and the healthy clusters must answer within it, however slow the
 * machine; so it is generous.
 */
const HANG_TIMEOUT_MS = 5_000;

describe('a cluster that does not answer', () => {
  it('ends in its timeout error and leaves the other clusters shown', async () => {
    const timeoutMs = HANG_TIMEOUT_MS;
    await sim.setFault(STAGING, 'hang');
    const { server } = await start({
      clusters: proxies.clusters,
      timeoutMs,
      // No retry during the test: what the next viewer waits for is seen.
      retry: {
        initialDelayMs: 600_000,
        maxDelayMs: 600_000,
        failuresBeforeDown: 1,
      },
    });

    // The hanging cluster never answers: that the dashboard answers at all
    // shows the timeout fired. How long it took: bench/clusters.bench.ts.
    const res = await request(server).get('/api/clusters/dashboard');
    expect(res.status).toBe(200);

    const staging = clusterOf(res.body, STAGING);
    expect(staging).toMatchObject({
      status: 'error',
      environment: 'staging',
      error: {
        kind: 'timeout',
        message: `did not answer within ${timeoutMs} ms`,
      },
      services: [],
    });
    expect(clusterOf(res.body, PRODUCTION).status).toBe('ok');
    expect(
      serviceOn(clusterOf(res.body, PRODUCTION), 'task-runner').failingPods,
    ).toHaveLength(1);
    expect(clusterOf(res.body, DEVELOPMENT).totals.services).toBe(4);

    // The failure is the cluster's state: the next viewers get it without
    // a LIST of their own (retries follow the back-off schedule only).
    const stagingLists = () =>
      proxies.listsStarted(r => r.cluster === STAGING).length;
    const listedBefore = stagingLists();
    const entity = await request(server).get(
      '/api/clusters/entities/component/default/operator-console/health',
    );
    expect(stagingLists()).toBe(listedBefore);
    expect(
      entity.body.clusters.find((c: any) => c.name === STAGING),
    ).toMatchObject({
      status: 'error',
      health: null,
      error: { kind: 'timeout' },
    });
    expect(
      entity.body.clusters.find((c: any) => c.name === PRODUCTION).health,
    ).toMatchObject({ ready: 3, desired: 3 });
  });

  it('reports a cluster that refuses connections or fails as unreachable or erroring', async () => {
    await sim.setFault(DEVELOPMENT, 'down');
    await sim.setFault(STAGING, 'error5xx:503');
    const { server } = await start({ clusters: sim.clusters });
    const res = await request(server).get('/api/clusters/dashboard');
    expect(clusterOf(res.body, DEVELOPMENT).error).toEqual({
      kind: 'unreachable',
      message: 'unreachable (ECONNREFUSED)',
    });
    expect(clusterOf(res.body, STAGING).error).toMatchObject({ kind: 'http' });
    expect(clusterOf(res.body, STAGING).error!.message).toMatch(/^503: /);
    expect(clusterOf(res.body, PRODUCTION).status).toBe('ok');
  });

  it('ends approvals or cost that do not answer in a timeout error too', async () => {
    const { server } = await start({
      clusters: proxies.clusters,
      timeoutMs: HANG_TIMEOUT_MS,
      hangingSources: true,
    });
    // The stand-ins never answer: that the dashboard answers at all shows
    // the timeout fired. How long it took: bench/timeouts.bench.ts.
    const res = await request(server).get('/api/clusters/dashboard');
    expect(res.status).toBe(200);
    expect(res.body.sources).toEqual({
      approvals: { status: 'error', message: expect.stringMatching(/timeout/) },
      cost: { status: 'error', message: expect.stringMatching(/timeout/) },
    });
    expect(clusterOf(res.body, PRODUCTION).totals.failingPods).toBe(1);
    expect(res.body.environments[0].pendingChanges).toEqual([]);
  });
});

describe('access', () => {
  it('needs a signed-in user or a service, and the permission', async () => {
    const { server } = await start({ clusters: proxies.clusters });
    const anonymous = await request(server)
      .get('/api/clusters/dashboard')
      .set('authorization', mockCredentials.none.header());
    expect(anonymous.status).toBe(401);
    const service = await request(server)
      .get('/api/clusters/entities/component/default/task-runner/health')
      .set('authorization', mockCredentials.service.header());
    expect(service.status).toBe(200);

    const denied = await start({ clusters: proxies.clusters, deny: true });
    const res = await request(denied.server).get('/api/clusters/dashboard');
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe('You may not see workload health');
    const entity = await request(denied.server).get(
      '/api/clusters/entities/component/default/task-runner/health',
    );
    expect(entity.status).toBe(403);
  });
});

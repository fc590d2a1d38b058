/*
 * Benchmark: workload health through the cluster simulator (a simulator, not
 * Kubernetes), one JSON line per measured figure.
 *
 *   ./gatehouse bench clusters
 *   CLUSTERS_BENCH_LARGE=1 ./gatehouse bench clusters   (also 5 clusters x 10,000 pods)
 *
 * (a) The workloads of one service (orchestrator-api) across 3 clusters of
 *     2,000 pods each, side by side from one run:
 *     - stock: Backstage's Kubernetes backend with its default settings (every
 *       default object type plus the Rollouts custom resource, every cluster),
 *       asked the way its Kubernetes tab asks (POST /services/:id);
 *     - stock-trimmed-types: the same plugin with Gatehouse's objectTypes
 *       (read from app-config.yaml);
 *     - gatehouse (warm): the clusters backend's /entities/.../health once its
 *       watches hold every cluster (the steady state);
 *     - gatehouse-cold-start: the first request after the backend started
 *       (it waits for the initial LISTs);
 *     - gatehouse-after-reconnect: the first request once a cluster that
 *       was down answers again, and how long until it is shown again.
 * (b) The SRE dashboard with 50 services on 3 clusters: first request after
 *     start, and warm.
 * (c) The latency of a dashboard request while one cluster hangs, against the
 *     configured per-cluster timeout; the Kubernetes tab's request with
 *     Gatehouse's cluster-timeout module, and without it (stock).
 * (d) Kubernetes API requests per minute in the steady state with 100 open
 *     pages refreshing every 15 s (as the dashboard and the entity card do),
 *     counted at a proxy in front of the clusters: stock (100 Kubernetes tabs)
 *     against Gatehouse (50 dashboards and 50 entity cards).
 * (e) Memory: heap bytes per pod held by the watch cache (trimmed objects),
 *     against whole pods as the API sends them.
 *
 * Approvals and cost are stand-ins answering fixed data (their own
 * benchmarks measure them), so (b) measures the cluster side of the dashboard.
 */
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import kubernetesPlugin from '@backstage/plugin-kubernetes-backend';
import clusterTimeoutModule from '@gatehouse/plugin-kubernetes-backend-module-cluster-timeout';
import {
  appConfigFor,
  createClusterState,
  EXAMPLE_SERVICES,
  startClusterSimulator,
} from '@gatehouse/cluster-simulator';
import { readFileSync } from 'node:fs';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { startCountingProxies } from '../src/__testUtils__/countingProxy';
import { exampleEntities } from '../src/__testUtils__/exampleCatalog';
import { startClustersBackend } from '../src/__testUtils__/startClustersBackend';
import { ClusterObjects } from '../src/watch/ClusterObjects';
import { trimObject } from '../src/watch/trimObject';

const PODS_PER_CLUSTER = 2000;
const RUNS = 30;
const HANG_RUNS = 5;
/** Backends started to time a first request. */
const COLD_RUNS = 8;
const RECONNECT_RUNS = 5;
/** How often the SRE dashboard and the entity card refresh. */
const REFRESH_MS = 15_000;
const MEMORY_PODS = 10_000;
const TIMEOUT_MS = 1000;
const STOCK_HANG_CAP_MS = 15_000;
const SERVICE = 'orchestrator-api';

const report = (figure: Record<string, unknown>) =>
  process.stdout.write(`${JSON.stringify({ bench: 'clusters', ...figure })}\n`);
const progress = (message: string) =>
  process.stderr.write(`[clusters bench] ${message}\n`);

function percentile(samples: number[], p: number) {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[
    Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  ];
}

const round = (ms: number) => Math.round(ms * 10) / 10;

async function timed<T>(fn: () => Promise<T>) {
  const start = process.hrtime.bigint();
  const value = await fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

/** Runs fn `runs` times after `warmups` uncounted runs; p50/p95/max in ms. */
async function measure(runs: number, fn: () => Promise<unknown>, warmups = 2) {
  for (let i = 0; i < warmups; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push((await timed(fn)).ms);
  return {
    p50_ms: round(percentile(samples, 50)),
    p95_ms: round(percentile(samples, 95)),
    max_ms: round(Math.max(...samples)),
    runs,
  };
}

const baseUrl = (server: { address(): unknown }) =>
  `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

async function getJson(url: string, init?: RequestInit) {
  const response = await fetch(url, init);
  if (!response.ok)
    throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return response.json();
}

function component(name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: {
        'backstage.io/kubernetes-id': name,
        'backstage.io/kubernetes-namespace': name,
      },
    },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-agents' },
  };
}

/** Gatehouse's Kubernetes tab settings, as committed. */
function gatehouseObjectTypes(): string[] {
  const config = parse(
    readFileSync(resolve(__dirname, '../../../app-config.yaml'), 'utf8'),
  );
  return config.kubernetes.objectTypes;
}

async function startStockKubernetes(
  clusters: Array<{ name: string; url: string }>,
  objectTypes?: string[],
  /** With Gatehouse's per-cluster timeout module. */
  timeoutMs?: number,
) {
  const config = appConfigFor(clusters);
  return startTestBackend({
    features: [
      kubernetesPlugin,
      ...(timeoutMs ? [clusterTimeoutModule] : []),
      catalogServiceMock.factory({ entities: [component(SERVICE)] }),
      mockServices.rootConfig.factory({
        data: {
          kubernetes: {
            ...config.kubernetes,
            ...(objectTypes && { objectTypes }),
          },
          ...(timeoutMs && {
            gatehouse: { clusters: { timeout: { milliseconds: timeoutMs } } },
          }),
        },
      }),
      mockServices.rootLogger.factory({ level: 'error' }),
    ],
  });
}

/** What the Kubernetes tab asks the stock backend for one service. */
const stockWorkloads = (server: { address(): unknown }) => () =>
  getJson(`${baseUrl(server)}/api/kubernetes/services/${SERVICE}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ entity: component(SERVICE) }),
  });

/** Starts a Gatehouse backend and times its first answer (it waits for the initial LISTs). */
async function firstAnswerAfterStart(
  options: Parameters<typeof startClustersBackend>[0],
  path: string,
  runs: number,
) {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = await startClustersBackend(options);
    try {
      samples.push(
        (await timed(() => getJson(`${baseUrl(started.server)}${path}`))).ms,
      );
    } finally {
      await started.backend.stop();
    }
  }
  return summarize(samples);
}

function summarize(samples: number[]) {
  return {
    p50_ms: round(percentile(samples, 50)),
    p95_ms: round(percentile(samples, 95)),
    max_ms: round(Math.max(...samples)),
    runs: samples.length,
  };
}

/** Asks until `done` holds; how long that took. */
async function timeUntil(ask: () => Promise<any>, done: (a: any) => boolean) {
  const start = process.hrtime.bigint();
  for (;;) {
    if (done(await ask())) return Number(process.hrtime.bigint() - start) / 1e6;
    await new Promise(wake => setTimeout(wake, 5));
  }
}

async function workloadsOfOneService(
  clusterCount: number,
  podsPerCluster: number,
) {
  progress(`starting ${clusterCount} clusters of ${podsPerCluster} pods`);
  const names = ['development', 'staging', 'production', 'qa', 'sandbox'];
  const sim = await startClusterSimulator({
    portBase: 0,
    podsPerCluster,
    clusters: names.slice(0, clusterCount).map(environment => ({
      name: `eks-${environment}-use1`,
      environment:
        environment === 'qa' || environment === 'sandbox'
          ? 'development'
          : (environment as 'development' | 'staging' | 'production'),
    })),
  });
  const proxies = await startCountingProxies(sim.clusters);
  const pods = sim.clusters.map(c => sim.state(c.name).objects('Pod').length);
  const backends: Array<{ stop(): Promise<void> }> = [];
  const path = `/api/clusters/entities/component/default/${SERVICE}/health`;
  const shape = { clusters: sim.clusters.length, pods_per_cluster: pods };
  try {
    const stock = await startStockKubernetes(proxies.clusters);
    const trimmed = await startStockKubernetes(
      proxies.clusters,
      gatehouseObjectTypes(),
    );
    // Gatehouse's defaults (watches from plugin start).
    const gatehouse = await startClustersBackend({
      clusters: proxies.clusters,
      timeoutMs: 30_000,
      retry: {
        initialDelayMs: 1000,
        maxDelayMs: 60_000,
        failuresBeforeDown: 3,
      },
    });
    backends.push(stock, trimmed, gatehouse.backend);
    const health = () => getJson(`${baseUrl(gatehouse.server)}${path}`);

    const results: Record<string, ReturnType<typeof summarize>> = {};
    for (const [setting, fn] of [
      ['stock', stockWorkloads(stock.server)],
      ['stock-trimmed-types', stockWorkloads(trimmed.server)],
      ['gatehouse', health],
    ] as Array<[string, () => Promise<unknown>]>) {
      progress(`(a) ${setting}`);
      // Requests to the Kubernetes API per workloads query, counted at the proxy.
      await fn();
      proxies.reset();
      await fn();
      const apiRequests = proxies.seen.length;
      results[setting] = await measure(RUNS, fn);
      report({
        figure: 'workloads-one-service',
        setting,
        ...shape,
        kubernetes_api_requests_per_query: apiRequests,
        ...results[setting],
      });
    }

    progress('(a) gatehouse, first request after start');
    results['gatehouse-cold-start'] = await firstAnswerAfterStart(
      { clusters: proxies.clusters, timeoutMs: 30_000 },
      path,
      COLD_RUNS,
    );
    report({
      figure: 'workloads-one-service',
      setting: 'gatehouse-cold-start',
      ...shape,
      note: 'first request after the backend started: waits for the initial LIST of every cluster and type',
      ...results['gatehouse-cold-start'],
    });

    progress('(a) gatehouse, first request after a cluster reconnects');
    const down = sim.clusters.at(-1)!.name;
    const firstAfter: number[] = [];
    const untilShown: number[] = [];
    // Short retries, so the reconnect is measured rather than the back-off.
    const reconnecting = await startClustersBackend({
      clusters: proxies.clusters,
      timeoutMs: 30_000,
      retry: { initialDelayMs: 50, maxDelayMs: 200, failuresBeforeDown: 2 },
    });
    backends.push(reconnecting.backend);
    const ask = () => getJson(`${baseUrl(reconnecting.server)}${path}`);
    const statusOf = (a: any) =>
      a.clusters.find((c: any) => c.name === down).status;
    await ask();
    for (let i = 0; i < RECONNECT_RUNS; i++) {
      await sim.setFault(down, 'down');
      await timeUntil(ask, a => statusOf(a) === 'error');
      await sim.setFault(down, null);
      firstAfter.push((await timed(ask)).ms);
      untilShown.push(await timeUntil(ask, a => statusOf(a) === 'ok'));
    }
    report({
      figure: 'workloads-one-service',
      setting: 'gatehouse-after-reconnect',
      ...shape,
      retry_initial_delay_ms: 50,
      first_request: summarize(firstAfter),
      until_cluster_shown_again: summarize(untilShown),
      note: 'the first request is answered from memory (the cluster still shown with its error); the watches resume from their versions',
    });

    for (const setting of [
      'stock-trimmed-types',
      'gatehouse',
      'gatehouse-cold-start',
    ]) {
      report({
        figure: 'workloads-one-service-speedup',
        setting,
        versus: 'stock',
        ...shape,
        p50_ratio:
          Math.round((results.stock.p50_ms / results[setting].p50_ms) * 10) /
          10,
        p95_ratio:
          Math.round((results.stock.p95_ms / results[setting].p95_ms) * 10) /
          10,
        goal: 'gatehouse at least 5x faster than stock',
      });
    }

    if (clusterCount === 3) {
      await steadyStateApiRequests(proxies, stock.server, gatehouse.server);
    }
  } finally {
    await Promise.all(backends.map(b => b.stop()));
    await proxies.stop();
    await sim.stop();
  }
}

/** (d) 100 pages open, each refreshing every REFRESH_MS, for one period. */
async function steadyStateApiRequests(
  proxies: Awaited<ReturnType<typeof startCountingProxies>>,
  stockServer: { address(): unknown },
  gatehouseServer: { address(): unknown },
) {
  const pages = 100;
  const variants: Array<[string, (page: number) => Promise<unknown>]> = [
    ['stock', () => stockWorkloads(stockServer)()],
    [
      'gatehouse',
      page =>
        getJson(
          `${baseUrl(gatehouseServer)}${
            page % 2
              ? '/api/clusters/dashboard'
              : `/api/clusters/entities/component/default/${SERVICE}/health`
          }`,
        ),
    ],
  ];
  for (const [setting, refresh] of variants) {
    progress(`(d) ${pages} open pages, ${setting}`);
    proxies.reset();
    const start = Date.now();
    // Pages refresh at staggered times across the period, as real ones do.
    await Promise.all(
      Array.from({ length: pages }, async (_, page) => {
        await new Promise(r => setTimeout(r, (page * REFRESH_MS) / pages));
        await refresh(page);
      }),
    );
    await new Promise(r =>
      setTimeout(r, Math.max(0, REFRESH_MS - (Date.now() - start))),
    );
    const windowMs = Date.now() - start;
    const watches = proxies.watchesStarted().length;
    report({
      figure: 'steady-state-api-requests',
      setting,
      open_pages: pages,
      page_refresh_ms: REFRESH_MS,
      window_ms: windowMs,
      kubernetes_api_requests: proxies.seen.length,
      of_which_watches: watches,
      kubernetes_api_requests_per_minute: Math.round(
        (proxies.seen.length * 60_000) / windowMs,
      ),
    });
  }
}

async function dashboardWithFiftyServices() {
  const benchServices = 50 - EXAMPLE_SERVICES.length;
  const sim = await startClusterSimulator({
    portBase: 0,
    // The examples plus 46 synthetic services of 20 pods each.
    podsPerCluster: 20 * benchServices + 19,
    benchServices,
  });
  // The simulator names them bench-svc-001, bench-svc-002, ...
  const width = Math.max(3, String(benchServices).length);
  const entities = [
    ...exampleEntities(),
    ...Array.from({ length: benchServices }, (_, i) =>
      component(`bench-svc-${String(i + 1).padStart(width, '0')}`),
    ),
  ];
  const warm = await startClustersBackend({
    clusters: sim.clusters,
    entities,
    timeoutMs: 30_000,
  });
  try {
    const dashboard = () =>
      getJson(`${baseUrl(warm.server)}/api/clusters/dashboard`);
    const sample = (await dashboard()) as any;
    const services = new Set(
      sample.environments.flatMap((e: any) =>
        e.clusters.flatMap((c: any) => c.services.map((s: any) => s.serviceId)),
      ),
    ).size;
    const linked = sample.environments
      .flatMap((e: any) => e.clusters.flatMap((c: any) => c.services))
      .filter((s: any) => s.entityRef).length;
    const shape = {
      services,
      service_cluster_pairs_linked_to_catalog: linked,
      clusters: sim.clusters.length,
      pods_per_cluster: sim.clusters.map(
        c => sim.state(c.name).objects('Pod').length,
      ),
    };
    progress('(b) dashboard, warm');
    report({
      figure: 'dashboard-load',
      cache: 'warm',
      ...shape,
      ...(await measure(RUNS, dashboard)),
    });
    progress('(b) dashboard, first request after start');
    report({
      figure: 'dashboard-load',
      cache: 'cold-start',
      ...shape,
      ...(await firstAnswerAfterStart(
        { clusters: sim.clusters, entities, timeoutMs: 30_000 },
        '/api/clusters/dashboard',
        COLD_RUNS,
      )),
    });
  } finally {
    await warm.backend.stop();
    await sim.stop();
  }
}

async function oneClusterHanging() {
  const sim = await startClusterSimulator({ portBase: 0 });
  const backends: Array<{ stop(): Promise<void> }> = [];
  try {
    await sim.setFault('eks-staging-use1', 'hang');
    const gatehouse = await startClustersBackend({
      clusters: sim.clusters,
      timeoutMs: TIMEOUT_MS,
      retry: {
        initialDelayMs: 1000,
        maxDelayMs: 60_000,
        failuresBeforeDown: 3,
      },
    });
    const stock = await startStockKubernetes(sim.clusters);
    const stockWithTimeout = await startStockKubernetes(
      sim.clusters,
      gatehouseObjectTypes(),
      TIMEOUT_MS,
    );
    backends.push(gatehouse.backend, stock, stockWithTimeout);
    progress('(c) dashboard with eks-staging-use1 hanging');
    const dashboard = () =>
      getJson(`${baseUrl(gatehouse.server)}/api/clusters/dashboard`);
    const first = await timed(dashboard);
    const clusters = (first.value as any).environments.flatMap(
      (e: any) => e.clusters,
    );
    report({
      figure: 'request-while-one-cluster-hangs',
      setting: 'gatehouse-first-request',
      timeout_ms: TIMEOUT_MS,
      waited_ms: round(first.ms),
      over_timeout_ms: round(first.ms - TIMEOUT_MS),
      clusters_answered: clusters.filter((c: any) => c.status === 'ok').length,
      hanging_cluster_error: clusters.find((c: any) => c.status === 'error')
        ?.error,
    });
    report({
      figure: 'request-while-one-cluster-hangs',
      setting: 'gatehouse',
      timeout_ms: TIMEOUT_MS,
      ...(await measure(RUNS, dashboard, 0)),
      note: 'after the first: the hanging cluster is answered with its error from memory, and retried in the background',
    });

    progress('(c) Kubernetes tab with the cluster-timeout module');
    let tab: any;
    const tabLatency = await measure(
      HANG_RUNS,
      async () => {
        tab = await stockWorkloads(stockWithTimeout.server)();
      },
      1,
    );
    report({
      figure: 'request-while-one-cluster-hangs',
      setting: 'stock-with-cluster-timeout-module',
      timeout_ms: TIMEOUT_MS,
      ...tabLatency,
      max_over_timeout_ms: round(tabLatency.max_ms - TIMEOUT_MS),
      clusters_in_answer: tab.items.map((item: any) => ({
        cluster: item.cluster.name,
        errors: item.errors.map((e: any) => e.message ?? e.errorType),
      })),
    });

    progress('(c) stock Kubernetes backend with eks-staging-use1 hanging');
    const stockAnswer = await timed(() =>
      Promise.race([
        stockWorkloads(stock.server)().then(() => 'answered'),
        new Promise(giveUp =>
          setTimeout(() => giveUp('no answer'), STOCK_HANG_CAP_MS),
        ),
      ]),
    );
    report({
      figure: 'request-while-one-cluster-hangs',
      setting: 'stock',
      outcome: stockAnswer.value,
      waited_ms: round(stockAnswer.ms),
      gave_up_after_ms: STOCK_HANG_CAP_MS,
    });
  } finally {
    await sim.setFault('eks-staging-use1', null);
    await Promise.all(backends.map(b => b.stop()));
    await sim.stop();
  }
}

/** (e) Heap held per pod: whole pods as parsed from the API, and as the watch cache keeps them. */
async function memoryPerPod() {
  progress('(e) memory per pod');
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const heap = () => {
    gc();
    gc();
    return getHeapStatistics().used_heap_size;
  };
  const state = createClusterState({
    environment: 'production',
    podsPerCluster: MEMORY_PODS,
  });
  // As they come off the wire: JSON text, parsed.
  const wire = state.objects('Pod').map(p => JSON.stringify(p));
  const pods = wire.length;

  let before = heap();
  let whole: unknown[] | undefined = wire.map(text => JSON.parse(text));
  const wholeBytes = heap() - before;
  const wholeCount = whole.length;
  whole = undefined;

  before = heap();
  let cache: ClusterObjects | undefined = new ClusterObjects();
  cache.replace(
    'pods',
    wire.map(text => trimObject('pods', JSON.parse(text))),
  );
  cache.byService();
  const trimmedBytes = heap() - before;
  const held = cache.count('pods');
  cache = undefined;

  report({
    figure: 'memory-per-pod',
    pods,
    whole_pod_bytes: Math.round(wholeBytes / wholeCount),
    watch_cache_bytes_per_pod: Math.round(trimmedBytes / held),
    wire_json_bytes_per_pod: Math.round(
      wire.reduce((sum, text) => sum + text.length, 0) / pods,
    ),
    note: 'V8 heap used (after gc) per pod: whole parsed pods, and the trimmed pods plus the by-service grouping the cache holds',
  });
}

async function main() {
  await memoryPerPod();
  await workloadsOfOneService(3, PODS_PER_CLUSTER);
  await dashboardWithFiftyServices();
  await oneClusterHanging();
  if (process.env.CLUSTERS_BENCH_LARGE) await workloadsOfOneService(5, 10_000);
}

main().then(
  () => process.exit(0),
  error => {
    process.stderr.write(`${error?.stack ?? error}\n`);
    process.exit(1);
  },
);

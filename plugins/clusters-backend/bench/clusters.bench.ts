/*
 * Benchmark: workload health through the cluster simulator (a simulator, not
 * Kubernetes), one JSON line per measured figure.
 *
 *   ./gatehouse bench clusters
 *
 * (a) The workloads of one service (orchestrator-api) across 3 clusters of
 *     2,000 pods each, side by side from one run:
 *     - stock: Backstage's Kubernetes backend with its default settings (every
 *       default object type plus the Rollouts custom resource, every cluster),
 *       asked the way its Kubernetes tab asks (POST /services/:id);
 *     - stock-trimmed-types: the same plugin with Gatehouse's objectTypes
 *       (read from app-config.yaml);
 *     - gatehouse: the clusters backend's /entities/.../health with its
 *       defaults: listings shared by every viewer for 5 s and renewed in the
 *       background while anyone looks (the steady state);
 *     - gatehouse-cold: the same with nothing cached (every request lists
 *       all five types cluster-wide: what the first viewer after a quiet
 *       minute waits for).
 * (b) The SRE dashboard's load time with 50 services on 3 clusters, cold and warm.
 * (c) The latency of a dashboard request while one cluster hangs, against the
 *     configured per-cluster timeout: every request listing afresh (the worst
 *     case), and with Gatehouse's shared listings; the Kubernetes tab's
 *     request with Gatehouse's cluster-timeout module, and without it (stock).
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
  EXAMPLE_SERVICES,
  startClusterSimulator,
} from '@gatehouse/cluster-simulator';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { startCountingProxies } from '../src/__testUtils__/countingProxy';
import { exampleEntities } from '../src/__testUtils__/exampleCatalog';
import { startClustersBackend } from '../src/__testUtils__/startClustersBackend';

const PODS_PER_CLUSTER = 2000;
const RUNS = 30;
const HANG_RUNS = 5;
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

async function workloadsOfOneService() {
  progress(`starting 3 clusters of ${PODS_PER_CLUSTER} pods`);
  const sim = await startClusterSimulator({
    portBase: 0,
    podsPerCluster: PODS_PER_CLUSTER,
  });
  const proxies = await startCountingProxies(sim.clusters);
  const pods = sim.clusters.map(c => sim.state(c.name).objects('Pod').length);
  const backends: Array<{ stop(): Promise<void> }> = [];
  try {
    const stock = await startStockKubernetes(proxies.clusters);
    const trimmed = await startStockKubernetes(
      proxies.clusters,
      gatehouseObjectTypes(),
    );
    // Gatehouse's defaults: listings shared for 5 s and renewed in the background while viewed.
    const warm = await startClustersBackend({
      clusters: proxies.clusters,
      keepWarmMs: 60_000,
    });
    const cold = await startClustersBackend({
      clusters: proxies.clusters,
      cacheTtlMs: 1,
    });
    backends.push(stock, trimmed, warm.backend, cold.backend);
    const health = (server: { address(): unknown }) => () =>
      getJson(
        `${baseUrl(
          server,
        )}/api/clusters/entities/component/default/${SERVICE}/health`,
      );

    const variants: Array<[string, () => Promise<unknown>]> = [
      ['stock', stockWorkloads(stock.server)],
      ['stock-trimmed-types', stockWorkloads(trimmed.server)],
      ['gatehouse', health(warm.server)],
      ['gatehouse-cold', health(cold.server)],
    ];
    const results: Record<string, Awaited<ReturnType<typeof measure>>> = {};
    for (const [setting, fn] of variants) {
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
        clusters: sim.clusters.length,
        pods_per_cluster: pods,
        kubernetes_api_requests_per_query: apiRequests,
        ...results[setting],
      });
    }
    for (const setting of [
      'stock-trimmed-types',
      'gatehouse',
      'gatehouse-cold',
    ]) {
      report({
        figure: 'workloads-one-service-speedup',
        setting,
        versus: 'stock',
        p50_ratio:
          Math.round((results.stock.p50_ms / results[setting].p50_ms) * 10) /
          10,
        p95_ratio:
          Math.round((results.stock.p95_ms / results[setting].p95_ms) * 10) /
          10,
        goal: 'gatehouse at least 5x faster than stock',
      });
    }
  } finally {
    await Promise.all(backends.map(b => b.stop()));
    await proxies.stop();
    await sim.stop();
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
  const backends: Array<{ stop(): Promise<void> }> = [];
  try {
    const warm = await startClustersBackend({
      clusters: sim.clusters,
      entities,
      keepWarmMs: 60_000,
    });
    const cold = await startClustersBackend({
      clusters: sim.clusters,
      entities,
      cacheTtlMs: 1,
    });
    backends.push(warm.backend, cold.backend);
    const dashboard = (server: { address(): unknown }) => () =>
      getJson(`${baseUrl(server)}/api/clusters/dashboard`);
    const sample = (await dashboard(warm.server)()) as any;
    const services = new Set(
      sample.environments.flatMap((e: any) =>
        e.clusters.flatMap((c: any) => c.services.map((s: any) => s.serviceId)),
      ),
    ).size;
    const linked = sample.environments
      .flatMap((e: any) => e.clusters.flatMap((c: any) => c.services))
      .filter((s: any) => s.entityRef).length;
    for (const [cache, server] of [
      ['warm', warm.server],
      ['cold', cold.server],
    ] as const) {
      progress(`(b) dashboard, ${cache}`);
      report({
        figure: 'dashboard-load',
        cache,
        services,
        service_cluster_pairs_linked_to_catalog: linked,
        clusters: sim.clusters.length,
        pods_per_cluster: sim.clusters.map(
          c => sim.state(c.name).objects('Pod').length,
        ),
        ...(await measure(RUNS, dashboard(server))),
      });
    }
  } finally {
    await Promise.all(backends.map(b => b.stop()));
    await sim.stop();
  }
}

async function oneClusterHanging() {
  const sim = await startClusterSimulator({ portBase: 0 });
  const backends: Array<{ stop(): Promise<void> }> = [];
  try {
    const gatehouse = await startClustersBackend({
      clusters: sim.clusters,
      timeoutMs: TIMEOUT_MS,
      cacheTtlMs: 1,
    });
    const gatehouseDefaults = await startClustersBackend({
      clusters: sim.clusters,
      timeoutMs: TIMEOUT_MS,
      keepWarmMs: 60_000,
    });
    const stock = await startStockKubernetes(sim.clusters);
    const stockWithTimeout = await startStockKubernetes(
      sim.clusters,
      gatehouseObjectTypes(),
      TIMEOUT_MS,
    );
    backends.push(
      gatehouse.backend,
      gatehouseDefaults.backend,
      stock,
      stockWithTimeout,
    );
    await sim.setFault('eks-staging-use1', 'hang');
    progress('(c) dashboard with eks-staging-use1 hanging');
    let answered: any;
    const latency = await measure(
      HANG_RUNS,
      async () => {
        answered = await getJson(
          `${baseUrl(gatehouse.server)}/api/clusters/dashboard`,
        );
      },
      1,
    );
    const clusters = answered.environments.flatMap((e: any) => e.clusters);
    report({
      figure: 'request-while-one-cluster-hangs',
      setting: 'gatehouse',
      timeout_ms: TIMEOUT_MS,
      ...latency,
      max_over_timeout_ms: round(latency.max_ms - TIMEOUT_MS),
      clusters_answered: clusters.filter((c: any) => c.status === 'ok').length,
      hanging_cluster_error: clusters.find((c: any) => c.status === 'error')
        ?.error,
    });

    progress('(c) the same with listings shared and kept warm (defaults)');
    report({
      figure: 'request-while-one-cluster-hangs',
      setting: 'gatehouse-shared-listings',
      timeout_ms: TIMEOUT_MS,
      ...(await measure(
        RUNS,
        () =>
          getJson(
            `${baseUrl(gatehouseDefaults.server)}/api/clusters/dashboard`,
          ),
        1,
      )),
      note: 'the first request pays the timeout (not counted); the error is then shared like a listing',
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

async function main() {
  await workloadsOfOneService();
  await dashboardWithFiftyServices();
  await oneClusterHanging();
}

main().then(
  () => process.exit(0),
  error => {
    process.stderr.write(`${error?.stack ?? error}\n`);
    process.exit(1);
  },
);

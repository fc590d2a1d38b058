/*
 * Benchmark: what viewers wait for when something is slow, one JSON line per
 * measured figure. The unit tests used to assert these as wall-clock bounds;
 * they now check only outcomes and order (the hanging cluster itself is in
 * clusters.bench.ts, (c)).
 *
 *   yarn bench clusters-backend       (or ./gatehouse bench clusters-backend)
 *
 * (a) A viewer of one service's health, now and then, with every answer of
 *     the production cluster delayed by 300 ms: the watch cache answers from
 *     memory, so the viewer should not wait for the cluster at all.
 * (b) The SRE dashboard while the approvals and cost plugins never answer,
 *     against the configured timeout.
 */
import { startClusterSimulator } from '@gatehouse/cluster-simulator';
import type { AddressInfo } from 'node:net';
import { startClustersBackend } from '../src/__testUtils__/startClustersBackend';
import {
  benchReporter,
  roundMs,
  summarizeMs,
  timed,
} from '@gatehouse/test-utils';

const RUNS = 10;
const HANG_RUNS = 5;
const DELAY_MS = 300;
const PAUSE_MS = 1200;
const TIMEOUT_MS = 600;
const PRODUCTION = 'eks-production-use1';

const { report, progress } = benchReporter('clusters-timeouts');

const round = roundMs;
const sleep = (ms: number) => new Promise(wake => setTimeout(wake, ms));

const summary = summarizeMs;

const baseUrl = (server: { address(): unknown }) =>
  `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

async function getJson(url: string) {
  const response = await fetch(url);
  if (!response.ok)
    throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return response.json();
}

async function viewerNowAndThen() {
  const sim = await startClusterSimulator({ portBase: 0 });
  const backends: Array<{ stop(): Promise<void> }> = [];
  try {
    const watched = await startClustersBackend({
      clusters: sim.clusters,
      timeoutMs: 30_000,
    });
    backends.push(watched.backend);
    await sim.setFault(PRODUCTION, { delayMs: DELAY_MS });
    for (const [setting, server] of [['watched', watched.server]] as const) {
      progress(`(a) viewer now and then, ${setting}`);
      const health = () =>
        getJson(
          `${baseUrl(
            server,
          )}/api/clusters/entities/component/default/operator-console/health`,
        );
      await health();
      const samples: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        // Apart, as a viewer's refreshes are.
        await sleep(PAUSE_MS);
        samples.push((await timed(health)).ms);
      }
      report({
        figure: 'viewer-now-and-then',
        setting,
        pause_ms: PAUSE_MS,
        production_delay_ms: DELAY_MS,
        ...summary(samples),
      });
    }
  } finally {
    await sim.setFault(PRODUCTION, null);
    await Promise.all(backends.map(b => b.stop()));
    await sim.stop();
  }
}

async function hangingSources() {
  const sim = await startClusterSimulator({ portBase: 0 });
  const { backend, server } = await startClustersBackend({
    clusters: sim.clusters,
    timeoutMs: TIMEOUT_MS,
    hangingSources: true,
  });
  try {
    progress('(b) dashboard with approvals and cost hanging');
    let sources: unknown;
    const samples: number[] = [];
    for (let i = 0; i < HANG_RUNS; i++) {
      const { ms, value } = await timed(() =>
        getJson(`${baseUrl(server)}/api/clusters/dashboard`),
      );
      samples.push(ms);
      sources = (value as any).sources;
    }
    const latency = summary(samples);
    report({
      figure: 'dashboard-while-sources-hang',
      timeout_ms: TIMEOUT_MS,
      ...latency,
      max_over_timeout_ms: round(latency.max_ms - TIMEOUT_MS),
      sources,
    });
  } finally {
    await backend.stop();
    await sim.stop();
  }
}

async function main() {
  await viewerNowAndThen();
  await hangingSources();
}

main().then(
  () => process.exit(0),
  error => {
    process.stderr.write(`${error?.stack ?? error}\n`);
    process.exit(1);
  },
);

/*
 * Benchmark: how fast the cluster simulator (a simulator, not Kubernetes)
 * answers, and how close its faults and watch timeouts come to the times
 * they are set to. One JSON line per measured figure.
 *
 *   yarn bench cluster-simulator      (or ./gatehouse bench cluster-simulator)
 *
 * These are the figures the unit tests used to assert as wall-clock bounds;
 * the tests now check only what is answered and in which order.
 *
 * (a) A cluster-wide pod LIST of a 2,000-pod cluster: the first one
 *     (serialisation) and warm ones; a label-selected LIST over the same
 *     pods; a full walk of the list in pages of 500.
 * (b) Faults: how long a client with a 500 ms timeout waits on a hanging
 *     cluster before its timeout fires; how long a `delayMs:300` cluster
 *     takes to answer, next to an undelayed one.
 * (c) How long a watch with `timeoutSeconds=1` stays open.
 */
import { startClusterSimulator } from '../src/simulator';
import { get, openWatch } from '../src/__testUtils__/http';
import {
  benchReporter,
  roundMs,
  summarizeMs,
  timed,
} from '@gatehouse/test-utils';

const PODS = 2000;
const RUNS = 15;
const FAULT_RUNS = 5;
const CLIENT_TIMEOUT_MS = 500;
const DELAY_MS = 300;

const { report, progress } = benchReporter('cluster-simulator');

const round = roundMs;

const summary = summarizeMs;

/** Runs fn `runs` times after `warmups` uncounted runs. */
async function measure(runs: number, fn: () => Promise<unknown>, warmups = 2) {
  for (let i = 0; i < warmups; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push((await timed(fn)).ms);
  return summary(samples);
}

async function largeCluster() {
  progress(`starting one cluster of ${PODS} pods`);
  const sim = await startClusterSimulator({
    portBase: 0,
    podsPerCluster: PODS,
    clusters: [{ name: 'eks-production-use1', environment: 'production' }],
  });
  const url = sim.clusters[0].url;
  try {
    progress('(a) cluster-wide pod LIST');
    const first = await timed(() =>
      get(`${url}/api/v1/pods`, undefined, 60_000),
    );
    const items = first.value.json().items.length;
    report({
      figure: 'pod-list-first',
      pods: items,
      bytes: first.value.body.length,
      ms: round(first.ms),
    });
    report({
      figure: 'pod-list-warm',
      pods: items,
      bytes: first.value.body.length,
      ...(await measure(RUNS, () =>
        get(`${url}/api/v1/pods`, undefined, 60_000),
      )),
    });

    progress('(a) label-selected LIST');
    const selector = encodeURIComponent(
      'backstage.io/kubernetes-id in (bench-svc-001,bench-svc-002)',
    );
    const selected = await get(
      `${url}/api/v1/pods?labelSelector=${selector}`,
      undefined,
      60_000,
    );
    report({
      figure: 'pod-list-label-selected',
      pods_in_cluster: items,
      pods_selected: selected.json().items.length,
      ...(await measure(RUNS, () =>
        get(`${url}/api/v1/pods?labelSelector=${selector}`, undefined, 60_000),
      )),
    });

    progress('(a) paginated walk');
    let pages = 0;
    const walk = async () => {
      pages = 0;
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
        pages += 1;
        token = page.metadata.continue;
      } while (token);
    };
    const walked = await measure(RUNS, walk);
    report({
      figure: 'pod-list-paginated-walk',
      pods: items,
      page_size: 500,
      pages,
      ...walked,
    });
  } finally {
    await sim.stop();
  }
}

async function faultsAndWatches() {
  const sim = await startClusterSimulator({ portBase: 0 });
  const url = (name: string) => sim.clusters.find(c => c.name === name)!.url;
  try {
    progress('(b) hanging cluster, client timeout');
    await sim.setFault('eks-staging-use1', 'hang');
    const waits: number[] = [];
    let error = '';
    for (let i = 0; i < FAULT_RUNS; i++) {
      const { ms, value } = await timed(() =>
        get(
          `${url('eks-staging-use1')}/api/v1/pods`,
          undefined,
          CLIENT_TIMEOUT_MS,
        ).then(
          () => 'answered',
          (e: Error) => e.message,
        ),
      );
      waits.push(ms);
      error = value;
    }
    const hang = summary(waits);
    report({
      figure: 'hanging-cluster-client-wait',
      client_timeout_ms: CLIENT_TIMEOUT_MS,
      outcome: error,
      ...hang,
      max_over_timeout_ms: round(hang.max_ms - CLIENT_TIMEOUT_MS),
    });
    await sim.setFault('eks-staging-use1', null);

    progress('(b) delayMs fault');
    const path = '/api/v1/namespaces/task-runner/pods';
    await sim.setFault('eks-production-use1', { delayMs: DELAY_MS });
    const delayed = await measure(
      FAULT_RUNS,
      () => get(`${url('eks-production-use1')}${path}`, undefined, 60_000),
      1,
    );
    report({
      figure: 'delayed-cluster-answer',
      delay_ms: DELAY_MS,
      ...delayed,
      min_over_delay_ms: round(delayed.min_ms - DELAY_MS),
    });
    await sim.setFault('eks-production-use1', null);
    report({
      figure: 'undelayed-cluster-answer',
      ...(await measure(RUNS, () =>
        get(`${url('eks-development-use1')}${path}`, undefined, 60_000),
      )),
    });

    progress('(c) watch with timeoutSeconds=1');
    const open: number[] = [];
    for (let i = 0; i < FAULT_RUNS; i++) {
      const { ms } = await timed(async () => {
        const w = await openWatch(
          `${url(
            'eks-production-use1',
          )}/api/v1/namespaces/knowledge-store/pods?watch=true&timeoutSeconds=1`,
        );
        await w.ended;
      });
      open.push(ms);
    }
    const watch = summary(open);
    report({
      figure: 'watch-open-until-timeout',
      timeout_seconds: 1,
      ...watch,
      max_over_timeout_ms: round(watch.max_ms - 1000),
    });
  } finally {
    await sim.stop();
  }
}

async function main() {
  await largeCluster();
  await faultsAndWatches();
}

main().then(
  () => process.exit(0),
  error => {
    process.stderr.write(`${error?.stack ?? error}\n`);
    process.exit(1);
  },
);

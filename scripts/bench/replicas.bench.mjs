// Replicas benchmark: the approvals inbox API (GET /api/approvals/requests,
// "waiting for me") through nginx with 1, 2 and 3 replicas at a fixed
// concurrency, from one run (nginx is reloaded with 1, 2, then 3 upstreams;
// all three replicas run throughout), and the failover gap when a replica is
// stopped under load. Everything on loopback, bounded in count and time.
// Needs PostgreSQL and nginx: run it through `scripts/multi-replica.sh`'s
// environment, e.g. `yarn bench replicas` after sourcing it, or set
// BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING yourself.
// Prints one JSON line per measured figure.
import autocannon from 'autocannon';
import { startCluster } from '../multi-replica-cluster.mjs';
import { percentile, report } from './lib/report.mjs';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 15);
const SEED_REQUESTS = Number(process.env.BENCH_SEED_REQUESTS ?? 150);
const FAILOVER_MS = 20_000;
const STOP_AT_MS = 5_000;

const sleep = ms => new Promise(wake => setTimeout(wake, ms));

async function tokenFor(baseUrl, user) {
  const response = await fetch(`${baseUrl}/api/auth/gatehouse-dev/refresh`, {
    headers: { 'x-gatehouse-dev-user': user },
  });
  return (await response.json()).backstageIdentity.token;
}

async function seed(baseUrl, token) {
  let next = 0;
  const worker = async () => {
    while (next < SEED_REQUESTS) {
      const i = next++;
      const response = await fetch(`${baseUrl}/api/approvals/requests`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({
          title: `Bench change ${i}`,
          entityRef: 'component:default/task-runner',
          environment: i % 3 === 0 ? 'production' : 'staging',
          files: [
            {
              path: 'k8s/hpa.yaml',
              content: `maxReplicas: ${i + 5}\n`,
              previousContent: 'maxReplicas: 4\n',
            },
          ],
          notes: { rollbackPlan: 'Revert.', testPlan: 'Smoke test.' },
        }),
      });
      if (response.status !== 201) {
        throw new Error(`seeding answered ${response.status}`);
      }
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
}

async function inboxLoad(baseUrl, token) {
  const latencies = [];
  const instance = autocannon({
    url: `${baseUrl}/api/approvals/requests?view=waiting`,
    headers: { authorization: `Bearer ${token}` },
    connections: CONNECTIONS,
    duration: LOAD_SECONDS,
  });
  instance.on('response', (_client, _status, _bytes, responseTimeMs) => {
    latencies.push(responseTimeMs);
  });
  const result = await instance;
  latencies.sort((a, b) => a - b);
  return { result, latencies };
}

/** Concurrent inbox reads while one replica is stopped (SIGTERM). */
async function failover(cluster, token) {
  const started = Date.now();
  const completions = [];
  let failed = 0;
  const client = async () => {
    while (Date.now() - started < FAILOVER_MS) {
      try {
        const response = await fetch(
          `${cluster.baseUrl}/api/approvals/requests?view=waiting`,
          { headers: { authorization: `Bearer ${token}` } },
        );
        await response.arrayBuffer();
        if (response.ok) completions.push(Date.now() - started);
        else failed += 1;
      } catch {
        failed += 1;
      }
    }
  };
  let stopAt = 0;
  let stopped = 0;
  const stopper = (async () => {
    await sleep(STOP_AT_MS);
    stopAt = Date.now() - started;
    await cluster.stopReplica('b');
    stopped = Date.now() - started;
  })();
  await Promise.all([stopper, ...Array.from({ length: 8 }, client)]);
  completions.sort((a, b) => a - b);
  // The longest time in which no request completed successfully, from the stop on.
  let gap = 0;
  let previous = stopAt;
  for (const at of completions.filter(t => t >= stopAt)) {
    gap = Math.max(gap, at - previous);
    previous = at;
  }
  return { gap, failed, stopAt, stopped, completed: completions.length };
}

const cluster = await startCluster({ replicas: 3 });
try {
  const bob = await tokenFor(cluster.baseUrl, 'bob');
  const alice = await tokenFor(cluster.baseUrl, 'alice');
  await seed(cluster.baseUrl, bob);
  const sets = [['a'], ['a', 'b'], ['a', 'b', 'c']];
  for (const names of sets) {
    await cluster.setUpstreams(names);
    await inboxLoad(cluster.baseUrl, alice); // warm-up is not measured
    const { result, latencies } = await inboxLoad(cluster.baseUrl, alice);
    const tags = { replicas: names.length, connections: CONNECTIONS };
    report({
      name: 'inbox-throughput',
      unit: 'req/s',
      value: result.requests.average,
      ...tags,
    });
    report({
      name: 'inbox-latency-p95',
      unit: 'ms',
      value: percentile(latencies, 95),
      ...tags,
    });
    report({
      name: 'inbox-errors',
      unit: 'count',
      value: result.errors + result.non2xx,
      ...tags,
    });
  }
  const gap = await failover(cluster, alice);
  report({ name: 'failover-gap', unit: 'ms', value: gap.gap, replicas: 3 });
  report({
    name: 'failover-failed-requests',
    unit: 'count',
    value: gap.failed,
  });
  report({
    name: 'failover-replica-exit',
    unit: 'ms',
    value: gap.stopped - gap.stopAt,
  });
  report({
    name: 'failover-completed-requests',
    unit: 'count',
    value: gap.completed,
  });
} finally {
  await cluster.stop();
}

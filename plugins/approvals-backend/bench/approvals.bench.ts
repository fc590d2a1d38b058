/*
 * Benchmark: the approvals workflow on SQLite and (when configured) PostgreSQL.
 *
 *   ./gatehouse bench approvals
 *
 * 1. Submitting a synthetic 10,000-resource Terraform plan with its estimate
 *    (plan parsing, the cost estimator in-process, risk, policy, storage): time
 *    and peak RSS. Goal < 2 s.
 * 2. The inbox and request-page APIs over HTTP with 10,000 stored requests, 50
 *    concurrent clients for 30 s (autocannon, loopback): p50/p95/p99. Goal p95
 *    < 50 ms. The router runs with stand-ins for authentication and the
 *    permission service, so this measures the plugin and its database.
 * 3. Decisions per second with concurrent approvers (PostgreSQL only).
 *
 * Prints one JSON line per figure.
 */
import {
  estimateTerraformPlan,
  syntheticPlan,
} from '@gatehouse/plugin-cost-node';
import autocannon from 'autocannon';
import express from 'express';
import knexFactory, { Knex } from 'knex';
import { mkdtempSync, rmSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { createRouter } from '../src/router';
import { ApprovalService, Caller } from '../src/service/ApprovalService';
import { DEFAULT_RULES } from '../src/policy/rules';
import { DatabaseApprovalsStore } from '../src/store/DatabaseApprovalsStore';

const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 30);
const REQUESTS = 10_000;
const report = (figure: Record<string, unknown>) =>
  process.stdout.write(`${JSON.stringify(figure)}\n`);
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

const silentLogger: any = {
  info() {},
  warn() {},
  error() {},
  debug() {},
  child: () => silentLogger,
};
const bob: Caller = {
  kind: 'user',
  ref: 'user:default/bob',
  groups: ['group:default/team-agents'],
};

function serviceOn(knex: Knex, store: DatabaseApprovalsStore) {
  void knex;
  return new ApprovalService({
    store,
    catalog: {
      getEntityByRef: async () => ({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'orchestrator-api', namespace: 'default' },
        spec: { owner: 'team-agents' },
      }),
    } as any,
    auth: { getOwnServiceCredentials: async () => ({}) } as any,
    // The estimator itself, in-process (the plugin asks the cost backend over HTTP).
    estimator: {
      estimate: async ({ plan }) => {
        const result = estimateTerraformPlan(plan);
        return {
          id: randomUUID(),
          entityRef: null,
          environment: null,
          kind: 'terraform',
          createdBy: 'bench',
          createdAt: new Date().toISOString(),
          currency: result.currency,
          monthlyBefore: result.totals.monthlyBefore,
          monthlyAfter: result.totals.monthlyAfter,
          monthlyDelta: result.totals.delta,
          resourceCount: result.resources.length,
          unpricedCount: result.unpriced.length,
          result,
        };
      },
    },
    notifier: {
      changed: async () => {},
      needsApproval: async () => {},
      decided: async () => {},
    } as any,
    followUps: { start: async () => {} } as any,
    logger: silentLogger,
    rules: DEFAULT_RULES,
    expiresAfterMs: 7 * 86_400_000,
  });
}

async function benchSubmit(name: string, approvals: ApprovalService) {
  const planText = JSON.stringify(syntheticPlan(10_000));
  const base = {
    entityRef: 'component:default/orchestrator-api',
    notes: { rollbackPlan: 'r', testPlan: 't' },
  };
  await approvals.submit(
    {
      ...base,
      title: 'warm-up',
      environment: 'staging',
      plan: JSON.stringify(syntheticPlan(100)),
    },
    bob,
  );
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    await approvals.submit(
      {
        ...base,
        title: `10k resources ${i}`,
        environment: 'production',
        plan: planText,
      },
      bob,
    );
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const median = Math.round(times[1]);
  report({
    bench: 'approvals.submit',
    database: name,
    resources: 10_000,
    metric: 'submit_ms_median',
    value: median,
    unit: 'ms',
    goal: '<2000ms',
    met: median < 2000,
  });
  report({
    bench: 'approvals.submit',
    database: name,
    metric: 'peak_rss_mb',
    value: Math.round(process.resourceUsage().maxRSS / 1024),
    unit: 'MB',
  });
}

async function seed(store: DatabaseApprovalsStore, count: number) {
  const environments = ['development', 'staging', 'production'];
  const risks = ['low', 'medium', 'high'] as const;
  let firstId = '';
  for (let i = 0; i < count; i++) {
    const id = randomUUID();
    firstId ||= id;
    const groups =
      i % 2
        ? ['group:default/platform-approvers']
        : ['group:default/team-agents', 'group:default/sre'];
    await store.saveRevision(
      {
        requestId: id,
        title: `Change ${i}`,
        entityRef: `component:default/svc-${i % 200}`,
        environment: environments[i % 3],
        submitter: `user:default/dev-${i % 50}`,
        submitterKind: 'user',
        status: i % 5 === 0 ? 'approved' : 'pending',
        policySummary: '0 of 1',
        eligibleGroups: groups,
        costDelta: (i % 40) * 25,
        expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
        followUp: null,
        revision: {
          contentHash: randomBytes(32).toString('hex'),
          createdAt: new Date().toISOString(),
          submittedBy: `user:default/dev-${i % 50}`,
          summary: {
            create: 1,
            update: 0,
            delete: 0,
            replace: 0,
            resources: [
              {
                address: 'aws_instance.a',
                type: 'aws_instance',
                action: 'create',
              },
            ],
          },
          files: [],
          estimate: null,
          estimateId: null,
          risk: { level: risks[i % 3], reasons: [] },
          notes: { rollbackPlan: 'r', testPlan: 't' },
          inputs: {},
          verdict: {
            rule: 'staging',
            autoApproved: false,
            requirements: [{ label: '1 from x', count: 1, groups }],
          },
          hasPlan: false,
        },
      },
      [
        {
          action: 'submitted',
          actor: 'user:default/dev',
          revision: 0,
          contentHash: 'h',
          comment: null,
          statusAfter: 'pending',
        },
      ],
    );
  }
  return firstId;
}

async function benchInbox(
  name: string,
  approvals: ApprovalService,
  requestId: string,
) {
  const alice = {
    principal: { type: 'user', userEntityRef: 'user:default/alice' },
  };
  const router = await createRouter({
    httpAuth: { credentials: async () => alice } as any,
    userInfo: {
      getUserInfo: async () => ({
        userEntityRef: 'user:default/alice',
        ownershipEntityRefs: [
          'user:default/alice',
          'group:default/platform-approvers',
          'group:default/platform-team',
        ],
      }),
    } as any,
    permissions: {
      authorize: async (requests: unknown[]) =>
        requests.map(() => ({ result: 'ALLOW' })),
    } as any,
    auditor: {
      createEvent: async () => ({
        success: async () => {},
        fail: async () => {},
      }),
    } as any,
    approvals,
  });
  const app = express().use('/api/approvals', router);
  const server = app.listen(0, '127.0.0.1');
  await new Promise(resolve => server.once('listening', resolve));
  const port = (server.address() as AddressInfo).port;
  try {
    for (const [api, path] of [
      [
        'inbox_waiting',
        '/api/approvals/requests?view=waiting&status=open&limit=50',
      ],
      ['inbox_counts', '/api/approvals/requests/counts'],
      ['request_page', `/api/approvals/requests/${requestId}`],
    ]) {
      const latencies: number[] = [];
      const instance = autocannon({
        url: `http://127.0.0.1:${port}${path}`,
        connections: 50,
        duration: LOAD_SECONDS,
      });
      instance.on(
        'response',
        (_c: unknown, _s: number, _b: number, ms: number) => latencies.push(ms),
      );
      const result = await instance;
      latencies.sort((a, b) => a - b);
      const base = {
        bench: 'approvals.api',
        database: name,
        api,
        requestsStored: REQUESTS,
        connections: 50,
        seconds: LOAD_SECONDS,
      };
      report({
        ...base,
        metric: 'latency_p50_ms',
        value: percentile(latencies, 50),
        unit: 'ms',
      });
      const p95 = percentile(latencies, 95);
      report({
        ...base,
        metric: 'latency_p95_ms',
        value: p95,
        unit: 'ms',
        goal: '<50ms',
        met: p95 < 50,
      });
      report({
        ...base,
        metric: 'latency_p99_ms',
        value: percentile(latencies, 99),
        unit: 'ms',
      });
      report({
        ...base,
        metric: 'requests_per_second',
        value: Math.round(result.requests.average),
        unit: 'req/s',
      });
      report({
        ...base,
        metric: 'non_2xx',
        value: result.non2xx + result.errors,
        unit: 'responses',
      });
    }
  } finally {
    server.close();
  }
}

async function benchDecisions(
  name: string,
  approvals: ApprovalService,
  store: DatabaseApprovalsStore,
) {
  const requests = 200;
  const ids: string[] = [];
  for (let i = 0; i < requests; i++) {
    const created = await approvals.submit(
      {
        title: `decide ${i}`,
        entityRef: 'component:default/orchestrator-api',
        environment: 'production',
        files: [{ path: 'x.yaml', content: `n: ${i}\n` }],
        notes: { rollbackPlan: 'r', testPlan: 't' },
      },
      bob,
    );
    ids.push(created.id);
  }
  // Every request gets two approvals from two people, all at once.
  const approver = (n: number): Caller => ({
    kind: 'user',
    ref: `user:default/approver-${n}`,
    groups: ['group:default/platform-approvers'],
  });
  const started = performance.now();
  await Promise.all(
    ids.flatMap(id =>
      [1, 2].map(async n => {
        const request = (await store.getRequest(id))!;
        await approvals.decide(
          id,
          {
            decision: 'approve',
            comment: '',
            revisionHash: request.contentHash,
          },
          approver(n),
        );
      }),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  report({
    bench: 'approvals.decide',
    database: name,
    decisions: ids.length * 2,
    metric: 'decisions_per_second',
    value: Math.round((ids.length * 2) / seconds),
    unit: 'decisions/s',
  });
}

async function onDatabase(name: string, knex: Knex, withDecisions: boolean) {
  const store = await DatabaseApprovalsStore.create({
    database: { getClient: async () => knex } as any,
  });
  const approvals = serviceOn(knex, store);
  await benchSubmit(name, approvals);
  const firstId = await seed(store, REQUESTS);
  // A bulk load leaves the planner without statistics until autovacuum (or
  // SQLite's PRAGMA optimize) catches up; measure the steady state.
  await knex.raw('ANALYZE');
  await benchInbox(name, approvals, firstId);
  if (withDecisions) await benchDecisions(name, approvals, store);
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'approvals-bench-'));
  const sqlite = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: join(dir, 'a.sqlite') },
    useNullAsDefault: true,
  });
  try {
    await onDatabase('sqlite', sqlite, false);
  } finally {
    await sqlite.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
  const pgUrl =
    process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
  if (!pgUrl) {
    process.stderr.write(
      'PostgreSQL not configured: skipping its half of the benchmark\n',
    );
    return;
  }
  const database = `approvals_bench_${randomBytes(4).toString('hex')}`;
  const admin = knexFactory({ client: 'pg', connection: pgUrl });
  await admin.raw(`CREATE DATABASE ${database}`);
  const pg = knexFactory({
    client: 'pg',
    connection: `${pgUrl.replace(/\/$/, '')}/${database}`,
    pool: { min: 0, max: 20 },
  });
  try {
    await onDatabase('postgres', pg, true);
  } finally {
    await pg.destroy();
    await admin.raw(`DROP DATABASE ${database}`);
    await admin.destroy();
  }
}

main().catch(error => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});

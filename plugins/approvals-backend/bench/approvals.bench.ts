/*
 * Benchmark: the approvals workflow on SQLite and (when configured) PostgreSQL.
 *
 *   ./gatehouse bench approvals        (starts PostgreSQL for the second half)
 *
 * 1. Submitting a synthetic 10,000-resource Terraform plan with its estimate
 *    (plan parsing, the cost estimator in-process, risk, policy, storage): time
 *    and peak RSS. Goal < 2 s.
 * 2. The inbox and request-page APIs over HTTP with 10,000 stored requests, 50
 *    concurrent clients for 30 s each (autocannon in its own process, over
 *    loopback): p50/p95/p99 for
 *    "waiting for me", "mine", "all" with filters, the badge counts and the
 *    request page, and for the catalog's GET /api/catalog/entities served by
 *    the same backend in the same run, for comparison (with the catalog's
 *    entity-by-name route and the health endpoint, the server's floor here).
 *    Goal p95 < 50 ms. While each load runs, a writer takes
 *    BENCH_WRITES_PER_SECOND decisions (default 2) through the API, so the
 *    data changes under the readers as in use. Two passes: the read cache on
 *    (as shipped) and off (every read queries the database), or only one
 *    with BENCH_READ_CACHE=on|off.
 *    The backend is the test server (startTestBackend) with the approvals
 *    plugin and a real catalog backend holding the example entities, both on
 *    the database under test; authentication is the test server's mock
 *    tokens, permissions allow, and the viewer's groups come from a stand-in
 *    userInfo (production asks the auth backend).
 * 3. Decisions per second with concurrent approvers (PostgreSQL only).
 *
 * Prints one JSON line per figure. To try it out: BENCH_LOAD_SECONDS shortens
 * the load runs, BENCH_REQUESTS stores fewer requests, BENCH_APIS=a,b runs
 * only those APIs, BENCH_DATABASES=postgres only that database.
 */
import { mockServices } from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import {
  estimateTerraformPlan,
  syntheticPlan,
} from '@gatehouse/plugin-cost-node';
import { systemClock } from '@gatehouse/clock';
import { toStoredEstimate } from '@gatehouse/plugin-cost-common';
import knexFactory, { Knex } from 'knex';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { ENTITIES, startApprovalsBackend } from '../src/__testUtils__/harness';
import { EnvironmentResolver } from '../src/environment/EnvironmentResolver';
import { ApprovalService, Caller } from '../src/service/ApprovalService';
import { DEFAULT_RULES } from '../src/policy/rules';
import { DatabaseApprovalsStore } from '../src/store/DatabaseApprovalsStore';
import type { JsonObject } from '@backstage/types';

const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 30);
const CONNECTIONS = 50;
/** Decisions per second through the API while the reads are measured. */
const WRITES_PER_SECOND = Number(process.env.BENCH_WRITES_PER_SECOND ?? 2);
/** Read cache passes: on (as shipped), off, or both, one after the other. */
const READ_CACHE_PASSES = (
  process.env.BENCH_READ_CACHE === 'both' || !process.env.BENCH_READ_CACHE
    ? ['on', 'off']
    : [process.env.BENCH_READ_CACHE]
) as Array<'on' | 'off'>;
/** Stored requests; fewer only to try the benchmark out (the goal is for 10,000). */
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 10_000);
const EXAMPLES = resolve(__dirname, '../../../examples');
const report = (figure: Record<string, unknown>) =>
  process.stdout.write(`${JSON.stringify(figure)}\n`);

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

/** The workflow with the estimator in-process and no notifications: submit and decide timings. */
function workflowOn(store: DatabaseApprovalsStore) {
  // The example catalog (services, their environments, clusters), in memory.
  const catalog = catalogServiceMock({ entities: ENTITIES });
  return new ApprovalService({
    store,
    catalog,
    auth: { getOwnServiceCredentials: async () => ({}) } as any,
    // The estimator itself, in-process (the plugin asks the cost backend over HTTP).
    estimator: {
      estimate: async request => {
        if (request.kind !== 'terraform') return null;
        const result = estimateTerraformPlan(request.plan);
        return toStoredEstimate(result, {
          id: randomUUID(),
          entityRef: null,
          environment: null,
          kind: 'terraform',
          createdBy: 'bench',
          createdAt: new Date().toISOString(),
        });
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
    // The example catalog's environments; no infrastructure plan.
    environments: new EnvironmentResolver({
      catalog,
      auth: { getOwnServiceCredentials: async () => ({}) } as any,
      plans: { environmentsOf: async () => ({ kind: 'none' }) },
    }),
    // The synthetic plan's resources are tagged for several environments:
    // held as high risk, so the submission is measured with every resource
    // scanned for its environment, rather than refused.
    environmentMismatch: 'high-risk',
    // Benchmarks measure the machine now; they assert no dated facts.
    clock: systemClock,
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

async function benchDecisions(name: string, store: DatabaseApprovalsStore) {
  const approvals = workflowOn(store);
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

/**
 * 10,000 requests through the store (so every counter and index is kept as
 * in production): 80 % pending, for platform-approvers or for team-agents
 * and sre, across 50 submitters, 200 services, three environments and risks;
 * alice has already approved 300 of the pending ones waiting for her.
 * Returns a pending request alice decided, for the request page, and
 * pending requests for platform-approvers the writer decides during the load.
 */
async function seed(store: DatabaseApprovalsStore, count: number) {
  const environments = ['development', 'staging', 'production'] as const;
  const risks = ['low', 'medium', 'high'] as const;
  const aliceDecides: string[] = [];
  const writeTargets: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = randomUUID();
    const forPlatform = i % 2 === 1;
    const groups = forPlatform
      ? ['group:default/platform-approvers']
      : ['group:default/team-agents', 'group:default/sre'];
    const pending = i % 5 !== 0;
    const submitter = `user:default/dev-${i % 50}`;
    await store.saveRevision(
      {
        requestId: id,
        title: `Change ${i}`,
        entityRef: `component:default/svc-${i % 200}`,
        environment: environments[i % 3],
        tier: environments[i % 3],
        submitter,
        submitterKind: 'user',
        status: pending ? 'pending' : 'approved',
        policySummary: '0 of 2; needs platform-approvers',
        eligibleGroups: pending ? groups : [],
        costDelta: (i % 40) * 25,
        expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
        followUp: null,
        revision: {
          contentHash: createHash('sha256').update(id).digest('hex'),
          createdAt: new Date().toISOString(),
          submittedBy: submitter,
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
            rule: 'production',
            autoApproved: false,
            requirements: [{ label: '2 from x', count: 2, groups }],
          },
          hasPlan: false,
        },
      },
      [
        {
          action: 'submitted',
          actor: submitter,
          revision: 0,
          contentHash: 'h',
          comment: null,
          statusAfter: pending ? 'pending' : 'approved',
        },
      ],
    );
    if (pending && forPlatform && aliceDecides.length < 300) {
      aliceDecides.push(id);
    } else if (pending && forPlatform && writeTargets.length < 2000) {
      writeTargets.push(id);
    }
  }
  for (const id of aliceDecides) {
    const request = (await store.getRequest(id))!;
    await store.recordDecision(
      {
        requestId: id,
        revisionHash: request.contentHash,
        approver: 'user:default/alice',
        decision: 'approve',
        comment: 'fine by me',
        groups: ['group:default/platform-approvers'],
      },
      () => ({
        status: 'pending',
        policySummary: '1 of 2; needs 1 more from platform-approvers',
        eligibleGroups: ['group:default/platform-approvers'],
      }),
    );
  }
  return { requestPage: aliceDecides[0], writeTargets };
}

/**
 * Sends GET requests over 50 connections for LOAD_SECONDS from a separate
 * process (loadClient.mjs: the load generator must not share the server's
 * event loop) and reports the latencies.
 */
async function load(
  name: string,
  port: number,
  api: string,
  path: string,
  authorization: string,
  pass: { readCache: 'on' | 'off'; writer: Writer },
) {
  const child = spawn(
    process.execPath,
    [
      join(__dirname, 'loadClient.mjs'),
      JSON.stringify({
        url: `http://127.0.0.1:${port}${path}`,
        connections: CONNECTIONS,
        duration: LOAD_SECONDS,
        headers: { authorization },
      }),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let output = '';
  child.stdout.on('data', chunk => (output += chunk));
  const code = await new Promise<number | null>(done =>
    child.on('close', done),
  );
  if (code !== 0) throw new Error(`the load client failed for ${api}`);
  const result = JSON.parse(output);
  const base = {
    bench: 'approvals.api',
    database: name,
    api,
    path,
    requestsStored: REQUESTS,
    connections: CONNECTIONS,
    seconds: LOAD_SECONDS,
    readCache: pass.readCache,
    // Decisions taken while the load ran (each one moves the change mark).
    decisionsDuringLoad: pass.writer.done(),
  };
  const goal = /^(catalog|health)/.test(api)
    ? {}
    : { goal: '<50ms', met: result.p95 < 50 };
  const figures: Array<[string, number, string, object?]> = [
    ['latency_p50_ms', result.p50, 'ms'],
    ['latency_p95_ms', result.p95, 'ms', goal],
    ['latency_p99_ms', result.p99, 'ms'],
    ['requests_per_second', Math.round(result.requestsPerSecond), 'req/s'],
    ['failed', result.failed, 'responses'],
  ];
  for (const [metric, value, unit, extra] of figures) {
    report({
      ...base,
      metric,
      value: Math.round(value * 100) / 100,
      unit,
      ...extra,
    });
  }
}

type Writer = { done(): number; stop(): Promise<void> };

/**
 * Decisions through the API while the load runs, WRITES_PER_SECOND of them:
 * each approver-N approves a pending request for platform-approvers, two to a
 * request, so requests move out of the inbox as they would in use and every
 * decision moves the change mark the read cache checks.
 */
function startWriter(
  h: Awaited<ReturnType<typeof startApprovalsBackend>>,
  targets: string[],
  decisions: { next: number },
): Writer {
  let done = 0;
  let running: Promise<void> = Promise.resolve();
  const decide = async () => {
    const n = decisions.next++;
    const id = targets[Math.floor(n / 2) % targets.length];
    const answer = await h
      .request()
      .post(`/api/approvals/requests/${id}/decisions`)
      .set({ authorization: h.as(`user:default/approver-${n}`).authorization })
      .send({
        decision: 'approve',
        comment: 'bench',
        revisionHash: createHash('sha256').update(id).digest('hex'),
      });
    if (answer.status === 201) done += 1;
  };
  const timer =
    WRITES_PER_SECOND > 0
      ? setInterval(() => {
          running = running.then(decide, decide);
        }, 1000 / WRITES_PER_SECOND)
      : undefined;
  return {
    done: () => done,
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}

/** The database settings of the backend under test, one database (or file) per plugin. */
type Target = {
  name: string;
  config: JsonObject;
  /** A connection to one plugin's database, as the backend will open it. */
  connect(pluginId: string): Knex;
  cleanUp(): Promise<void>;
};

async function benchApis(target: Target) {
  const knex = target.connect('approvals');
  // Seeding only: no fsync per transaction on this connection (the backend
  // under test opens its own, with SQLite's defaults).
  if (target.name === 'sqlite') await knex.raw('PRAGMA synchronous = OFF');
  const store = await DatabaseApprovalsStore.create({
    database: mockServices.database({ knex, migrations: { skip: false } }),
  });
  const started = performance.now();
  const seeded = await seed(store, REQUESTS);
  process.stderr.write(
    `[approvals.bench] ${
      target.name
    }: ${REQUESTS} requests stored in ${Math.round(
      (performance.now() - started) / 1000,
    )} s\n`,
  );
  // A bulk load leaves the planner without statistics (and PostgreSQL
  // without a visibility map) until autovacuum catches up: measure the
  // steady state.
  await knex.raw(target.name === 'postgres' ? 'VACUUM ANALYZE' : 'ANALYZE');
  await knex.destroy();

  const decisions = { next: 0 };
  for (const readCache of READ_CACHE_PASSES) {
    await measurePass(target, readCache, seeded, decisions);
  }
}

/**
 * One backend on the seeded database, its read cache on or off, and the
 * load runs against it (the catalog's and the health endpoint's only in the
 * first pass: they are the comparison, and the cache is not theirs).
 */
async function measurePass(
  target: Target,
  readCache: 'on' | 'off',
  seeded: { requestPage: string; writeTargets: string[] },
  decisions: { next: number },
) {
  const h = await startApprovalsBackend({
    catalog: 'real',
    extraFeatures: [catalogPlugin],
    config: {
      ...target.config,
      gatehouse: {
        approvals: { readCache: { megabytes: readCache === 'on' ? 32 : 0 } },
      },
      catalog: {
        rules: [
          { allow: ['Component', 'System', 'API', 'Resource', 'Location'] },
        ],
        locations: [
          {
            type: 'file',
            target: join(EXAMPLES, 'org.yaml'),
            rules: [{ allow: ['User', 'Group'] }],
          },
          { type: 'file', target: join(EXAMPLES, 'services.yaml') },
          { type: 'file', target: join(EXAMPLES, 'clusters.yaml') },
        ],
      },
    },
  });
  try {
    const alice = h.as('user:default/alice').authorization;
    // The catalog ingests the examples in the background: wait for them.
    let entities = 0;
    for (let i = 0; i < 120 && entities < 30; i++) {
      const answer = await h
        .request()
        .get('/api/catalog/entities')
        .set({ authorization: alice });
      entities = Array.isArray(answer.body) ? answer.body.length : 0;
      if (entities < 30) await new Promise(r => setTimeout(r, 500));
    }
    report({
      bench: 'approvals.api',
      database: target.name,
      readCache,
      metric: 'catalog_entities',
      value: entities,
      unit: 'entities',
    });
    const { port } = h.server.address() as AddressInfo;
    const comparisons: Array<[string, string, string]> = [
      ['catalog_entities', '/api/catalog/entities', alice],
      [
        'catalog_entity_by_name',
        '/api/catalog/entities/by-name/user/default/alice',
        alice,
      ],
      // No authentication, no database: the server's floor on this machine.
      ['health_liveness', '/.backstage/health/v1/liveness', alice],
    ];
    const views: Array<[string, string, string]> = [
      [
        'inbox_waiting',
        '/api/approvals/requests?view=waiting&status=open&limit=50',
        alice,
      ],
      [
        'inbox_mine',
        '/api/approvals/requests?view=mine&status=open&limit=50',
        h.as('user:default/dev-3').authorization,
      ],
      [
        'inbox_all_filtered',
        '/api/approvals/requests?view=all&status=open&environment=production&risk=high&limit=50',
        alice,
      ],
      [
        'inbox_all_cost_filtered',
        '/api/approvals/requests?view=all&status=open&minCostDelta=500&limit=50',
        alice,
      ],
      ['inbox_counts', '/api/approvals/requests/counts', alice],
      ['request_page', `/api/approvals/requests/${seeded.requestPage}`, alice],
      ...(readCache === READ_CACHE_PASSES[0] ? comparisons : []),
    ];
    // The machine is shared: say how busy it was, next to the figures.
    const busy = (when: string) =>
      report({
        bench: 'approvals.api',
        database: target.name,
        readCache,
        metric: `load_average_1m_${when}`,
        value: Math.round(loadavg()[0] * 100) / 100,
        unit: `runnable processes (${cpus().length} cores)`,
      });
    busy('before');
    const only = process.env.BENCH_APIS?.split(',');
    for (const [api, path, authorization] of views) {
      if (only && !only.includes(api)) continue;
      const writer = startWriter(h, seeded.writeTargets, decisions);
      try {
        await load(target.name, port, api, path, authorization, {
          readCache,
          writer,
        });
      } finally {
        await writer.stop();
      }
    }
    busy('after');
  } finally {
    await h.backend.stop();
  }
}

async function onDatabase(target: Target, workflow: Knex) {
  try {
    const store = await DatabaseApprovalsStore.create({
      database: mockServices.database({
        knex: workflow,
        migrations: { skip: false },
      }),
    });
    await benchSubmit(target.name, workflowOn(store));
    await benchApis(target);
    if (target.name === 'postgres') await benchDecisions(target.name, store);
  } finally {
    await workflow.destroy();
    await target.cleanUp();
  }
}

function sqliteTarget(): { target: Target; workflow: Knex } {
  const dir = mkdtempSync(join(tmpdir(), 'approvals-bench-'));
  const open = (file: string) =>
    knexFactory({
      client: 'better-sqlite3',
      connection: { filename: join(dir, file) },
      useNullAsDefault: true,
    });
  return {
    workflow: open('workflow.sqlite'),
    target: {
      name: 'sqlite',
      config: {
        backend: {
          database: {
            client: 'better-sqlite3',
            connection: { directory: dir },
          },
        },
      },
      connect: pluginId => open(`${pluginId}.sqlite`),
      cleanUp: async () => rmSync(dir, { recursive: true, force: true }),
    },
  };
}

async function postgresTarget(
  url: string,
): Promise<{ target: Target; workflow: Knex }> {
  const prefix = `approvals_bench_${randomBytes(4).toString('hex')}_`;
  const admin = knexFactory({ client: 'pg', connection: url });
  const created: string[] = [];
  const database = async (name: string) => {
    await admin.raw('CREATE DATABASE ??', [name]);
    created.push(name);
    return knexFactory({
      client: 'pg',
      connection: `${url.replace(/\/$/, '')}/${name}`,
      pool: { min: 0, max: 20 },
    });
  };
  const workflow = await database(`${prefix}workflow`);
  // The backend creates the catalog's; the approvals database is seeded first.
  const approvals = await database(`${prefix}approvals`);
  await approvals.destroy();
  created.push(`${prefix}catalog`);
  return {
    workflow,
    target: {
      name: 'postgres',
      config: {
        backend: { database: { client: 'pg', connection: url, prefix } },
      },
      connect: pluginId =>
        knexFactory({
          client: 'pg',
          connection: `${url.replace(/\/$/, '')}/${prefix}${pluginId}`,
        }),
      cleanUp: async () => {
        for (const name of created) {
          await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [name]);
        }
        await admin.destroy();
      },
    },
  };
}

async function main() {
  const databases = process.env.BENCH_DATABASES?.split(',') ?? [
    'sqlite',
    'postgres',
  ];
  if (databases.includes('sqlite')) {
    const sqlite = sqliteTarget();
    await onDatabase(sqlite.target, sqlite.workflow);
  }
  if (!databases.includes('postgres')) return;
  const pgUrl =
    process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
  if (!pgUrl) {
    process.stderr.write(
      'PostgreSQL not configured: skipping its half of the benchmark\n',
    );
    return;
  }
  const postgres = await postgresTarget(pgUrl);
  await onDatabase(postgres.target, postgres.workflow);
}

main().then(
  () => process.exit(0),
  error => {
    process.stderr.write(`${error.stack}\n`);
    process.exit(1);
  },
);

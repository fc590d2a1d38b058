/*
 * Benchmark: the cost dashboard's queries over one year of daily aggregates
 * for 2,000 services, on SQLite and (when a server is configured) PostgreSQL.
 *
 *   ./gatehouse bench dashboard
 *
 * Loads 12 monthly "files" of aggregates through the store (rollups
 * included), then runs each query the cost page and an entity tab make, 30
 * times, and prints one JSON line per figure: load time, and p50/p95 per
 * query and over all of them. PostgreSQL comes from
 * BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING (`./gatehouse bench`
 * starts one).
 */
import knexFactory, { Knex } from 'knex';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { DailyAggregate } from '../src/focus';
import { DatabaseCostStore } from '../src/store/DatabaseCostStore';
import { SpendService } from '../src/service/spend/SpendService';
import { addDays } from '../src/store/dayRanges';

const SERVICES = 2000;
const DAYS = 365;
const RUNS = 30;
const GOAL_P95_MS = 100;
const LAST_DAY = '2026-10-31';
const FIRST_DAY = addDays(LAST_DAY, -(DAYS - 1));
const ENVIRONMENTS = ['development', 'staging', 'production'];
const CATEGORIES = ['Compute', 'Databases'];

const report = (figure: Record<string, unknown>) =>
  process.stdout.write(`${JSON.stringify(figure)}\n`);

function percentile(sorted: number[], p: number) {
  return sorted[
    Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  ];
}

/** A year of aggregates: each service runs in one environment with two cost categories a day. */
function* monthFiles(): Generator<{
  path: string;
  aggregates: DailyAggregate[];
}> {
  let day = FIRST_DAY;
  while (day <= LAST_DAY) {
    const month = day.slice(0, 7);
    const aggregates: DailyAggregate[] = [];
    for (; day <= LAST_DAY && day.startsWith(month); day = addDays(day, 1)) {
      const dayIndex = Math.round(
        (Date.parse(day) - Date.parse(FIRST_DAY)) / 86_400_000,
      );
      for (let s = 0; s < SERVICES; s++) {
        const service = `svc-${String(s).padStart(4, '0')}`;
        for (const [c, category] of CATEGORIES.entries()) {
          const cost = 5 + (s % 97) + ((dayIndex * 7 + s * 13 + c) % 11);
          aggregates.push({
            sourceFile: month,
            day,
            provider: 'AWS',
            service,
            team: `team-${s % 60}`,
            environment: ENVIRONMENTS[s % 3],
            serviceCategory: category,
            chargeCategory: 'Usage',
            currency: 'USD',
            billedCost: cost,
            effectiveCost: cost * 0.94,
            listCost: null,
            rowCount: 24,
          });
        }
      }
    }
    yield { path: `${month}.csv.gz`, aggregates };
  }
}

async function benchDatabase(name: string, knex: Knex) {
  const store = await DatabaseCostStore.create({
    database: {
      getClient: async () => knex,
      migrations: { skip: false },
    } as any,
  });
  const loadStarted = performance.now();
  let rows = 0;
  for (const file of monthFiles()) {
    rows += file.aggregates.length;
    await store.replaceFile({
      source: 'bench',
      path: file.path,
      sha256: file.path,
      size: 0,
      rowsRead: file.aggregates.length,
      rowsRejected: 0,
      rowsUnattributed: 0,
      aggregates: file.aggregates,
    });
  }
  report({
    bench: 'cost.dashboard',
    database: name,
    metric: 'load_aggregates',
    value: rows,
    unit: 'rows',
  });
  report({
    bench: 'cost.dashboard',
    database: name,
    metric: 'load_ms',
    value: Math.round(performance.now() - loadStarted),
    unit: 'ms',
  });

  const spend = new SpendService(store);
  const last30 = { from: addDays(LAST_DAY, -29), to: LAST_DAY };
  const last90 = { from: addDays(LAST_DAY, -89), to: LAST_DAY };
  const year = { from: FIRST_DAY, to: LAST_DAY };
  const base = { metric: 'effective' as const, filters: {} };
  // The requests the cost page and a service's cost tab make.
  const queries: Record<string, () => Promise<unknown>> = {
    totals_30d_by_service: () =>
      spend.totals({ ...base, range: last30, groupBy: 'service' }),
    timeseries_90d_top8_by_service: () =>
      spend.timeseries({ ...base, range: last90, groupBy: 'service', top: 8 }),
    movers_30d_by_team: () =>
      spend.movers({ ...base, range: last30, groupBy: 'team', limit: 10 }),
    totals_12m_by_team: () =>
      spend.totals({ ...base, range: year, groupBy: 'team' }),
    timeseries_12m_by_environment: () =>
      spend.timeseries({
        ...base,
        range: year,
        groupBy: 'environment',
        top: 5,
      }),
    entity_90d_by_environment: () =>
      spend.timeseries({
        ...base,
        range: last90,
        groupBy: 'environment',
        filters: { service: 'svc-0042' },
        top: 5,
      }),
  };
  const all: number[] = [];
  for (const [query, run] of Object.entries(queries)) {
    await run(); // warm caches and plans
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      await run();
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    all.push(...times);
    for (const p of [50, 95]) {
      report({
        bench: 'cost.dashboard',
        database: name,
        query,
        metric: `p${p}_ms`,
        value: Math.round(percentile(times, p) * 10) / 10,
        unit: 'ms',
      });
    }
  }
  all.sort((a, b) => a - b);
  const p95 = Math.round(percentile(all, 95) * 10) / 10;
  report({
    bench: 'cost.dashboard',
    database: name,
    query: 'all',
    metric: 'p95_ms',
    value: p95,
    unit: 'ms',
    goal: `<${GOAL_P95_MS}ms`,
    met: p95 < GOAL_P95_MS,
  });
}

async function main() {
  if (process.env.BENCH_ONLY_POSTGRES) {
    await benchPostgres();
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'cost-dashboard-bench-'));
  const sqlite = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: join(dir, 'cost.sqlite') },
    useNullAsDefault: true,
  });
  try {
    await benchDatabase('sqlite', sqlite);
  } finally {
    await sqlite.destroy();
    rmSync(dir, { recursive: true, force: true });
  }

  await benchPostgres();
}

async function benchPostgres() {
  const pgUrl =
    process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
  if (!pgUrl) {
    process.stderr.write(
      'PostgreSQL not configured: skipping its half of the benchmark\n',
    );
    return;
  }
  const database = `cost_bench_${randomBytes(4).toString('hex')}`;
  const admin = knexFactory({ client: 'pg', connection: pgUrl });
  await admin.raw(`CREATE DATABASE ${database}`);
  const pg = knexFactory({
    client: 'pg',
    connection: `${pgUrl.replace(/\/$/, '')}/${database}`,
  });
  try {
    await benchDatabase('postgres', pg);
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

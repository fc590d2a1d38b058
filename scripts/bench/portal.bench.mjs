// Portal benchmark: cold start of `yarn start` (until the backend is ready and
// the frontend is served), the backend's memory after start, and the catalog
// API's latency under a bounded load (20 concurrent clients for 30 s, on
// loopback). Prints one JSON line per figure.
import { spawn } from 'node:child_process';
import {
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { percentile, report } from './lib/report.mjs';

const BACKEND_PORT = Number(process.env.BENCH_BACKEND_PORT ?? 7037);
const FRONTEND_PORT = Number(process.env.BENCH_FRONTEND_PORT ?? 3037);
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 30);
const CONNECTIONS = 20;
const backendUrl = `http://localhost:${BACKEND_PORT}`;
const frontendUrl = `http://localhost:${FRONTEND_PORT}`;

const sleep = ms => new Promise(wake => setTimeout(wake, ms));

async function waitFor(url, deadlineMs, accept = response => response.ok) {
  while (Date.now() < deadlineMs) {
    try {
      const response = await fetch(url);
      if (accept(response)) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`${url} did not answer in time`);
}

/** Every process below `pid`, from /proc. */
function descendants(pid) {
  const children = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(
        stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1],
      );
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // the process ended while we looked
    }
  }
  const result = [];
  const queue = [pid];
  while (queue.length) {
    const next = queue.shift();
    for (const child of children.get(next) ?? []) {
      result.push(child);
      queue.push(child);
    }
  }
  return result;
}

function rssMb(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

function cwdOf(pid) {
  try {
    return readlinkSync(`/proc/${pid}/cwd`);
  } catch {
    return '';
  }
}

async function signInToken() {
  const response = await fetch(`${backendUrl}/api/auth/gatehouse-dev/refresh`, {
    headers: { 'x-gatehouse-dev-user': 'alice' },
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status}`);
  return (await response.json()).backstageIdentity.token;
}

async function measureCatalogLoad(token) {
  const latencies = [];
  const instance = autocannon({
    url: `${backendUrl}/api/catalog/entities`,
    headers: { authorization: `Bearer ${token}` },
    connections: CONNECTIONS,
    duration: LOAD_SECONDS,
  });
  // autocannon's summary has no p95, so keep every response time.
  instance.on('response', (_client, _status, _bytes, responseTimeMs) => {
    latencies.push(responseTimeMs);
  });
  const result = await instance;
  latencies.sort((a, b) => a - b);
  return { latencies, result };
}

const dataDir = mkdtempSync(join(tmpdir(), 'gatehouse-bench-'));
const started = performance.now();
const portal = spawn('yarn', ['start'], {
  env: {
    ...process.env,
    APP_CONFIG_app_baseUrl: frontendUrl,
    APP_CONFIG_app_listen_port: String(FRONTEND_PORT),
    APP_CONFIG_backend_baseUrl: backendUrl,
    APP_CONFIG_backend_listen_port: String(BACKEND_PORT),
    APP_CONFIG_backend_cors_origin: frontendUrl,
    APP_CONFIG_backend_database_connection_directory: dataDir,
  },
  stdio: 'ignore',
  detached: true,
});

try {
  const deadline = Date.now() + 300_000;
  await Promise.all([
    waitFor(`${backendUrl}/.backstage/health/v1/readiness`, deadline),
    waitFor(frontendUrl, deadline),
  ]);
  const coldStartMs = performance.now() - started;
  report({
    bench: 'portal.start',
    metric: 'cold_start_ms',
    value: coldStartMs,
    unit: 'ms',
  });

  // Let start-up work (catalog ingestion, search indexing) settle before measuring.
  await sleep(10_000);
  const processes = descendants(portal.pid);
  const backendRss = Math.max(
    0,
    ...processes
      .filter(pid => cwdOf(pid).endsWith('packages/backend'))
      .map(rssMb),
  );
  const totalRss = processes.map(rssMb).reduce((sum, value) => sum + value, 0);
  report({
    bench: 'portal.start',
    metric: 'backend_rss_mb',
    value: backendRss,
    unit: 'MB',
  });
  report({
    bench: 'portal.start',
    metric: 'portal_rss_mb',
    value: totalRss,
    unit: 'MB',
    note: 'frontend dev server + backend',
  });

  const token = await signInToken();
  const { latencies, result } = await measureCatalogLoad(token);
  const base = {
    bench: 'catalog.entities',
    connections: CONNECTIONS,
    seconds: LOAD_SECONDS,
  };
  for (const p of [50, 95, 99]) {
    report({
      ...base,
      metric: `latency_p${p}_ms`,
      value: percentile(latencies, p),
      unit: 'ms',
    });
  }
  report({
    ...base,
    metric: 'requests_per_second',
    value: result.requests.average,
    unit: 'req/s',
  });
  report({
    ...base,
    metric: 'non_2xx',
    value: result.non2xx + result.errors,
    unit: 'responses',
  });
} finally {
  try {
    process.kill(-portal.pid, 'SIGTERM');
  } catch {
    // already gone
  }
  await sleep(1000);
  rmSync(dataDir, { recursive: true, force: true });
}

// Several Gatehouse backends on one PostgreSQL behind nginx, on this machine:
// the shape of a production deployment without containers. Used by the
// multi-replica tests (scripts/multi-replica.mjs) and the replicas benchmark
// (scripts/bench/replicas.bench.mjs).
//
// Each replica is one Node process running the backend's sources (as
// `yarn workspace @gatehouse/backend start` does, without its file watcher,
// so a replica is exactly one process to stop), in development mode so the
// example users can sign in. All replicas share one generated configuration:
// PostgreSQL, the events bus between replicas, a shared service-token secret,
// nginx's address as the base URL (pages and their WebSockets go through the
// balancer). nginx (Debian's package) balances round robin and passes the
// WebSocket upgrade of signals.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  createWriteStream,
  mkdirSync,
  mkdtempSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const sleep = ms => new Promise(wake => setTimeout(wake, ms));

/** PostgreSQL from BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING. */
function postgresConnection() {
  const raw = process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
  if (!raw) {
    throw new Error(
      'BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING must name a PostgreSQL server (scripts/multi-replica.sh starts one)',
    );
  }
  const url = new URL(raw);
  return {
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
  };
}

function clusterConfig({ baseUrl, dir, billingDir, pluginDivisionPrefix }) {
  return {
    app: { baseUrl },
    backend: {
      baseUrl,
      cors: { origin: baseUrl },
      auth: { keys: [{ secret: randomBytes(24).toString('hex') }] },
      // Short in tests; production waits 10 s for endpoints to drain.
      lifecycle: { serverShutdownDelay: { seconds: 2 } },
      database: {
        client: 'pg',
        connection: postgresConnection(),
        // Every run gets databases of its own on a shared server.
        prefix: pluginDivisionPrefix,
        knexConfig: { pool: { min: 0, max: 4 } },
      },
    },
    events: { useEventBus: 'always' },
    gatehouse: {
      cost: {
        ingestion: {
          locations: [billingDir],
          schedule: { frequency: { minutes: 30 } },
        },
      },
      // Short, so a test can see a request expire; the expiry task runs 30 s
      // after start-up and every 10 minutes, or when triggered.
      // A string: an object would merge with app-config.yaml's { days: 7 }.
      approvals: { expiresAfter: '15s' },
      environments: {
        localPublisher: { directory: join(dir, 'repositories') },
      },
    },
    // No clusters: the tests are about replicas, not workloads.
    kubernetes: {
      clusterLocatorMethods: [{ type: 'config', clusters: [] }],
    },
  };
}

function nginxConfig({ dir, port, upstreams, logDir }) {
  // With GATEHOUSE_MR_LOG_DIR: which replica answered each request, how fast.
  const accessLog = logDir
    ? `log_format replicas '$time_iso8601 $request $status ' '$upstream_addr $request_time';
  access_log ${join(logDir, 'nginx-access.log')} replicas;`
    : 'access_log off;';
  const servers = upstreams
    .map(p => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=3s;`)
    .join('\n');
  return `daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/nginx-error.log warn;
events { worker_connections 2048; }
http {
  ${accessLog}
  client_body_temp_path ${dir}/nginx-body;
  proxy_temp_path ${dir}/nginx-proxy;
  fastcgi_temp_path ${dir}/nginx-fastcgi;
  uwsgi_temp_path ${dir}/nginx-uwsgi;
  scgi_temp_path ${dir}/nginx-scgi;
  client_max_body_size 50m;
  map $http_upgrade $connection_upgrade {
    default upgrade;
    '' '';
  }
  upstream gatehouse {
    # Round robin (nginx's default).
${servers}
    keepalive 64;
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://gatehouse;
      proxy_http_version 1.1;
      proxy_set_header Host $http_host;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_read_timeout 3600s;
      # A replica that refuses connections is skipped; requests that are not
      # idempotent (POST) are never sent twice.
      proxy_next_upstream error timeout http_502 http_503;
      # Which replica answered: the tests use it to pick "another" replica.
      add_header X-Gatehouse-Replica $upstream_addr always;
    }
  }
}
`;
}

async function waitReady(url, deadline, isAlive) {
  while (Date.now() < deadline) {
    if (!isAlive()) throw new Error(`${url} exited before it was ready`);
    try {
      const response = await fetch(`${url}/.backstage/health/v1/readiness`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(500);
  }
  throw new Error(`${url} was not ready in time`);
}

/**
 * Starts `replicas` backends and nginx in front of them. Returns the
 * balancer's URL, the replicas (each with its URL and stop()), setUpstreams()
 * to change which replicas nginx balances over, and stop().
 */
export async function startCluster({
  replicas = 3,
  portBase = Number(process.env.GATEHOUSE_MR_PORT_BASE ?? 17100),
  log = message => process.stderr.write(`[multi-replica] ${message}\n`),
  startTimeoutMs = 300_000,
} = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'gatehouse-replicas-'));
  const nginxPort = portBase;
  const baseUrl = `http://127.0.0.1:${nginxPort}`;
  const billingDir = join(dir, 'billing');
  mkdirSync(join(dir, 'repositories'));
  // GATEHOUSE_MR_LOG_DIR keeps each replica's whole output and nginx's access
  // log for debugging (with LOG_LEVEL=debug for the backends' debug lines).
  const logDir = process.env.GATEHOUSE_MR_LOG_DIR;
  if (logDir) mkdirSync(logDir, { recursive: true });

  // Synthetic FOCUS billing for the example services, for ingestion, for a
  // stated day: the same files on every day the tests run.
  const generated = spawnSync(
    process.execPath,
    [
      '--require',
      '@backstage/cli/config/nodeTransform.cjs',
      'plugins/cost-backend/scripts/generate-example-billing.ts',
      billingDir,
      '--days',
      '45',
      '--today',
      '2026-11-18',
    ],
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (generated.status !== 0) throw new Error('billing generation failed');

  const configFile = join(dir, 'app-config.multi-replica.yaml');
  writeFileSync(
    configFile,
    JSON.stringify(
      clusterConfig({
        baseUrl,
        dir,
        billingDir,
        pluginDivisionPrefix: `gh_mr_${randomBytes(3).toString('hex')}_`,
      }),
      null,
      2,
    ),
  );

  const started = [];
  const nodes = Array.from({ length: replicas }, (_, i) => {
    const port = portBase + 1 + i;
    const name = String.fromCharCode(97 + i); // a, b, c
    return { name, port, url: `http://127.0.0.1:${port}` };
  });

  const spawnReplica = node => {
    const child = spawn(
      process.execPath,
      [
        '--no-node-snapshot',
        '--require',
        '@backstage/cli/config/nodeTransform.cjs',
        'src/index.ts',
        '--config',
        '../../app-config.yaml',
        '--config',
        configFile,
      ],
      {
        cwd: join(root, 'packages/backend'),
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          ...process.env,
          NODE_ENV: 'development',
          APP_CONFIG_backend_listen_port: String(node.port),
        },
      },
    );
    const lines = [];
    const keep = chunk => {
      lines.push(chunk.toString());
      if (lines.length > 400) lines.splice(0, lines.length - 400);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    if (logDir) {
      const file = createWriteStream(join(logDir, `replica-${node.name}.log`), {
        flags: 'a',
      });
      child.stdout.pipe(file, { end: false });
      child.stderr.pipe(file, { end: false });
    }
    node.child = child;
    node.pid = child.pid;
    node.exited = false;
    node.tail = () => lines.join('').split('\n').slice(-40).join('\n');
    child.on('exit', () => {
      node.exited = true;
    });
    started.push(node);
  };

  let nginx;
  const nginxConf = join(dir, 'nginx.conf');
  const setUpstreams = async names => {
    const ports = nodes.filter(n => names.includes(n.name)).map(n => n.port);
    writeFileSync(
      nginxConf,
      nginxConfig({
        dir,
        port: nginxPort,
        upstreams: ports,
        logDir,
      }),
    );
    if (nginx) {
      spawnSync('nginx', [
        '-p',
        dir,
        '-c',
        nginxConf,
        '-e',
        join(dir, 'nginx-error.log'),
        '-s',
        'reload',
      ]);
      // Old workers finish their requests; new ones use the new upstreams.
      await sleep(500);
    }
  };

  const stop = async () => {
    for (const node of started) {
      if (!node.exited) {
        try {
          process.kill(-node.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    }
    if (nginx && nginx.exitCode === null) {
      try {
        process.kill(-nginx.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    await sleep(300);
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    await setUpstreams(nodes.map(n => n.name));
    nginx = spawn(
      'nginx',
      ['-p', dir, '-c', nginxConf, '-e', join(dir, 'nginx-error.log')],
      { detached: true, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    const startedAt = Date.now();
    // The first replica creates the databases and runs the migrations; the
    // others start once it is ready, as a rolling deployment would.
    spawnReplica(nodes[0]);
    await waitReady(
      nodes[0].url,
      startedAt + startTimeoutMs,
      () => !nodes[0].exited,
    );
    log(
      `replica a ready on ${nodes[0].url} (${Math.round(
        (Date.now() - startedAt) / 1000,
      )} s)`,
    );
    nodes.slice(1).forEach(spawnReplica);
    await Promise.all(
      nodes.slice(1).map(async node => {
        await waitReady(
          node.url,
          startedAt + startTimeoutMs,
          () => !node.exited,
        );
        log(`replica ${node.name} ready on ${node.url}`);
      }),
    );
    await waitReady(
      baseUrl,
      startedAt + startTimeoutMs,
      () => nginx.exitCode === null,
    );
    log(`nginx balancing ${nodes.length} replicas on ${baseUrl}`);
  } catch (error) {
    for (const node of started) {
      if (node.exited || error.message.includes(node.url)) {
        log(`replica ${node.name} output:\n${node.tail()}`);
      }
    }
    await stop();
    throw error;
  }

  /** Stops one replica as Kubernetes would: SIGTERM, then wait for exit. */
  const stopReplica = async (name, timeoutMs = 30_000) => {
    const node = nodes.find(n => n.name === name);
    if (node.exited) return;
    const exited = new Promise(resolve => node.child.once('exit', resolve));
    process.kill(-node.pid, 'SIGTERM');
    await Promise.race([exited, sleep(timeoutMs)]);
    if (!node.exited) process.kill(-node.pid, 'SIGKILL');
  };

  return {
    baseUrl,
    dir,
    replicas: nodes.map(({ name, port, url, pid }) => ({
      name,
      port,
      url,
      pid,
    })),
    setUpstreams,
    stopReplica,
    stop,
  };
}

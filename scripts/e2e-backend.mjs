// Starts the backend for the browser tests: development mode (so the example
// users can sign in), its own port and a fresh SQLite directory, serving the
// built frontend. Settings go through APP_CONFIG_* variables, which override
// app-config.yaml without another config file.
//
// The tests run at a stated date (packages/app/e2e-tests/clock.ts), not the
// machine's: the example billing is generated for that day, and the backend
// and the cluster simulator run under libfaketime (Debian's faketime), moved by
// the run's whole-second offset, so their clocks agree with the pages'.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';

const port = process.env.GATEHOUSE_E2E_PORT ?? '7017';
/** The static token the browser tests' pipeline reports with (test-only backend). */
const E2E_PIPELINE_TOKEN = 'e2e-pipeline-token-not-a-secret';
const dataDir = process.env.GATEHOUSE_E2E_DATA_DIR;
if (!dataDir)
  throw new Error('GATEHOUSE_E2E_DATA_DIR must name a data directory');
const baseUrl = `http://localhost:${port}`;
const billingDir = join(dataDir, 'billing');

const today = process.env.GATEHOUSE_E2E_TODAY;
const offsetSeconds = Number(process.env.GATEHOUSE_E2E_CLOCK_OFFSET_SECONDS);
if (!today || !Number.isInteger(offsetSeconds)) {
  throw new Error(
    "GATEHOUSE_E2E_TODAY and GATEHOUSE_E2E_CLOCK_OFFSET_SECONDS must state the tests' date (playwright.config.ts sets them)",
  );
}
if (spawnSync('faketime', ['-f', '+0', 'true']).status !== 0) {
  throw new Error(
    "faketime is missing: the browser tests' backend runs at their stated date with it (Debian: apt-get install faketime)",
  );
}
/** Runs a command with its clock moved to the tests' date. */
function onTestClock(command, args) {
  const offset = `${offsetSeconds >= 0 ? '+' : ''}${offsetSeconds}`;
  return ['faketime', ['-f', offset, command, ...args]];
}
const clockEnv = {
  // Timers and durations stay on the real monotonic clock.
  FAKETIME_DONT_FAKE_MONOTONIC: '1',
};

// Synthetic billing for the example services: 45 days keeps start-up quick.
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
    today,
  ],
  { stdio: 'inherit' },
);
if (generated.status !== 0) process.exit(generated.status ?? 1);

// Simulated clusters of their own (a simulator, not Kubernetes), on ports that do
// not collide with a portal running from `./gatehouse start` (6443-6445).
const simulatorPortBase = Number(
  process.env.GATEHOUSE_E2E_SIMULATOR_PORT_BASE ?? '16443',
);
const simulator = spawn(
  ...onTestClock(process.execPath, [
    '--require',
    '@backstage/cli/config/nodeTransform.cjs',
    'packages/cluster-simulator/src/main.ts',
    '--port-base',
    String(simulatorPortBase),
  ]),
  {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ...clockEnv },
  },
);
const simulatedClusters = [
  'eks-development-use1',
  'eks-staging-use1',
  'eks-production-use1',
].map((name, i) => ({
  name,
  url: `http://127.0.0.1:${simulatorPortBase + i}`,
  authProvider: 'serviceAccount',
  serviceAccountToken: 'simulator-no-auth',
  skipTLSVerify: false,
  skipMetricsLookup: false,
}));

const child = spawn(
  ...onTestClock('yarn', ['workspace', '@gatehouse/backend', 'start']),
  {
    stdio: 'inherit',
    env: {
      ...process.env,
      ...clockEnv,
      APP_CONFIG_app_baseUrl: baseUrl,
      APP_CONFIG_backend_baseUrl: baseUrl,
      APP_CONFIG_backend_listen_port: port,
      APP_CONFIG_backend_cors_origin: baseUrl,
      APP_CONFIG_backend_database_connection_directory: dataDir,
      APP_CONFIG_gatehouse_cost_ingestion_locations: JSON.stringify([
        billingDir,
      ]),
      // Environments created in the browser tests are published here.
      APP_CONFIG_gatehouse_environments_localPublisher_directory: join(
        dataDir,
        'repositories',
      ),
      APP_CONFIG_kubernetes_clusterLocatorMethods: JSON.stringify([
        { type: 'config', clusters: simulatedClusters },
      ]),
      // Delivery (packages/app/e2e-tests/delivery.test.ts): environment
      // branches are read every 3 s, and the pipeline reports with a static
      // token as CI does (docs/production.md).
      APP_CONFIG_gatehouse_delivery_pollInterval: JSON.stringify({
        seconds: 3,
      }),
      APP_CONFIG_backend_auth_externalAccess: JSON.stringify([
        {
          type: 'static',
          options: { token: E2E_PIPELINE_TOKEN, subject: 'ci-pipelines' },
        },
      ]),
    },
  },
);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    simulator.kill(signal);
    child.kill(signal);
  });
}
child.on('exit', code => {
  simulator.kill('SIGTERM');
  process.exit(code ?? 0);
});

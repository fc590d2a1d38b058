// Starts the backend for the browser tests: development mode (so the example
// users can sign in), its own port and a fresh SQLite directory, serving the
// built frontend. Settings go through APP_CONFIG_* variables, which override
// app-config.yaml without another config file.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';

const port = process.env.GATEHOUSE_E2E_PORT ?? '7017';
const dataDir = process.env.GATEHOUSE_E2E_DATA_DIR;
if (!dataDir)
  throw new Error('GATEHOUSE_E2E_DATA_DIR must name a data directory');
const baseUrl = `http://localhost:${port}`;
const billingDir = join(dataDir, 'billing');

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
  ],
  { stdio: 'inherit' },
);
if (generated.status !== 0) process.exit(generated.status ?? 1);

const child = spawn('yarn', ['workspace', '@gatehouse/backend', 'start'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    APP_CONFIG_app_baseUrl: baseUrl,
    APP_CONFIG_backend_baseUrl: baseUrl,
    APP_CONFIG_backend_listen_port: port,
    APP_CONFIG_backend_cors_origin: baseUrl,
    APP_CONFIG_backend_database_connection_directory: dataDir,
    APP_CONFIG_gatehouse_cost_ingestion_locations: JSON.stringify([billingDir]),
  },
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', code => process.exit(code ?? 0));

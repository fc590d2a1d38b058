// Starts three Gatehouse replicas on one PostgreSQL behind nginx
// (scripts/multi-replica-cluster.mjs) and runs the multi-replica tests
// (packages/deploy-tests/multi-replica) against them, then stops everything.
// Run through scripts/multi-replica.sh, which provides PostgreSQL, nginx and
// Chromium. Extra arguments go to Playwright (e.g. a test file filter).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { startCluster } from './multi-replica-cluster.mjs';

const root = new URL('..', import.meta.url).pathname;
const require = createRequire(import.meta.url);
const cluster = await startCluster({ replicas: 3 });

let stopping = false;
const shutdown = async code => {
  if (stopping) return;
  stopping = true;
  await cluster.stop();
  process.exit(code);
};
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => shutdown(1));
}

const playwright = spawn(
  process.execPath,
  [
    require.resolve('@playwright/test/cli'),
    'test',
    '--config',
    'packages/deploy-tests/multi-replica/playwright.config.ts',
    ...process.argv.slice(2),
  ],
  {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      GATEHOUSE_MR_URL: cluster.baseUrl,
      GATEHOUSE_MR_REPLICAS: JSON.stringify(cluster.replicas),
    },
  },
);
playwright.on('exit', code => shutdown(code ?? 1));

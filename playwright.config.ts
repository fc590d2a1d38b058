import { defineConfig } from '@playwright/test';
import { generateProjects } from '@backstage/e2e-test-utils/playwright';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  E2E_TODAY,
  e2eClockOffsetSeconds,
} from './packages/app/e2e-tests/clock';

/**
 * Browser tests run against the built frontend served by the backend (the
 * production shape, and three times faster to load than the dev server), in
 * Debian's Chromium, on a fresh SQLite data directory of their own.
 * `./gatehouse test` builds the frontend first. They run at a stated date,
 * not the machine's (packages/app/e2e-tests/clock.ts).
 */
const port = Number(process.env.GATEHOUSE_E2E_PORT ?? 7017);
const baseURL = process.env.PLAYWRIGHT_URL ?? `http://localhost:${port}`;
const dataDir =
  process.env.GATEHOUSE_E2E_DATA_DIR ??
  mkdtempSync(join(tmpdir(), 'gatehouse-e2e-'));
process.env.GATEHOUSE_E2E_DATA_DIR = dataDir;

const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  // Quiet on a closed network: no background requests to Google's services.
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

export default defineConfig({
  timeout: 90_000,
  expect: { timeout: 30_000 },
  workers: 1,
  webServer: process.env.PLAYWRIGHT_URL
    ? []
    : [
        {
          command: 'node scripts/e2e-backend.mjs',
          url: `${baseURL}/.backstage/health/v1/readiness`,
          reuseExistingServer: false,
          timeout: 180_000,
          stdout: 'ignore',
          stderr: 'pipe',
          env: {
            GATEHOUSE_E2E_PORT: String(port),
            GATEHOUSE_E2E_DATA_DIR: dataDir,
            GATEHOUSE_E2E_TODAY: E2E_TODAY,
            GATEHOUSE_E2E_CLOCK_OFFSET_SECONDS: String(e2eClockOffsetSeconds()),
          },
        },
      ],
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  reporter: [
    ['list'],
    ['html', { open: 'never', outputFolder: 'e2e-test-report' }],
    ['json', { outputFile: '.tools/reports/e2e.json' }],
  ],
  use: {
    baseURL,
    actionTimeout: 30_000,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  outputDir: '.tools/e2e-test-results',
  // generateProjects() asks for Google Chrome; use Debian's Chromium instead.
  projects: generateProjects().map(project => ({
    ...project,
    use: { ...project.use, channel: undefined, launchOptions: chromium },
  })),
});

import { defineConfig } from '@playwright/test';

/**
 * The multi-replica tests, against the replicas and nginx that
 * scripts/multi-replica.sh starts (GATEHOUSE_MR_URL, GATEHOUSE_MR_REPLICAS).
 * One worker, files in order: the last one stops a replica.
 */
export default defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.ts$/,
  timeout: 120_000,
  expect: { timeout: 20_000 },
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [
    ['list'],
    ['json', { outputFile: '../../../.tools/reports/multi-replica.json' }],
  ],
  use: {
    baseURL: process.env.GATEHOUSE_MR_URL,
    actionTimeout: 30_000,
    trace: 'retain-on-failure',
  },
  outputDir: '../../../.tools/multi-replica-results',
  projects: [
    {
      name: 'chromium',
      use: {
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
});

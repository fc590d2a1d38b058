import { Browser, Page, test as base } from '@playwright/test';
import { e2eNow } from './clock';

/**
 * Playwright's `test` with every browser context on the tests' clock
 * (./clock.ts): pages start at the same moment as the backend's moved clock,
 * and time flows normally from there.
 */
export const test = base.extend({
  context: async ({ context }, runTest) => {
    await context.clock.install({ time: e2eNow() });
    await runTest(context);
  },
});

/**
 * A page in a browser context of its own (another person, with their own
 * sign-in), on the tests' clock.
 */
export async function newPersonPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  await context.clock.install({ time: e2eNow() });
  return context.newPage();
}

export { expect } from '@playwright/test';

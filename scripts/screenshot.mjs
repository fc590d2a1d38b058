#!/usr/bin/env node
// Screenshot a portal page in Debian's Chromium, signed in as an example user.
//   node scripts/screenshot.mjs <path> <out.png> [user] [waitForText]
// SHOT_TEST_ID=<data-testid> shoots only that element; SHOT_NOW=<ISO time>
// sets the page's clock (a portal started at another date, as the browser
// tests' backend is).
// The user's choice is stored the way the sign-in page stores it, so the page
// opens signed in.
import { chromium } from '@playwright/test';

const [path = '/', out = 'screenshot.png', user = 'alice', waitFor] =
  process.argv.slice(2);
const baseURL = process.env.GATEHOUSE_URL ?? 'http://localhost:3000';
const browser = await chromium.launch({
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
});
try {
  const page = await browser.newPage({
    baseURL,
    viewport: { width: 1440, height: 1000 },
  });
  if (user !== 'none') {
    await page.addInitScript(choice => {
      window.localStorage.setItem('@gatehouse/sign-in-choice', choice);
    }, JSON.stringify(user === 'guest' ? { provider: 'guest' } : { provider: 'gatehouse-dev', userEntityRef: `user:default/${user}` }));
  }
  if (process.env.SHOT_NOW) {
    await page.clock.install({ time: new Date(process.env.SHOT_NOW) });
  }
  await page.goto(path);
  if (waitFor)
    await page.getByText(waitFor).first().waitFor({ timeout: 60_000 });
  else await page.waitForTimeout(8000);
  await page.waitForTimeout(1000);
  if (process.env.SHOT_TEST_ID) {
    await page.getByTestId(process.env.SHOT_TEST_ID).screenshot({ path: out });
  } else {
    await page.screenshot({ path: out, fullPage: true });
  }
  console.log(`saved ${out}`);
} finally {
  await browser.close();
}

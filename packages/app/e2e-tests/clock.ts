/**
 * The date the browser tests run at, whatever the machine's date is.
 *
 * The example billing is generated for this day (`--today`), the backend and
 * the cluster simulator run with their clocks moved to it (libfaketime, by a
 * whole-second offset, in scripts/e2e-backend.mjs), and every page gets the
 * same clock (Playwright's `page.clock`, in ./fixtures.ts). Time then flows
 * normally from there, alike in the page and the backend.
 */
export const E2E_START = '2026-11-18T10:00:00Z';

/** The UTC day the example billing is generated for. */
export const E2E_TODAY = E2E_START.slice(0, 10);

const OFFSET_VARIABLE = 'GATEHOUSE_E2E_CLOCK_OFFSET_SECONDS';

/**
 * Seconds from the machine's clock to the tests' clock, decided once per run:
 * the first process to ask (Playwright's runner, loading its config) fixes it
 * in the environment, which its web server and workers inherit.
 */
export function e2eClockOffsetSeconds(): number {
  const fixed = process.env[OFFSET_VARIABLE];
  if (fixed !== undefined) return Number(fixed);
  const offset = Math.round((Date.parse(E2E_START) - Date.now()) / 1000);
  process.env[OFFSET_VARIABLE] = String(offset);
  return offset;
}

/** The tests' "now": the machine's time moved by the run's offset. */
export function e2eNow(): Date {
  return new Date(Date.now() + e2eClockOffsetSeconds() * 1000);
}

/**
 * The date Gatehouse's backend tests run at. Plans are validated against
 * dated support calendars (Kubernetes, database and cache versions), so the
 * date is part of what a test asserts: tests state it instead of reading the
 * machine's clock.
 */
export const TEST_NOW = '2026-12-07T12:00:00Z';

/**
 * Backend configuration with the backend's clock (`@gatehouse/clock`) set to
 * {@link TEST_NOW}, merged into the test's own configuration.
 */
export function withTestClock(
  data: Record<string, any> = {},
  startAt: string = TEST_NOW,
): Record<string, any> {
  return {
    ...data,
    gatehouse: {
      ...data.gatehouse,
      clock: { startAt, ...data.gatehouse?.clock },
    },
  };
}

/**
 * Pins `Date` to {@link TEST_NOW} for every test of a package (call it from
 * its `setupTests.ts`; import `@gatehouse/test-utils/testClock`, which loads
 * nothing else). Only `Date` is faked; timers run normally. A test that needs
 * another date passes `asOf` (or calls `jest.setSystemTime`).
 */
export function pinTestDate(): void {
  jest.useFakeTimers({
    now: new Date(TEST_NOW),
    doNotFake: [
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'requestAnimationFrame',
      'cancelAnimationFrame',
      'requestIdleCallback',
      'cancelIdleCallback',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout',
    ],
  });
}

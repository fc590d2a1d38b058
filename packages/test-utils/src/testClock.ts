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

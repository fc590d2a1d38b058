/*
 * Every test in this package runs at a stated date: plans are validated and
 * priced against dated support calendars (Kubernetes, database and cache
 * versions), so the date is part of each test's input, never the machine's.
 * Only `Date` is faked; timers run normally. A test that needs another date
 * passes `asOf` (or calls `jest.setSystemTime`).
 */
jest.useFakeTimers({
  now: new Date('2026-12-07T12:00:00Z'),
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

export {};

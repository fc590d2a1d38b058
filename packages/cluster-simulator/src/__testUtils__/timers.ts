import { setTimeout as realSleep } from 'node:timers/promises';

/**
 * Fakes setTimeout/setInterval (and their clear functions) of the code under
 * test, and nothing else: the event loop (setImmediate, nextTick, microtasks)
 * and the clock stay real, so the simulator's HTTP servers and the test's
 * HTTP clients keep exchanging data while its delays and watch timeouts wait
 * for `jest.advanceTimersByTime`. Node's own HTTP internals use the real
 * timers of `node:timers`, which Jest does not fake.
 *
 * Call `jest.useRealTimers()` when done.
 */
export function fakeServerTimers() {
  jest.useFakeTimers({
    doNotFake: [
      'Date',
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'setImmediate',
      'clearImmediate',
      'requestAnimationFrame',
      'cancelAnimationFrame',
      'requestIdleCallback',
      'cancelIdleCallback',
    ],
  });
}

/**
 * Waits (in real time, whatever timers are faked) until `condition` holds.
 * The limit is only there to end a broken test with a message; it is not a
 * statement about speed.
 */
export async function waitUntil(
  condition: () => boolean,
  what: string,
  limitMs = 30_000,
) {
  const giveUpAt = Date.now() + limitMs;
  while (!condition()) {
    if (Date.now() > giveUpAt) {
      throw new Error(`gave up waiting until ${what}`);
    }
    await realSleep(5);
  }
}

/** Lets pending real I/O callbacks run (a few turns of the real event loop). */
export async function settleIo() {
  for (let i = 0; i < 5; i++) {
    await realSleep(5);
  }
}

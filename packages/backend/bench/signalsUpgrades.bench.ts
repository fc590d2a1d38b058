/*
 * Benchmark: the signals module's start-up priming (see
 * src/modules/signalsUpgrades), one JSON line per measured figure.
 *
 *   yarn bench signalsUpgrades      (or ./gatehouse bench signalsUpgrades)
 *
 * (a) How long priming a fresh signals plugin takes, and how many handshakes
 *     it sends (the first is always left unanswered by the plugin, so this
 *     is about the attempt timeout plus one upgrade).
 * (b) How long a WebSocket handshake takes to be upgraded once primed (what
 *     a browser's first live-update socket waits for).
 *
 * These are the figures the unit tests used to assert as wall-clock bounds;
 * the tests now check only the outcomes.
 */
import { startTestBackend } from '@backstage/backend-test-utils';
import signalsPlugin from '@backstage/plugin-signals-backend';
import {
  primeUpgradeListener,
  sendWebSocketHandshake,
} from '../src/modules/signalsUpgrades/primeUpgradeListener';
import { benchReporter, summarizeMs, timed } from '@gatehouse/test-utils';

const PRIMINGS = 5;
const HANDSHAKES = 30;
const ATTEMPT_TIMEOUT_MS = 500;

const { report, progress } = benchReporter('signals-upgrades');

const summary = summarizeMs;

async function signalsBackend() {
  const backend = await startTestBackend({ features: [signalsPlugin] });
  return {
    backend,
    url: new URL(`http://127.0.0.1:${backend.server.port()}/api/signals`),
  };
}

async function main() {
  const backends: Array<{ stop(): Promise<void> }> = [];
  try {
    progress(`(a) priming ${PRIMINGS} fresh signals backends`);
    const primings: number[] = [];
    const attempts: number[] = [];
    let primed: URL | undefined;
    for (let i = 0; i < PRIMINGS; i++) {
      const { backend, url } = await signalsBackend();
      backends.push(backend);
      const { ms, value } = await timed(() =>
        primeUpgradeListener({ url, attemptTimeoutMs: ATTEMPT_TIMEOUT_MS }),
      );
      primings.push(ms);
      attempts.push(value.attempts);
      primed = url;
    }
    report({
      figure: 'priming',
      attempt_timeout_ms: ATTEMPT_TIMEOUT_MS,
      handshakes_sent: attempts,
      ...summary(primings),
    });

    progress(`(b) ${HANDSHAKES} handshakes once primed`);
    const handshakes: number[] = [];
    const outcomes = new Map<string, number>();
    for (let i = 0; i < HANDSHAKES + 2; i++) {
      const { ms, value } = await timed(() =>
        sendWebSocketHandshake(primed!, 30_000),
      );
      // The first two are warm-ups, not counted.
      if (i >= 2) {
        handshakes.push(ms);
        outcomes.set(value.kind, (outcomes.get(value.kind) ?? 0) + 1);
      }
    }
    report({
      figure: 'handshake-once-primed',
      outcomes: Object.fromEntries(outcomes),
      ...summary(handshakes),
    });
  } finally {
    await Promise.all(backends.map(b => b.stop()));
  }
}

main().then(
  () => process.exit(0),
  error => {
    process.stderr.write(`${error?.stack ?? error}\n`);
    process.exit(1);
  },
);

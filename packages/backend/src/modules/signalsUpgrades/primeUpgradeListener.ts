import { randomBytes } from 'node:crypto';
import * as http from 'node:http';
import * as https from 'node:https';

/** What became of one WebSocket opening handshake. */
export type HandshakeOutcome =
  | { kind: 'upgraded' }
  | { kind: 'answered'; status: number }
  | { kind: 'unanswered' }
  | { kind: 'failed'; message: string };

/**
 * Sends one WebSocket opening handshake (RFC 6455, 4.1) to `url` and closes
 * the connection as soon as the server has answered it, or after `timeoutMs`
 * without an answer. Never throws.
 */
export function sendWebSocketHandshake(
  url: URL,
  timeoutMs: number,
): Promise<HandshakeOutcome> {
  const options: http.RequestOptions = {
    method: 'GET',
    headers: {
      Connection: 'Upgrade',
      Upgrade: 'websocket',
      'Sec-WebSocket-Version': '13',
      'Sec-WebSocket-Key': randomBytes(16).toString('base64'),
    },
  };
  return new Promise(settle => {
    const request =
      url.protocol === 'https:'
        ? // The request goes to this process itself, over loopback, and
          // carries no credentials: its certificate (often generated for the
          // public host name) is not what is being checked.
          https.request(url, { ...options, rejectUnauthorized: false })
        : http.request(url, options);
    let settled = false;
    const finish = (outcome: HandshakeOutcome) => {
      if (settled) return;
      settled = true;
      request.destroy();
      settle(outcome);
    };
    request.on('upgrade', (response, socket) => {
      socket.destroy();
      finish(
        response.statusCode === 101
          ? { kind: 'upgraded' }
          : { kind: 'answered', status: response.statusCode ?? 0 },
      );
    });
    request.on('response', response => {
      response.resume();
      finish({ kind: 'answered', status: response.statusCode ?? 0 });
    });
    request.on('error', error => {
      finish({ kind: 'failed', message: error.message });
    });
    // Nothing comes back from a handshake that is left unanswered.
    request.setTimeout(timeoutMs, () => finish({ kind: 'unanswered' }));
    request.end();
  });
}

export interface PrimeOptions {
  /** The WebSocket endpoint on this very process, e.g. http://127.0.0.1:7007/api/signals. */
  url: URL;
  /** How long one handshake may go unanswered before the next is sent. */
  attemptTimeoutMs?: number;
  /** Pause after an answer other than 101, or a failed connection. */
  retryDelayMs?: number;
  /** Give up after this long. */
  deadlineMs?: number;
  /** Where the time comes from (the real clock and timers by default; tests pass their own). */
  clock?: PrimeClock;
}

/** The time source of {@link primeUpgradeListener}. */
export interface PrimeClock {
  /** Milliseconds, from any origin. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

const realClock: PrimeClock = {
  now: () => Date.now(),
  sleep: ms => new Promise(wake => setTimeout(wake, ms)),
};

export interface PrimeResult {
  /** Handshakes sent, the last one answered with 101 Switching Protocols. */
  attempts: number;
  /** What the handshakes before the last one came to, in order. */
  earlier: HandshakeOutcome[];
}

/**
 * Sends WebSocket handshakes to `url` until one is answered with 101.
 *
 * Why: `@backstage/plugin-signals-backend` (0.3.x) does not listen for the
 * HTTP server's `upgrade` event from start-up. Its router subscribes to the
 * event when the first upgrade request reaches it as an ordinary request, and
 * leaves that request unanswered. Behind a balancer every replica swallows
 * one browser's handshake that way, and a swallowed handshake can keep that
 * browser's live updates off until the page is reloaded (Chromium opens one
 * WebSocket to a host at a time, and the signals client never closes a
 * socket it lost track of). Priming each replica with its own handshake at
 * start-up means no browser's handshake is ever the first one.
 *
 * Throws when no handshake was upgraded before the deadline.
 */
export async function primeUpgradeListener(
  options: PrimeOptions,
): Promise<PrimeResult> {
  const {
    url,
    attemptTimeoutMs = 500,
    retryDelayMs = 250,
    deadlineMs = 10_000,
    clock = realClock,
  } = options;
  const deadline = clock.now() + deadlineMs;
  const earlier: HandshakeOutcome[] = [];
  for (;;) {
    const outcome = await sendWebSocketHandshake(url, attemptTimeoutMs);
    if (outcome.kind === 'upgraded') {
      return { attempts: earlier.length + 1, earlier };
    }
    earlier.push(outcome);
    if (clock.now() >= deadline) {
      throw new Error(
        `no WebSocket handshake to ${url} was upgraded in ${deadlineMs} ms (${earlier
          .map(describeOutcome)
          .join(', ')})`,
      );
    }
    // An unanswered handshake has waited already; the others retry shortly.
    if (outcome.kind !== 'unanswered') await clock.sleep(retryDelayMs);
  }
}

export function describeOutcome(outcome: HandshakeOutcome): string {
  switch (outcome.kind) {
    case 'upgraded':
      return 'upgraded';
    case 'answered':
      return `answered ${outcome.status}`;
    case 'unanswered':
      return 'unanswered';
    default:
      return `failed: ${outcome.message}`;
  }
}

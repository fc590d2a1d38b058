import type { DiscoveryApi, IdentityApi } from '@backstage/frontend-plugin-api';
import type {
  SignalApi,
  SignalSubscriber,
} from '@backstage/plugin-signals-react';
import type { JsonObject } from '@backstage/types';

/**
 * The part of a browser WebSocket this client uses. Tests pass a fake class;
 * the app uses `globalThis.WebSocket`.
 */
export interface SignalSocket {
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener(
    type: 'open' | 'message' | 'error' | 'close',
    listener: (event: any) => void,
  ): void;
}

/** A WebSocket constructor: `new (url, protocol)`. */
export type SignalSocketConstructor = new (
  url: string,
  protocols?: string | string[],
) => SignalSocket;

export interface GatehouseSignalClientOptions {
  discoveryApi: Pick<DiscoveryApi, 'getBaseUrl'>;
  identityApi: Pick<IdentityApi, 'getCredentials'>;
  /** Defaults to `globalThis.WebSocket`. */
  WebSocket?: SignalSocketConstructor;
  /** How long a socket may take to open before it is dropped and retried. */
  openTimeoutMs?: number;
  /** First reconnect delay after a lost or failed connection; doubles each time. */
  initialReconnectDelayMs?: number;
  /** Ceiling of the reconnect delay. */
  maxReconnectDelayMs?: number;
}

type Callback = (message: JsonObject) => void;

/**
 * Where the page's one connection is. Exactly one phase at a time, so there
 * is never a second socket or a second connect attempt in flight.
 */
type Connection =
  | { phase: 'idle' }
  /** Awaiting discovery and the token; `attempt` tells a stale one apart. */
  | { phase: 'preparing'; attempt: number }
  | { phase: 'opening'; socket: SignalSocket; openTimer: Timer }
  | { phase: 'open'; socket: SignalSocket }
  /** Lost or failed; a new attempt starts when the timer fires. */
  | { phase: 'waiting'; retryTimer: Timer };

type Timer = ReturnType<typeof setTimeout>;

const CLOSE_NORMAL = 1000;

/**
 * Gatehouse's implementation of the signals API: one WebSocket to
 * `/api/signals` per page, shared by every subscription.
 *
 * Written instead of `@backstage/plugin-signals`' client (0.0.x), which
 * awaits discovery and the token before it records its socket, so two
 * subscriptions made together open two sockets and lose one (never
 * subscribed, never closed; Chromium then queues later handshakes to the host
 * behind it), and which gives a socket 1 s to open, polling its state, then
 * retries 5 s later while the first socket is still opening. Here the one
 * connect attempt is shared, the socket's own events drive the state, a slow
 * socket gets a generous time to open, and retries back off.
 *
 * The channels subscribed are state, not a queue of messages: whenever a
 * socket opens (the first or a reconnect) it is sent one `subscribe` per
 * channel, in the order the channels were first subscribed; while it is open,
 * `subscribe`/`unsubscribe` go out as the first subscriber of a channel comes
 * and the last one goes. A channel subscribed and dropped before the socket
 * opens is never sent at all.
 */
export class GatehouseSignalClient implements SignalApi {
  static readonly DEFAULT_OPEN_TIMEOUT_MS = 10_000;
  static readonly DEFAULT_INITIAL_RECONNECT_DELAY_MS = 1_000;
  static readonly DEFAULT_MAX_RECONNECT_DELAY_MS = 30_000;

  private readonly discoveryApi: GatehouseSignalClientOptions['discoveryApi'];
  private readonly identityApi: GatehouseSignalClientOptions['identityApi'];
  private readonly Socket: SignalSocketConstructor;
  private readonly openTimeoutMs: number;
  private readonly initialReconnectDelayMs: number;
  private readonly maxReconnectDelayMs: number;

  /** Callbacks by channel; Map order is the order channels were first subscribed. */
  private readonly channels = new Map<string, Set<Callback>>();
  private connection: Connection = { phase: 'idle' };
  /** Increments per connect attempt, so a superseded attempt's result is dropped. */
  private attempts = 0;
  /** Failures since the last socket that opened; sets the next delay. */
  private failures = 0;

  constructor(options: GatehouseSignalClientOptions) {
    this.discoveryApi = options.discoveryApi;
    this.identityApi = options.identityApi;
    this.Socket = options.WebSocket ?? globalThis.WebSocket;
    this.openTimeoutMs =
      options.openTimeoutMs ?? GatehouseSignalClient.DEFAULT_OPEN_TIMEOUT_MS;
    this.initialReconnectDelayMs =
      options.initialReconnectDelayMs ??
      GatehouseSignalClient.DEFAULT_INITIAL_RECONNECT_DELAY_MS;
    this.maxReconnectDelayMs =
      options.maxReconnectDelayMs ??
      GatehouseSignalClient.DEFAULT_MAX_RECONNECT_DELAY_MS;
  }

  subscribe<TMessage extends JsonObject = JsonObject>(
    channel: string,
    onMessage: (message: TMessage) => void,
  ): SignalSubscriber {
    // A wrapper per call: the same function subscribed twice is two subscribers.
    const callback: Callback = message => onMessage(message as TMessage);
    let callbacks = this.channels.get(channel);
    if (!callbacks) {
      callbacks = new Set();
      this.channels.set(channel, callbacks);
      this.sendIfOpen({ action: 'subscribe', channel });
    }
    callbacks.add(callback);
    if (this.connection.phase === 'idle') {
      this.connect();
    }

    let active = true;
    return {
      unsubscribe: () => {
        if (!active) return;
        active = false;
        this.removeSubscriber(channel, callback);
      },
    };
  }

  private removeSubscriber(channel: string, callback: Callback) {
    const callbacks = this.channels.get(channel);
    if (!callbacks?.delete(callback) || callbacks.size > 0) return;
    this.channels.delete(channel);
    this.sendIfOpen({ action: 'unsubscribe', channel });
    if (this.channels.size === 0) {
      this.disconnect();
    }
  }

  /** Starts the one connect attempt; callers check that none is under way. */
  private connect() {
    const attempt = ++this.attempts;
    this.connection = { phase: 'preparing', attempt };
    this.openSocket(attempt).catch(() => {
      // Discovery or the token failed: try again later, like a lost socket.
      if (this.isCurrent(attempt)) this.retryLater();
    });
  }

  private isCurrent(attempt: number) {
    return (
      this.connection.phase === 'preparing' &&
      this.connection.attempt === attempt
    );
  }

  private async openSocket(attempt: number) {
    // The token is fetched for every connection: it may have been refreshed
    // since the last one.
    const [baseUrl, { token }] = await Promise.all([
      this.discoveryApi.getBaseUrl('signals'),
      this.identityApi.getCredentials(),
    ]);
    // Every subscriber left, or another attempt replaced this one, meanwhile.
    if (!this.isCurrent(attempt)) return;

    const url = new URL(baseUrl);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    // Browsers cannot set headers on a WebSocket; the signals backend reads
    // the token from the subprotocol (`sec-websocket-protocol`).
    const socket = token
      ? new this.Socket(url.toString(), token)
      : new this.Socket(url.toString());
    const openTimer = setTimeout(() => {
      if (this.isSocket(socket, 'opening')) this.dropSocket(socket);
    }, this.openTimeoutMs);
    this.connection = { phase: 'opening', socket, openTimer };

    socket.addEventListener('open', () => {
      if (!this.isSocket(socket, 'opening')) return;
      clearTimeout(openTimer);
      this.connection = { phase: 'open', socket };
      this.failures = 0;
      for (const channel of this.channels.keys()) {
        socket.send(JSON.stringify({ action: 'subscribe', channel }));
      }
    });
    socket.addEventListener('message', event => {
      if (this.isSocket(socket, 'open')) this.dispatch(event.data);
    });
    // An error is followed by a close in browsers; acting on the first of the
    // two means a socket that errs without closing is not kept either.
    socket.addEventListener('error', () => {
      if (this.isSocket(socket)) this.dropSocket(socket);
    });
    socket.addEventListener('close', () => {
      // Any close we did not ask for while pages still listen is a loss,
      // including a server's clean close when a replica shuts down.
      if (this.isSocket(socket)) this.dropSocket(socket);
    });
  }

  /** Whether `socket` is the page's current one (in the given phase). */
  private isSocket(socket: SignalSocket, phase?: 'opening' | 'open') {
    const c = this.connection;
    return (
      (c.phase === 'opening' || c.phase === 'open') &&
      c.socket === socket &&
      (phase === undefined || c.phase === phase)
    );
  }

  /** Abandons a socket that failed, timed out or was lost, and retries. */
  private dropSocket(socket: SignalSocket) {
    this.forgetConnection();
    socket.close();
    this.retryLater();
  }

  private retryLater() {
    const delay = Math.min(
      this.initialReconnectDelayMs * 2 ** this.failures,
      this.maxReconnectDelayMs,
    );
    this.failures += 1;
    const retryTimer = setTimeout(() => {
      this.connection = { phase: 'idle' };
      if (this.channels.size > 0) this.connect();
    }, delay);
    this.connection = { phase: 'waiting', retryTimer };
  }

  /** The last subscriber left: close normally and stop any retry. */
  private disconnect() {
    const previous = this.connection;
    this.forgetConnection();
    this.failures = 0;
    if (previous.phase === 'opening' || previous.phase === 'open') {
      previous.socket.close(CLOSE_NORMAL);
    }
  }

  /** Clears timers and goes idle; events of the old socket are ignored after. */
  private forgetConnection() {
    const c = this.connection;
    if (c.phase === 'opening') clearTimeout(c.openTimer);
    if (c.phase === 'waiting') clearTimeout(c.retryTimer);
    this.connection = { phase: 'idle' };
  }

  private sendIfOpen(message: {
    action: 'subscribe' | 'unsubscribe';
    channel: string;
  }) {
    if (this.connection.phase === 'open') {
      this.connection.socket.send(JSON.stringify(message));
    }
  }

  /** Hands `{channel, message}` to that channel's callbacks; ignores anything else. */
  private dispatch(data: unknown) {
    if (typeof data !== 'string') return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(data);
    } catch {
      return;
    }
    if (!isObject(parsed)) return;
    const { channel, message } = parsed;
    if (typeof channel !== 'string' || !isObject(message)) return;
    const callbacks = this.channels.get(channel);
    if (!callbacks) return;
    // A copy: a callback may unsubscribe (itself or others) while we loop.
    for (const callback of [...callbacks]) {
      if (callbacks.has(callback)) callback(message as JsonObject);
    }
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

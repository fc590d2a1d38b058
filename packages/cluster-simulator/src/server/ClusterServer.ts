import { timingSafeEqual } from 'node:crypto';
import http, { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { ClusterState } from '../model/ClusterState';
import { ClusterFault } from '../types';
import { ApiContext, handleApiRequest, isAnonymousPath } from './api';
import { sendStatus } from './status';

/** Servers only ever bind to the loopback interface. */
export const HOST = '127.0.0.1';

export type AdminHandler = (
  server: ClusterServer,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
) => void;

export interface ClusterServerOptions {
  port: number;
  token?: string;
  fault?: ClusterFault;
  admin: AdminHandler;
  watchTimeoutSeconds?: number;
  bookmarkIntervalMs?: number;
}

/**
 * The HTTP server of one simulated cluster, with its injected fault.
 */
export class ClusterServer {
  readonly server: http.Server;
  #port: number;
  #fault: ClusterFault;
  #listening = false;
  #stopped = false;
  readonly #sockets = new Set<Socket>();
  readonly #pending = new Set<ServerResponse>();
  readonly #timers = new Set<NodeJS.Timeout>();
  readonly #ctx: ApiContext;

  constructor(
    readonly state: ClusterState,
    private readonly options: ClusterServerOptions,
  ) {
    this.#port = options.port;
    this.#fault = options.fault ?? {};
    this.#ctx = {
      state,
      address: () => `${HOST}:${this.#port}`,
      streams: new Set(),
      watchTimeoutSeconds: options.watchTimeoutSeconds ?? 1800,
      bookmarkIntervalMs: options.bookmarkIntervalMs ?? 60_000,
    };
    this.server = http.createServer((req, res) => this.#onRequest(req, res));
    this.server.keepAliveTimeout = 5000;
    this.server.on('connection', socket => {
      this.#sockets.add(socket);
      socket.on('close', () => this.#sockets.delete(socket));
    });
  }

  get name() {
    return this.state.name;
  }

  get port() {
    return this.#port;
  }

  get url() {
    return `http://${HOST}:${this.#port}`;
  }

  get token() {
    return this.options.token;
  }

  get fault(): ClusterFault {
    return { ...this.#fault };
  }

  get listening() {
    return this.#listening;
  }

  /** Starts listening (to learn the port), then applies a `down` fault if set. */
  async start() {
    await this.#listen();
    if (this.#fault.down) {
      await this.#close();
    }
  }

  async setFault(fault: ClusterFault) {
    if (this.#stopped) {
      throw new Error(`Cluster ${this.name} is stopped`);
    }
    const wasDown = Boolean(this.#fault.down);
    // Requests already hung stay unanswered (as on a real hung server);
    // only new requests see the new fault.
    this.#fault = { ...fault };
    if (fault.down && !wasDown) {
      await this.#close();
    } else if (!fault.down && wasDown) {
      await this.#listen();
    }
  }

  /**
   * Ends every open watch (and log follow) normally, as an API server does
   * at its own timeout or when it restarts: clients watch again from the
   * last resourceVersion they saw.
   */
  endWatches() {
    for (const res of this.#ctx.streams) {
      res.end();
    }
    this.#ctx.streams.clear();
  }

  async stop() {
    if (this.#stopped) {
      return;
    }
    this.#stopped = true;
    for (const t of this.#timers) {
      clearTimeout(t);
    }
    this.#timers.clear();
    for (const res of this.#ctx.streams) {
      res.end();
    }
    await this.#close();
  }

  #listen(): Promise<void> {
    if (this.#listening) {
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const handlers: { onError?: (err: Error) => void } = {};
      const onListening = () => {
        this.server.off('error', handlers.onError!);
        const address = this.server.address();
        if (address && typeof address === 'object') {
          this.#port = address.port;
        }
        this.#listening = true;
        resolve();
      };
      handlers.onError = (err: Error) => {
        this.server.off('listening', onListening);
        reject(err);
      };
      this.server.once('error', handlers.onError);
      this.server.once('listening', onListening);
      this.server.listen(this.#port, HOST);
    });
  }

  #close(): Promise<void> {
    this.#ctx.streams.clear();
    this.#pending.clear();
    if (!this.#listening) {
      this.#destroySockets();
      return Promise.resolve();
    }
    this.#listening = false;
    return new Promise(resolve => {
      this.server.close(() => resolve());
      this.#destroySockets();
    });
  }

  #destroySockets() {
    this.server.closeAllConnections();
    for (const socket of this.#sockets) {
      socket.destroy();
    }
    this.#sockets.clear();
  }

  #onRequest(req: IncomingMessage, res: ServerResponse) {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://${HOST}`);
    } catch {
      sendStatus(res, 400, 'malformed request URL');
      return;
    }
    const authorized = this.#authorized(req);
    if (url.pathname.startsWith('/__simulator/')) {
      if (!authorized) {
        sendStatus(res, 401, 'Unauthorized');
        return;
      }
      this.options.admin(this, req, res, url);
      return;
    }
    const fault = this.#fault;
    if (fault.hang) {
      // Accept the request and never answer it.
      this.#pending.add(res);
      res.on('close', () => this.#pending.delete(res));
      return;
    }
    const proceed = () => {
      if (res.destroyed || res.writableEnded) {
        return;
      }
      if (fault.error5xx) {
        const code = Number(fault.error5xx);
        sendStatus(
          res,
          code,
          code === 503
            ? 'the server is currently unable to handle the request (simulated fault)'
            : `simulated server error ${code}`,
          undefined,
          code === 503 ? { retryAfterSeconds: 1 } : undefined,
        );
        return;
      }
      if (!authorized && !isAnonymousPath(url.pathname)) {
        sendStatus(res, 401, 'Unauthorized');
        return;
      }
      handleApiRequest(this.#ctx, req, res, url);
    };
    if (fault.delayMs) {
      const timer = setTimeout(() => {
        this.#timers.delete(timer);
        proceed();
      }, fault.delayMs);
      this.#timers.add(timer);
      return;
    }
    proceed();
  }

  #authorized(req: IncomingMessage): boolean {
    const token = this.options.token;
    if (!token) {
      return true;
    }
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(.+)$/i.exec(header);
    if (!match) {
      return false;
    }
    const given = Buffer.from(match[1].trim());
    const expected = Buffer.from(token);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}

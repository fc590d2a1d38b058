import http from 'node:http';

/**
 * Small HTTP helpers for the tests: no connection pooling (each request has
 * its own connection) and a hard client timeout.
 */

export interface TestResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  json<T = any>(): T;
}

export function httpRequest(
  url: string,
  options: {
    method?: string;
    headers?: Record<string, string>;
    body?: unknown;
    timeoutMs?: number;
  } = {},
): Promise<TestResponse> {
  return new Promise((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined = undefined;
    const payload =
      options.body === undefined
        ? undefined
        : Buffer.from(JSON.stringify(options.body));
    const req = http.request(
      url,
      {
        method: options.method ?? 'GET',
        agent: false,
        headers: {
          ...(payload
            ? {
                'Content-Type': 'application/json',
                'Content-Length': String(payload.length),
              }
            : {}),
          ...options.headers,
        },
      },
      res => {
        const chunks: Buffer[] = [];
        res.on('data', c => chunks.push(c));
        res.on('end', () => {
          clearTimeout(timer);
          const body = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body,
            json: () => JSON.parse(body),
          });
        });
        res.on('error', err => {
          clearTimeout(timer);
          reject(err);
        });
      },
    );
    timer = setTimeout(() => {
      req.destroy(new Error(`timeout after ${options.timeoutMs}ms`));
    }, options.timeoutMs ?? 5000);
    req.on('error', err => {
      clearTimeout(timer);
      reject(err);
    });
    req.end(payload);
  });
}

export function get(
  url: string,
  headers?: Record<string, string>,
  timeoutMs?: number,
) {
  return httpRequest(url, { headers, timeoutMs });
}

export function post(
  url: string,
  body: unknown,
  headers?: Record<string, string>,
) {
  return httpRequest(url, { method: 'POST', body, headers });
}

export interface WatchEventLine {
  type: string;
  object: any;
}

/** An open watch stream collecting newline-delimited JSON events. */
export interface OpenWatch {
  status: number;
  events: WatchEventLine[];
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  waitFor(
    predicate: (events: WatchEventLine[]) => boolean,
    timeoutMs?: number,
  ): Promise<WatchEventLine[]>;
  close(): void;
}

export function openWatch(
  url: string,
  headers?: Record<string, string>,
): Promise<OpenWatch> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { agent: false, headers }, res => {
      const events: WatchEventLine[] = [];
      const waiters: Array<() => void> = [];
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let nl = buffer.indexOf('\n');
        while (nl >= 0) {
          const line = buffer.slice(0, nl).trim();
          buffer = buffer.slice(nl + 1);
          if (line) {
            events.push(JSON.parse(line));
          }
          nl = buffer.indexOf('\n');
        }
        waiters.splice(0).forEach(w => w());
      });
      const ended = new Promise<void>(done => {
        res.on('end', done);
        res.on('close', done);
      });
      resolve({
        status: res.statusCode ?? 0,
        events,
        ended,
        waitFor(predicate, timeoutMs = 3000) {
          return new Promise((ok, fail) => {
            const timer = setTimeout(
              () =>
                fail(
                  new Error(
                    `watch: condition not met in ${timeoutMs}ms; got ${events
                      .map(e => e.type)
                      .join(',')}`,
                  ),
                ),
              timeoutMs,
            );
            const check = () => {
              if (predicate(events)) {
                clearTimeout(timer);
                ok(events);
              } else {
                waiters.push(check);
              }
            };
            check();
          });
        },
        close() {
          req.destroy();
        },
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/** An open streaming response, collected as text. */
export interface OpenStream {
  status: number;
  headers: http.IncomingHttpHeaders;
  text(): string;
  ended: Promise<void>;
  close(): void;
}

export function openStream(url: string): Promise<OpenStream> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { agent: false }, res => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
      });
      const ended = new Promise<void>(done => {
        res.on('end', done);
        res.on('close', done);
      });
      resolve({
        status: res.statusCode ?? 0,
        headers: res.headers,
        text: () => text,
        ended,
        close: () => req.destroy(),
      });
    });
    req.on('error', reject);
    req.end();
  });
}

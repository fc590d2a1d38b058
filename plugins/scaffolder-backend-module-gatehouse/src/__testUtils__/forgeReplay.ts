/*
 * A loopback HTTP server that plays a forge's REST API from recorded
 * exchanges (JSON fixtures under src/__fixtures__/forgeExchanges/<forge>/,
 * written from the forge's API documentation): each request must match an
 * exchange not yet used (method, path, the query and body values the
 * exchange expects) and gets its recorded answer. Anything else is answered
 * 400 (a status no client retries) and kept in `unexpected`, which the tests assert is empty, together
 * with every exchange having been used. The requests as received are kept
 * for the tests to assert on. Test-only.
 */
import { readFileSync } from 'node:fs';
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';

export type RecordedExchange = {
  /** What the exchange is, and the API documentation it follows. */
  note?: string;
  request: {
    method: string;
    /** The path without the query, e.g. /repos/platform/app/pulls */
    path: string;
    /** Query parameters the request must have (others may be there too). */
    query?: Record<string, string>;
    /** Header values the request must have (names in lower case). */
    headers?: Record<string, string>;
    /** The body must have these values (a deep subset: objects may have more keys). */
    body?: unknown;
  };
  response: {
    status: number;
    headers?: Record<string, string>;
    body?: unknown;
  };
};

export type ExchangeFile = {
  /** Where the shapes come from (the API documentation's pages). */
  source: string;
  exchanges: RecordedExchange[];
};

export type ReceivedRequest = {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
};

const FIXTURES = join(__dirname, '..', '__fixtures__', 'forgeExchanges');

/** A fixture file, e.g. `loadExchanges('gitea', 'createPullRequest')`. */
export function loadExchanges(forge: string, name: string): ExchangeFile {
  return JSON.parse(
    readFileSync(join(FIXTURES, forge, `${name}.json`), 'utf8'),
  ) as ExchangeFile;
}

/** Whether `actual` has every value `expected` has (arrays: same length, each a subset). */
export function matchesSubset(actual: unknown, expected: unknown): boolean {
  if (Array.isArray(expected)) {
    return (
      Array.isArray(actual) &&
      actual.length === expected.length &&
      expected.every((item, i) => matchesSubset(actual[i], item))
    );
  }
  if (expected && typeof expected === 'object') {
    if (!actual || typeof actual !== 'object' || Array.isArray(actual)) {
      return false;
    }
    const record = actual as Record<string, unknown>;
    return Object.entries(expected).every(([key, value]) =>
      matchesSubset(record[key], value),
    );
  }
  return actual === expected;
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function matches(exchange: RecordedExchange, request: ReceivedRequest) {
  const expected = exchange.request;
  return (
    expected.method === request.method &&
    expected.path === request.path &&
    matchesSubset(request.query, expected.query ?? {}) &&
    matchesSubset(request.headers, expected.headers ?? {}) &&
    (expected.body === undefined || matchesSubset(request.body, expected.body))
  );
}

export type ForgeReplay = {
  /** http://127.0.0.1:<port> */
  url: string;
  /** Every request, in the order received. */
  received: ReceivedRequest[];
  /** Requests no unused exchange matched (answered 400). */
  unexpected: ReceivedRequest[];
  /** The exchanges no request has used yet. */
  unused(): RecordedExchange[];
  /** The request that used an exchange, by the exchange's method and path. */
  requestFor(method: string, path: string): ReceivedRequest | undefined;
  stop(): Promise<void>;
};

/** Starts the replay server on a free loopback port. */
export async function startForgeReplay(
  exchanges: RecordedExchange[],
): Promise<ForgeReplay> {
  const used = new Set<RecordedExchange>();
  const received: ReceivedRequest[] = [];
  const unexpected: ReceivedRequest[] = [];
  const usedBy = new Map<RecordedExchange, ReceivedRequest>();

  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://replay');
    const request: ReceivedRequest = {
      method: req.method ?? 'GET',
      // As sent: GitLab's project paths stay percent-encoded (platform%2Fapp).
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      body: await readBody(req),
    };
    received.push(request);
    const exchange = exchanges.find(e => !used.has(e) && matches(e, request));
    if (!exchange) {
      unexpected.push(request);
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          message: `No recorded exchange for ${request.method} ${url.pathname}${url.search}`,
        }),
      );
      return;
    }
    used.add(exchange);
    usedBy.set(exchange, request);
    const { status, headers = {}, body } = exchange.response;
    res.writeHead(status, {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    });
    res.end(body === undefined ? undefined : JSON.stringify(body));
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    received,
    unexpected,
    unused: () => exchanges.filter(e => !used.has(e)),
    requestFor: (method, path) =>
      [...usedBy.entries()].find(
        ([e]) => e.request.method === method && e.request.path === path,
      )?.[1],
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close(error => (error ? reject(error) : resolve()));
      }),
  };
}

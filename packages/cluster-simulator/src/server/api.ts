import type { IncomingMessage, ServerResponse } from 'node:http';
import type { IPod } from 'kubernetes-models/v1/Pod';
import type { ClusterState } from '../model/ClusterState';
import { SimulatorError } from '../model/errors';
import {
  apiVersionOf,
  findResourceType,
  ResourceType,
  typeKey,
} from '../model/kinds';
import {
  formatLogLines,
  LINE_INTERVAL,
  logLine,
  podLogLines,
  PodLogOptions,
} from '../model/logs';
import { listItemJson } from '../model/ObjectStore';
import { KubeObject } from '../types';
import {
  apiGroup,
  apiGroupList,
  apiResourceList,
  apiVersions,
  KUBERNETES_VERSION,
} from './discovery';
import { compileFieldSelector, compileLabelSelector } from './selectors';
import { sendJson, sendStatus, statusObject } from './status';

/** What the API handler of one cluster needs from its server. */
export interface ApiContext {
  state: ClusterState;
  /** `host:port`, for /api's serverAddressByClientCIDRs. */
  address(): string;
  /** Long-running responses (watches, log follows), ended on stop. */
  streams: Set<ServerResponse>;
  /** Default server-side timeout of watches without timeoutSeconds. */
  watchTimeoutSeconds: number;
  /** Interval of BOOKMARK events when allowWatchBookmarks is set. */
  bookmarkIntervalMs: number;
}

interface ListEntry {
  obj: KubeObject;
  json: string;
}

interface ContinueToken {
  v: string;
  rv: number;
  start: string;
}

function encodeContinue(rv: number, lastKey: string): string {
  const token: ContinueToken = {
    v: 'meta.k8s.io/v1',
    rv,
    start: `${lastKey}\u0000`,
  };
  return Buffer.from(JSON.stringify(token)).toString('base64');
}

function decodeContinue(raw: string): ContinueToken {
  try {
    const token = JSON.parse(Buffer.from(raw, 'base64').toString('utf8'));
    if (
      token?.v !== 'meta.k8s.io/v1' ||
      typeof token.rv !== 'number' ||
      typeof token.start !== 'string'
    ) {
      throw new Error('bad token');
    }
    return token;
  } catch {
    throw new SimulatorError(
      'continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)',
      400,
      'BadRequest',
    );
  }
}

function keyOf(obj: KubeObject): string {
  const ns = obj.metadata.namespace;
  return ns ? `${ns}/${obj.metadata.name}` : obj.metadata.name;
}

function parseIntParam(
  query: URLSearchParams,
  name: string,
): number | undefined {
  const raw = query.get(name);
  if (raw === null || raw === '') {
    return undefined;
  }
  if (!/^-?\d+$/.test(raw)) {
    throw new SimulatorError(
      `invalid value for ${name}: ${raw}`,
      400,
      'BadRequest',
    );
  }
  return Number(raw);
}

function boolParam(query: URLSearchParams, name: string): boolean {
  const raw = query.get(name);
  return raw === 'true' || raw === '1';
}

/** The objects of a type: stored ones from the index, metrics computed now. */
function entriesFor(
  ctx: ApiContext,
  rt: ResourceType,
  namespace?: string,
): ListEntry[] {
  if (rt.virtual) {
    const objs =
      rt.kind === 'PodMetrics'
        ? ctx.state.podMetrics(namespace)
        : ctx.state.nodeMetrics();
    return objs.map(obj => ({ obj, json: JSON.stringify(obj) }));
  }
  return ctx.state.store.index(rt).sorted(namespace);
}

/** Custom resources keep apiVersion/kind in list items; built-in kinds do not. */
function itemJson(rt: ResourceType, entry: ListEntry): string {
  return listItemJson(entry, isCustomResource(rt));
}

function isCustomResource(rt: ResourceType) {
  return rt.group === 'argoproj.io';
}

function notFound(rt: ResourceType, name: string): SimulatorError {
  return new SimulatorError(
    `${rt.plural}${rt.group ? `.${rt.group}` : ''} "${name}" not found`,
    404,
    'NotFound',
    rt.group
      ? { name, group: rt.group, kind: rt.plural }
      : { name, kind: rt.plural },
  );
}

function getEntry(
  ctx: ApiContext,
  rt: ResourceType,
  namespace: string,
  name: string,
): ListEntry {
  if (rt.virtual) {
    const found = entriesFor(
      ctx,
      rt,
      rt.namespaced ? namespace : undefined,
    ).find(e => e.obj.metadata.name === name);
    if (!found) {
      throw notFound(rt, name);
    }
    return found;
  }
  const entry = ctx.state.store.index(rt).get(namespace, name);
  if (!entry) {
    throw notFound(rt, name);
  }
  return entry;
}

function list(
  ctx: ApiContext,
  rt: ResourceType,
  namespace: string | undefined,
  query: URLSearchParams,
  res: ServerResponse,
) {
  const labelSelector = query.get('labelSelector');
  const fieldSelector = query.get('fieldSelector');
  const matchLabels = compileLabelSelector(labelSelector);
  const matchFields = compileFieldSelector(rt, fieldSelector);
  const filtered = Boolean(labelSelector?.trim() || fieldSelector?.trim());
  const limit = parseIntParam(query, 'limit') ?? 0;
  const rawContinue = query.get('continue');
  const token = rawContinue ? decodeContinue(rawContinue) : undefined;
  const rv = token?.rv ?? ctx.state.store.resourceVersion;
  const entries = entriesFor(ctx, rt, namespace);
  const listKind = `${rt.kind}List`;
  const apiVersion = apiVersionOf(rt);

  // Fast path: a whole, unfiltered list is served from a cached buffer.
  if (!filtered && limit <= 0 && !token && !rt.virtual) {
    const index = ctx.state.store.index(rt);
    const cacheKey = namespace ?? '*';
    let items = index.itemsCache.get(cacheKey);
    if (!items) {
      items = Buffer.from(entries.map(e => itemJson(rt, e)).join(','));
      index.itemsCache.set(cacheKey, items);
    }
    writeList(
      res,
      listKind,
      apiVersion,
      { resourceVersion: String(rv) },
      items,
    );
    return;
  }

  let start = 0;
  if (token) {
    const after = token.start.endsWith('\u0000')
      ? token.start.slice(0, -1)
      : token.start;
    start = entries.findIndex(e => keyOf(e.obj) > after);
    if (start < 0) {
      start = entries.length;
    }
  }
  const items: string[] = [];
  let lastKey: string | undefined;
  let i = start;
  for (; i < entries.length; i++) {
    const e = entries[i];
    if (!matchLabels(e.obj.metadata.labels) || !matchFields(e.obj)) {
      continue;
    }
    if (limit > 0 && items.length >= limit) {
      break;
    }
    items.push(itemJson(rt, e));
    lastKey = keyOf(e.obj);
  }
  const metadata: Record<string, unknown> = { resourceVersion: String(rv) };
  if (limit > 0 && i < entries.length && lastKey !== undefined) {
    // There is at least one more matching item (the loop stopped on it).
    metadata.continue = encodeContinue(rv, lastKey);
    if (!filtered) {
      metadata.remainingItemCount = entries.length - i;
    }
  }
  writeList(res, listKind, apiVersion, metadata, Buffer.from(items.join(',')));
}

function writeList(
  res: ServerResponse,
  kind: string,
  apiVersion: string,
  metadata: Record<string, unknown>,
  items: Buffer,
) {
  const head = Buffer.from(
    `{"kind":"${kind}","apiVersion":"${apiVersion}","metadata":${JSON.stringify(
      metadata,
    )},"items":[`,
  );
  const tail = Buffer.from(']}');
  res.writeHead(200, {
    'Content-Type': 'application/json',
    'Content-Length': String(head.length + items.length + tail.length),
    'Cache-Control': 'no-cache, private',
  });
  res.write(head);
  res.write(items);
  res.end(tail);
}

function watch(
  ctx: ApiContext,
  rt: ResourceType,
  namespace: string | undefined,
  query: URLSearchParams,
  req: IncomingMessage,
  res: ServerResponse,
) {
  if (rt.virtual) {
    throw new SimulatorError(
      'the server does not allow this method on the requested resource',
      405,
      'MethodNotAllowed',
    );
  }
  const matchLabels = compileLabelSelector(query.get('labelSelector'));
  const matchFields = compileFieldSelector(rt, query.get('fieldSelector'));
  const matches = (obj: KubeObject) =>
    matchLabels(obj.metadata.labels) && matchFields(obj);
  const timeoutSeconds =
    parseIntParam(query, 'timeoutSeconds') ?? ctx.watchTimeoutSeconds;
  const rawRv = query.get('resourceVersion');
  const sendInitialEvents = boolParam(query, 'sendInitialEvents');
  const bookmarks = boolParam(query, 'allowWatchBookmarks');
  let since: number | undefined;
  if (rawRv && rawRv !== '0' && !sendInitialEvents) {
    if (!/^\d+$/.test(rawRv)) {
      throw new SimulatorError(
        `invalid resource version: ${rawRv}`,
        400,
        'BadRequest',
      );
    }
    since = Number(rawRv);
  }
  const store = ctx.state.store;

  res.writeHead(200, {
    'Content-Type': 'application/json',
    'Cache-Control': 'no-cache, private',
    'Transfer-Encoding': 'chunked',
  });
  res.flushHeaders();
  const write = (type: string, json: string) => {
    if (!res.writableEnded && !res.destroyed) {
      res.write(`{"type":"${type}","object":${json}}\n`);
    }
  };
  const bookmark = (annotations?: Record<string, string>) =>
    write(
      'BOOKMARK',
      JSON.stringify({
        kind: rt.kind,
        apiVersion: apiVersionOf(rt),
        metadata: {
          resourceVersion: String(store.resourceVersion),
          ...(annotations ? { annotations } : {}),
        },
      }),
    );

  if (since === undefined) {
    for (const e of store.index(rt).sorted(namespace)) {
      if (matches(e.obj)) {
        write('ADDED', e.json);
      }
    }
    if (sendInitialEvents && bookmarks) {
      bookmark({ 'k8s.io/initial-events-end': 'true' });
    }
  }
  const unsubscribe = store.subscribe(
    {
      key: typeKey(rt),
      namespace,
      matches,
      send: (type, json) => write(type, json),
    },
    since,
  );
  if (unsubscribe === false) {
    const status = statusObject(
      410,
      `too old resource version: ${since} (${store.oldestWatchableVersion})`,
      'Expired',
    );
    write('ERROR', JSON.stringify(status));
    res.end();
    return;
  }
  ctx.streams.add(res);
  const timers: NodeJS.Timeout[] = [];
  timers.push(setTimeout(() => res.end(), Math.max(0, timeoutSeconds) * 1000));
  if (bookmarks) {
    timers.push(setInterval(() => bookmark(), ctx.bookmarkIntervalMs));
  }
  const cleanup = () => {
    unsubscribe();
    timers.forEach(t => clearTimeout(t));
    ctx.streams.delete(res);
  };
  res.on('close', cleanup);
  req.on('close', cleanup);
}

function logs(
  ctx: ApiContext,
  namespace: string,
  name: string,
  query: URLSearchParams,
  req: IncomingMessage,
  res: ServerResponse,
) {
  const podType = findResourceType('', 'v1', 'pods')!;
  const pod = getEntry(ctx, podType, namespace, name).obj as unknown as IPod;
  const options: PodLogOptions = {
    container: query.get('container') ?? undefined,
    tailLines: parseIntParam(query, 'tailLines'),
    previous: boolParam(query, 'previous'),
    timestamps: boolParam(query, 'timestamps'),
    sinceSeconds: parseIntParam(query, 'sinceSeconds'),
    limitBytes: parseIntParam(query, 'limitBytes'),
  };
  const now = ctx.state.now();
  const { container, lines, running } = podLogLines(pod, options, now);
  let selected = lines;
  if (options.sinceSeconds !== undefined) {
    selected = selected.filter(l => l.at >= now - options.sinceSeconds! * 1000);
  }
  if (options.tailLines !== undefined) {
    selected = options.tailLines <= 0 ? [] : selected.slice(-options.tailLines);
  }
  const salt = pod.metadata!.uid ?? '';
  let text = formatLogLines(selected, options, salt);
  if (options.limitBytes !== undefined) {
    text = Buffer.from(text).subarray(0, options.limitBytes).toString();
  }
  const follow = boolParam(query, 'follow') && running && !options.previous;
  if (!follow) {
    const buf = Buffer.from(text);
    res.writeHead(200, {
      'Content-Type': 'text/plain',
      'Content-Length': String(buf.length),
      'Cache-Control': 'no-cache, private',
    });
    res.end(buf);
    return;
  }
  res.writeHead(200, {
    'Content-Type': 'text/plain',
    'Cache-Control': 'no-cache, private',
    'Transfer-Encoding': 'chunked',
  });
  res.write(text);
  ctx.streams.add(res);
  const mode =
    pod.status?.containerStatuses?.find(c => c.name === container)?.ready ===
    false
      ? 'unready'
      : 'normal';
  let last = lines.length ? lines[lines.length - 1].at : now;
  const timer = setInterval(() => {
    const current = ctx.state.store.get(podType, namespace, name);
    if (!current) {
      res.end();
      return;
    }
    const t = ctx.state.now();
    const fresh: Array<{ at: number; text: string }> = [];
    for (
      let at = Math.floor(last / LINE_INTERVAL) * LINE_INTERVAL + LINE_INTERVAL;
      at <= t;
      at += LINE_INTERVAL
    ) {
      fresh.push({ at, text: logLine(pod, container, at, mode) });
      last = at;
    }
    if (fresh.length) {
      res.write(formatLogLines(fresh, options, salt));
    }
  }, 1000);
  const cleanup = () => {
    clearInterval(timer);
    ctx.streams.delete(res);
  };
  res.on('close', cleanup);
  req.on('close', cleanup);
}

function scaleObject(obj: KubeObject) {
  const spec = obj.spec as {
    replicas?: number;
    selector?: { matchLabels?: Record<string, string> };
  };
  const status = (obj.status ?? {}) as { replicas?: number };
  const selector = Object.entries(spec.selector?.matchLabels ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: {
      name: obj.metadata.name,
      namespace: obj.metadata.namespace,
      uid: obj.metadata.uid,
      resourceVersion: obj.metadata.resourceVersion,
      creationTimestamp: obj.metadata.creationTimestamp,
    },
    spec: { replicas: spec.replicas ?? 1 },
    status: { replicas: status.replicas ?? 0, selector },
  };
}

const ANONYMOUS_PATHS = new Set(['/version', '/healthz', '/livez', '/readyz']);

/** Whether a path may be read without a token (as system:public-info-viewer allows). */
export function isAnonymousPath(path: string) {
  return ANONYMOUS_PATHS.has(path);
}

/** Serves one Kubernetes API request. Errors become `Status` objects. */
export function handleApiRequest(
  ctx: ApiContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
) {
  try {
    route(ctx, req, res, url);
  } catch (e) {
    if (e instanceof SimulatorError) {
      sendStatus(res, e.code, e.message, e.reason, e.details);
    } else {
      sendStatus(res, 500, e instanceof Error ? e.message : String(e));
    }
  }
}

function route(
  ctx: ApiContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
) {
  const path = url.pathname.replace(/\/+$/, '') || '/';
  const query = url.searchParams;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    throw new SimulatorError(
      `the simulator serves read-only requests; ${req.method} is not allowed`,
      405,
      'MethodNotAllowed',
    );
  }
  switch (path) {
    case '/version':
      sendJson(res, 200, KUBERNETES_VERSION);
      return;
    case '/healthz':
    case '/livez':
    case '/readyz':
      res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('ok');
      return;
    case '/api':
      sendJson(res, 200, apiVersions(ctx.address()));
      return;
    case '/apis':
      sendJson(res, 200, apiGroupList());
      return;
    default:
  }
  const segments = path.split('/').slice(1).map(decodeURIComponent);
  let group: string;
  let version: string;
  let rest: string[];
  if (segments[0] === 'api' && segments.length >= 2) {
    group = '';
    version = segments[1];
    rest = segments.slice(2);
  } else if (segments[0] === 'apis' && segments.length >= 2) {
    group = segments[1];
    if (segments.length === 2) {
      const doc = apiGroup(group);
      if (!doc) {
        throw pathNotFound();
      }
      sendJson(res, 200, doc);
      return;
    }
    version = segments[2];
    rest = segments.slice(3);
  } else {
    throw pathNotFound();
  }
  if (rest.length === 0) {
    const doc = apiResourceList(group, version);
    if (!doc) {
      throw pathNotFound();
    }
    sendJson(res, 200, doc);
    return;
  }
  let watchFlag = boolParam(query, 'watch');
  if (rest[0] === 'watch') {
    watchFlag = true;
    rest = rest.slice(1);
  }
  let namespace: string | undefined;
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  const [plural, name, subresource, ...extra] = rest;
  const rt = findResourceType(group, version, plural);
  if (!rt || extra.length > 0 || (namespace !== undefined && !rt.namespaced)) {
    throw pathNotFound();
  }
  if (!name) {
    if (watchFlag) {
      watch(ctx, rt, namespace, query, req, res);
    } else {
      list(ctx, rt, namespace, query, res);
    }
    return;
  }
  if (rt.namespaced && namespace === undefined) {
    throw pathNotFound();
  }
  if (watchFlag) {
    // A watch on one object: a field selector on its name.
    const q = new URLSearchParams(query);
    const byName = `metadata.name=${name}`;
    const existing = q.get('fieldSelector');
    q.set('fieldSelector', existing ? `${existing},${byName}` : byName);
    watch(ctx, rt, namespace, q, req, res);
    return;
  }
  if (subresource === undefined) {
    sendJson(res, 200, getEntry(ctx, rt, namespace ?? '', name).json);
    return;
  }
  if (!(rt.subresources ?? []).includes(subresource)) {
    throw pathNotFound();
  }
  if (subresource === 'log') {
    logs(ctx, namespace!, name, query, req, res);
    return;
  }
  const entry = getEntry(ctx, rt, namespace ?? '', name);
  if (subresource === 'scale') {
    sendJson(res, 200, scaleObject(entry.obj));
    return;
  }
  sendJson(res, 200, entry.json);
}

function pathNotFound() {
  return new SimulatorError(
    'the server could not find the requested resource',
    404,
    'NotFound',
    {},
  );
}

import { readFileSync } from 'node:fs';
import { Agent, request } from 'undici';
import { ClusterAccessError, toClusterAccessError } from './ClusterAccessError';
import type { ClusterConnection } from './clusterConfig';
import type { ClusterCredentials } from './ClusterCredentials';
import type { ObjectType } from './objectTypes';
import { jsonLines } from './jsonLines';

/** A page as big as kubectl's: large clusters are listed in a few round trips. */
export const DEFAULT_PAGE_SIZE = 500;

type ListOptions = {
  /** Aborts the whole LIST (every page) — the per-cluster timeout. */
  signal: AbortSignal;
  /** For the error message when the signal fires. */
  timeoutMs: number;
  labelSelector?: string;
};

type KubeList<T> = {
  items?: T[];
  metadata?: { continue?: string; resourceVersion?: string };
};

/** A whole listing and the resourceVersion to watch it from. */
export type Listing<T> = { items: T[]; resourceVersion: string };

/** One line of a watch stream, as the API server sends it. */
export type WatchEvent = {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  /** The object; for ERROR a `Status` (`code` 410: the version is gone). */
  object: any;
};

type WatchOptions = {
  /** Changes after this version (a listing's or the last event's). */
  resourceVersion: string;
  labelSelector?: string;
  /** The API server ends the watch after this long (then watch again). */
  timeoutSeconds: number;
  /** Ends the watch from our side (stop, or another type of the cluster failed). */
  signal: AbortSignal;
  /** How long the server may take to start answering: the per-cluster timeout. */
  timeoutMs: number;
};

async function* gone(): AsyncGenerator<WatchEvent> {
  yield { type: 'ERROR', object: { kind: 'Status', code: 410 } };
}

async function* watchEvents(
  body: AsyncIterable<Buffer>,
  timeoutMs: number,
): AsyncGenerator<WatchEvent> {
  try {
    for await (const line of jsonLines(body)) yield JSON.parse(line);
  } catch (error) {
    // The server ending the stream is normal; this is a broken one.
    throw toClusterAccessError(error, timeoutMs);
  }
}

/**
 * Lists one object type across a whole cluster (every namespace), page by
 * page, with the cluster's credentials and TLS settings, and watches it from
 * there. Errors come out as ClusterAccessError so the dashboard can say what
 * went wrong.
 */
export class KubernetesListClient {
  private readonly agents = new Map<string, Agent>();

  constructor(
    private readonly options: {
      credentials: ClusterCredentials;
      pageSize?: number;
    },
  ) {}

  async list<T>(
    cluster: ClusterConnection,
    type: ObjectType,
    options: ListOptions,
  ): Promise<Listing<T>> {
    try {
      const authorization = await this.options.credentials.authorizationFor(
        cluster,
      );
      const items: T[] = [];
      let continueToken: string | undefined;
      // Every page carries the first page's version: the listing's snapshot.
      let resourceVersion = '';
      do {
        const params = new URLSearchParams({
          limit: String(this.options.pageSize ?? DEFAULT_PAGE_SIZE),
        });
        if (options.labelSelector)
          params.set('labelSelector', options.labelSelector);
        if (continueToken) params.set('continue', continueToken);
        const page = await this.get<KubeList<T>>(
          cluster,
          `${type.apiPath}/${type.plural}?${params}`,
          authorization,
          options.signal,
        );
        if (page === 'not-found') {
          // Watching a type the cluster does not serve would 404 too: '' means "nothing to watch".
          if (type.optional) return { items: [], resourceVersion: '' };
          throw new ClusterAccessError(
            'http',
            `the cluster does not serve ${type.plural} (${type.apiPath})`,
          );
        }
        for (const item of page.items ?? []) items.push(item);
        resourceVersion ||= page.metadata?.resourceVersion ?? '';
        continueToken = page.metadata?.continue || undefined;
      } while (continueToken);
      return { items, resourceVersion };
    } catch (error) {
      throw toClusterAccessError(error, options.timeoutMs);
    }
  }

  /**
   * Opens a watch of one object type across the cluster from a
   * resourceVersion; resolves once the server has answered 200 (the watch
   * is open), with its events as they arrive, until the server ends the
   * stream (normally after `timeoutSeconds`). An HTTP 410 comes out as the
   * ERROR event the server would have sent in the stream, so callers handle
   * "gone" once.
   */
  async watch(
    cluster: ClusterConnection,
    type: ObjectType,
    options: WatchOptions,
  ): Promise<AsyncIterable<WatchEvent>> {
    try {
      const authorization = await this.options.credentials.authorizationFor(
        cluster,
      );
      const params = new URLSearchParams({
        watch: '1',
        resourceVersion: options.resourceVersion,
        allowWatchBookmarks: 'true',
        timeoutSeconds: String(options.timeoutSeconds),
      });
      if (options.labelSelector)
        params.set('labelSelector', options.labelSelector);
      const response = await request(
        `${cluster.url}${type.apiPath}/${type.plural}?${params}`,
        {
          method: 'GET',
          headers: { authorization, accept: 'application/json' },
          dispatcher: this.agentFor(cluster),
          signal: options.signal,
          headersTimeout: options.timeoutMs,
          // Quiet types still get bookmarks; a stream silent for longer
          // than the watch itself is a dead connection.
          bodyTimeout: options.timeoutSeconds * 1000 + options.timeoutMs,
        },
      );
      if (response.statusCode === 410) {
        await response.body.dump();
        return gone();
      }
      if (response.statusCode !== 200)
        throw await this.failure(response.statusCode, response.body);
      return watchEvents(response.body, options.timeoutMs);
    } catch (error) {
      throw toClusterAccessError(error, options.timeoutMs);
    }
  }

  /** Closes every connection (on shutdown). */
  async close() {
    await Promise.all(Array.from(this.agents.values(), agent => agent.close()));
    this.agents.clear();
  }

  private async get<T>(
    cluster: ClusterConnection,
    path: string,
    authorization: string,
    signal: AbortSignal,
  ): Promise<T | 'not-found'> {
    const response = await request(`${cluster.url}${path}`, {
      method: 'GET',
      headers: { authorization, accept: 'application/json' },
      dispatcher: this.agentFor(cluster),
      signal,
    });
    if (response.statusCode === 200) return (await response.body.json()) as T;
    if (response.statusCode === 404) {
      await response.body.dump();
      return 'not-found';
    }
    throw await this.failure(response.statusCode, response.body);
  }

  /** The error for an answer other than 200, with the server's own message. */
  private async failure(
    statusCode: number,
    body: { text(): Promise<string> },
  ): Promise<ClusterAccessError> {
    const text = await body.text().catch(() => '');
    // The API server explains itself in a Status object.
    let message = text.slice(0, 300);
    try {
      message = JSON.parse(text).message ?? message;
    } catch {
      // not JSON: keep the text
    }
    return new ClusterAccessError(
      statusCode === 401 || statusCode === 403 ? 'unauthorized' : 'http',
      `${statusCode}: ${message}`,
    );
  }

  /** One connection pool per cluster, with that cluster's TLS settings. */
  private agentFor(cluster: ClusterConnection): Agent {
    let agent = this.agents.get(cluster.name);
    if (!agent) {
      let ca: string | undefined;
      if (cluster.caData)
        ca = Buffer.from(cluster.caData, 'base64').toString('utf8');
      else if (cluster.caFile) ca = readFileSync(cluster.caFile, 'utf8');
      agent = new Agent({
        connect: { ca, rejectUnauthorized: !cluster.skipTLSVerify },
        keepAliveTimeout: 30_000,
      });
      this.agents.set(cluster.name, agent);
    }
    return agent;
  }
}

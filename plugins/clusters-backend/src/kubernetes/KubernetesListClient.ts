import { readFileSync } from 'node:fs';
import { Agent, request } from 'undici';
import { ClusterAccessError, toClusterAccessError } from './ClusterAccessError';
import type { ClusterConnection } from './clusterConfig';
import type { ClusterCredentials } from './ClusterCredentials';
import type { ObjectType } from './objectTypes';

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
  metadata?: { continue?: string };
};

/**
 * Lists one object type across a whole cluster (every namespace), page by
 * page, with the cluster's credentials and TLS settings. Errors come out as
 * ClusterAccessError so the dashboard can say what went wrong.
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
  ): Promise<T[]> {
    try {
      const authorization = await this.options.credentials.authorizationFor(
        cluster,
      );
      const items: T[] = [];
      let continueToken: string | undefined;
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
          if (type.optional) return [];
          throw new ClusterAccessError(
            'http',
            `the cluster does not serve ${type.plural} (${type.apiPath})`,
          );
        }
        items.push(...(page.items ?? []));
        continueToken = page.metadata?.continue || undefined;
      } while (continueToken);
      return items;
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
    const text = await response.body.text().catch(() => '');
    if (response.statusCode === 404) return 'not-found';
    // The API server explains itself in a Status object.
    let message = text.slice(0, 300);
    try {
      message = JSON.parse(text).message ?? message;
    } catch {
      // not JSON: keep the text
    }
    throw new ClusterAccessError(
      response.statusCode === 401 || response.statusCode === 403
        ? 'unauthorized'
        : 'http',
      `${response.statusCode}: ${message}`,
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

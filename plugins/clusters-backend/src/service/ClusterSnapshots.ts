import type { ClusterError } from '@gatehouse/plugin-clusters-common';
import { SingleFlightCache } from '../cache/SingleFlightCache';
import { toClusterAccessError } from '../kubernetes/ClusterAccessError';
import type { ClusterConnection } from '../kubernetes/clusterConfig';
import type { KubernetesListClient } from '../kubernetes/KubernetesListClient';
import {
  ObjectType,
  WORKLOAD_OBJECT_TYPES,
  WorkloadObjects,
} from '../kubernetes/objectTypes';
import { groupByService, SERVICE_LABEL } from './workloadHealth';

type Listing = { items: unknown[]; fetchedAt: number };

/** A cluster's workload objects as last listed, grouped by service; or why they could not be. */
export type ClusterSnapshot =
  | {
      cluster: ClusterConnection;
      status: 'ok';
      /** When the oldest of the listings was made. */
      fetchedAt: number;
      byService: Map<string, WorkloadObjects>;
    }
  | {
      cluster: ClusterConnection;
      status: 'error';
      error: ClusterError;
    };

/**
 * The shared view of every cluster: one LIST per cluster and object type,
 * shared by every request and viewer while it is fresh (a few seconds), with
 * concurrent requests waiting on the same LIST. Each cluster has its own
 * timeout, so a hanging cluster gives its error while the others answer.
 *
 * While anyone looks at a cluster (within `keepWarmMs`), its listings are
 * renewed in the background at three quarters of their TTL, so viewers do not
 * wait for a LIST and see listings at most a TTL (plus one LIST) old; a
 * cluster nobody looks at is not listed at all.
 */
export class ClusterSnapshots {
  private readonly listings: SingleFlightCache<Listing>;
  private readonly grouped = new Map<
    string,
    { parts: Listing[]; byService: Map<string, WorkloadObjects> }
  >();

  constructor(
    private readonly options: {
      clusters: ClusterConnection[];
      client: KubernetesListClient;
      timeoutMs: number;
      ttlMs: number;
      /** Keep a cluster's listings fresh this long after it was last asked for (0: never). */
      keepWarmMs?: number;
    },
  ) {
    this.listings = new SingleFlightCache({ ttlMs: options.ttlMs });
  }

  /** When each cluster was last asked for. */
  private readonly lastAsked = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;

  get clusters() {
    return this.options.clusters;
  }

  /** LISTs started so far (each may take several pages). */
  get listCount() {
    return this.listings.loads;
  }

  /** Every cluster's snapshot, in configuration order; never rejects. */
  all(): Promise<ClusterSnapshot[]> {
    return Promise.all(this.options.clusters.map(c => this.of(c)));
  }

  async of(cluster: ClusterConnection): Promise<ClusterSnapshot> {
    const { timeoutMs } = this.options;
    this.lastAsked.set(cluster.name, Date.now());
    this.keepWarm();
    try {
      const parts = await Promise.all(
        WORKLOAD_OBJECT_TYPES.map(type =>
          this.listings.get(
            this.keyOf(cluster, type),
            this.loader(cluster, type),
          ),
        ),
      );
      return {
        cluster,
        status: 'ok',
        fetchedAt: Math.min(...parts.map(p => p.fetchedAt)),
        byService: this.groupedFor(cluster.name, parts),
      };
    } catch (error) {
      const { kind, message } = toClusterAccessError(error, timeoutMs);
      return { cluster, status: 'error', error: { kind, message } };
    }
  }

  /** Stops renewing listings in the background. */
  stop() {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private keyOf(cluster: ClusterConnection, type: ObjectType) {
    return `${cluster.name}\u0000${type.name}`;
  }

  private loader(cluster: ClusterConnection, type: ObjectType) {
    const { timeoutMs } = this.options;
    return async (): Promise<Listing> => ({
      items: await this.options.client.list(cluster, type, {
        // Only objects that belong to a service (the label exists).
        labelSelector: SERVICE_LABEL,
        signal: AbortSignal.timeout(timeoutMs),
        timeoutMs,
      }),
      fetchedAt: Date.now(),
    });
  }

  /** Starts the background renewal on first use (and only if enabled). */
  private keepWarm() {
    const keepWarmMs = this.options.keepWarmMs ?? 0;
    if (this.timer || keepWarmMs <= 0) return;
    const { ttlMs } = this.options;
    this.timer = setInterval(() => {
      const now = Date.now();
      for (const cluster of this.options.clusters) {
        const asked = this.lastAsked.get(cluster.name);
        if (asked === undefined || now - asked > keepWarmMs) continue;
        for (const type of WORKLOAD_OBJECT_TYPES) {
          this.listings.refreshIfOlderThan(
            this.keyOf(cluster, type),
            (ttlMs * 3) / 4,
            this.loader(cluster, type),
          );
        }
      }
    }, Math.max(100, ttlMs / 4));
    // Never keeps the process alive on its own.
    this.timer.unref();
  }

  /** Groups by service once per set of listings, not once per request. */
  private groupedFor(clusterName: string, parts: Listing[]) {
    const known = this.grouped.get(clusterName);
    if (known && known.parts.every((p, i) => p === parts[i]))
      return known.byService;
    const objects = Object.fromEntries(
      WORKLOAD_OBJECT_TYPES.map((type, i) => [type.name, parts[i].items]),
    ) as WorkloadObjects;
    const byService = groupByService(objects);
    this.grouped.set(clusterName, { parts, byService });
    return byService;
  }

  clear() {
    this.listings.clear();
    this.grouped.clear();
  }
}

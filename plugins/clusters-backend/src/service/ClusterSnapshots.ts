import type { ClusterError } from '@gatehouse/plugin-clusters-common';
import type { ClusterConnection } from '../kubernetes/clusterConfig';
import type { KubernetesListClient } from '../kubernetes/KubernetesListClient';
import type { WorkloadObjects } from '../kubernetes/objectTypes';
import { Clock, systemClock } from '../watch/clock';
import { ClusterWatch, RetryPolicy } from '../watch/ClusterWatch';

/** A cluster's workload objects as the cache holds them, grouped by service; or why it cannot answer. */
export type ClusterSnapshot =
  | {
      cluster: ClusterConnection;
      status: 'ok';
      /** When the cache last knew the cluster's objects were current. */
      syncedAt: number;
      byService: ReadonlyMap<string, WorkloadObjects>;
    }
  | {
      cluster: ClusterConnection;
      status: 'error';
      error: ClusterError;
    };

/**
 * Every cluster's workload objects, held in memory and kept current by
 * watches (one per cluster and object type, see watch/ClusterWatch.ts), so
 * every viewer is answered from memory. Watches start with the plugin
 * (`start`); a cluster asked for before its first listing is in is waited
 * for, at most the per-cluster timeout. A cluster that fails, or is down,
 * answers with its error at once and never holds up the others.
 */
export class ClusterSnapshots {
  private readonly watches: Map<string, ClusterWatch>;

  constructor(
    private readonly options: {
      clusters: ClusterConnection[];
      client: Pick<KubernetesListClient, 'list' | 'watch'>;
      /** How long a request waits for a cluster's first listing; also bounds each LIST. */
      timeoutMs: number;
      /** The API server ends each watch after this long; it is then resumed. */
      watchTimeoutSeconds: number;
      retry: RetryPolicy;
      clock?: Clock;
      random?: () => number;
    },
  ) {
    this.watches = new Map(
      options.clusters.map(cluster => [
        cluster.name,
        new ClusterWatch({
          ...options,
          cluster,
          clock: options.clock ?? systemClock,
        }),
      ]),
    );
  }

  get clusters() {
    return this.options.clusters;
  }

  /** The watch behind a cluster (for tests and the benchmark's counts). */
  watchOf(name: string) {
    return this.watches.get(name);
  }

  /** Starts listing and watching every cluster (at plugin start). */
  start() {
    for (const watch of this.watches.values()) watch.start();
  }

  /** Every cluster's snapshot, in configuration order; never rejects. */
  all(): Promise<ClusterSnapshot[]> {
    return Promise.all(this.options.clusters.map(c => this.of(c)));
  }

  async of(cluster: ClusterConnection): Promise<ClusterSnapshot> {
    const watch = this.watches.get(cluster.name)!;
    watch.start();
    await watch.ready(this.options.timeoutMs);
    const state = watch.state();
    if (state.status === 'syncing') {
      return {
        cluster,
        status: 'error',
        error: {
          kind: 'timeout',
          message: `did not answer within ${this.options.timeoutMs} ms`,
        },
      };
    }
    return { cluster, ...state };
  }

  /** Closes every watch. */
  async stop() {
    await Promise.all(Array.from(this.watches.values(), w => w.stop()));
  }
}

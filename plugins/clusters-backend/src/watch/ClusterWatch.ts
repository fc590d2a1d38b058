import type { ClusterError } from '@gatehouse/plugin-clusters-common';
import { toClusterAccessError } from '../kubernetes/ClusterAccessError';
import type {
  ObjectTypeName,
  WorkloadObjects,
} from '../kubernetes/objectTypes';
import { WORKLOAD_OBJECT_TYPES } from '../kubernetes/objectTypes';
import { BackoffPolicy, backoffDelay } from './backoff';
import { CircuitBreaker } from './CircuitBreaker';
import { ClusterObjects } from './ClusterObjects';
import { formatAge } from './syncAge';
import { TypeWatch, TypeWatchOptions } from './TypeWatch';

export type RetryPolicy = BackoffPolicy & {
  /** Consecutive failed attempts before the cluster is reported down. */
  failuresBeforeDown: number;
};

export type ClusterWatchOptions = Omit<TypeWatchOptions, 'type' | 'objects'> & {
  retry: RetryPolicy;
  /** Jitter source: Math.random in the plugin, fixed in tests. */
  random?: () => number;
};

/** What a request gets of one cluster. */
export type ClusterState =
  | {
      status: 'ok';
      /** When the cache last knew it was current (its least current type). */
      syncedAt: number;
      byService: ReadonlyMap<string, WorkloadObjects>;
    }
  | { status: 'error'; error: ClusterError }
  /** Not listed yet, and nothing has failed yet either: worth waiting for. */
  | { status: 'syncing' };

/**
 * One cluster kept in memory: every workload type listed once and then
 * watched (TypeWatch), all from one loop per cluster. When any type fails,
 * the cluster's attempt ends (every watch of it is closed), and after an
 * exponential back-off with jitter the types resume from their own
 * versions — re-listing only a type whose version is gone. After
 * `failuresBeforeDown` consecutive failed attempts the cluster is reported
 * down, with its error and how long ago it was last in sync; it keeps being
 * retried on the same schedule, and is back as soon as an attempt opens
 * every watch again. Nothing here blocks another cluster.
 */
export class ClusterWatch {
  readonly objects = new ClusterObjects();
  private readonly types: TypeWatch[];
  private readonly breaker: CircuitBreaker;
  private readonly stopping = new AbortController();
  private running: Promise<void> | undefined;
  /** Requests waiting for the first listing (or the first failure). */
  private readonly waiters = new Set<() => void>();

  constructor(private readonly options: ClusterWatchOptions) {
    this.breaker = new CircuitBreaker(options.retry.failuresBeforeDown);
    this.types = WORKLOAD_OBJECT_TYPES.map(
      type => new TypeWatch({ ...options, type, objects: this.objects }),
    );
  }

  get cluster() {
    return this.options.cluster;
  }

  /** LISTs started (each may take several pages), by type. */
  get lists(): Record<ObjectTypeName, number> {
    return Object.fromEntries(
      this.types.map(t => [t.type.name, t.lists]),
    ) as Record<ObjectTypeName, number>;
  }

  /** WATCH requests started, by type. */
  get watches(): Record<ObjectTypeName, number> {
    return Object.fromEntries(
      this.types.map(t => [t.type.name, t.watches]),
    ) as Record<ObjectTypeName, number>;
  }

  /** Where each type's watch resumes from (events and bookmarks move it). */
  get versions(): Record<ObjectTypeName, string | undefined> {
    return Object.fromEntries(
      this.types.map(t => [t.type.name, t.version]),
    ) as Record<ObjectTypeName, string | undefined>;
  }

  get consecutiveFailures() {
    return this.breaker.failures;
  }

  /** Starts listing and watching (once; later calls do nothing). */
  start() {
    this.running ??= this.loop();
  }

  async stop() {
    this.stopping.abort();
    this.wake();
    await this.running;
  }

  /**
   * Resolves when the cluster has been listed, has failed, or after
   * `timeoutMs` — whichever comes first; at once when it is not syncing.
   */
  async ready(timeoutMs: number): Promise<void> {
    if (this.state().status !== 'syncing') return;
    const gaveUp = new AbortController();
    const timedOut = this.options.clock
      .sleep(timeoutMs, gaveUp.signal)
      .then(() => 'timed out' as const);
    try {
      while (this.state().status === 'syncing') {
        let woken: () => void = () => {};
        const changed = new Promise<void>(resolve => {
          woken = resolve;
          this.waiters.add(resolve);
        });
        if ((await Promise.race([changed, timedOut])) === 'timed out') {
          this.waiters.delete(woken);
          return;
        }
      }
    } finally {
      gaveUp.abort();
    }
  }

  /** What a request answers with now. */
  state(): ClusterState {
    const error = this.breaker.lastError;
    const listed = this.types.every(t => t.listed);
    if (error && (this.breaker.open || !listed)) {
      const { kind, message } = toClusterAccessError(
        error,
        this.options.timeoutMs,
      );
      // What is held stopped moving when the failures began.
      const lastSync = this.syncedAt();
      const since =
        lastSync === undefined
          ? ''
          : `; last synced ${formatAge(
              this.options.clock.now() - lastSync,
            )} ago`;
      return {
        status: 'error',
        error: { kind, message: `${message}${since}` },
      };
    }
    if (!listed) return { status: 'syncing' };
    return {
      status: 'ok',
      syncedAt: this.syncedAt()!,
      byService: this.objects.byService(),
    };
  }

  /** The least current type's sync time, once every type is listed. */
  private syncedAt(): number | undefined {
    let oldest: number | undefined;
    for (const type of this.types) {
      if (type.syncedAt === undefined) return undefined;
      oldest = Math.min(oldest ?? Infinity, type.syncedAt);
    }
    return oldest;
  }

  private async loop() {
    const { clock, retry } = this.options;
    const stop = this.stopping.signal;
    while (!stop.aborted) {
      const attempt = new AbortController();
      const abortAttempt = () => attempt.abort();
      stop.addEventListener('abort', abortAttempt);
      const open = new Set<ObjectTypeName>();
      try {
        // Rejects with the first failure of any type.
        await Promise.all(
          this.types.map(type =>
            type.run(attempt.signal, {
              // Requests waiting for the first listing may go on.
              listed: () => this.wake(),
              opened: () => {
                open.add(type.type.name);
                // Every type listed and watching: the cluster is up.
                if (open.size === this.types.length) this.breaker.succeeded();
                this.wake();
              },
            }),
          ),
        );
      } catch (error) {
        // The other types' watches are closed; all resume together.
        attempt.abort();
        if (stop.aborted) break;
        this.breaker.failed(error as Error);
        this.wake();
        if (
          toClusterAccessError(error, this.options.timeoutMs).kind ===
          'unsupported-auth'
        )
          break; // configuration, not the cluster: retrying cannot help
        await clock.sleep(
          backoffDelay(this.breaker.failures, retry, this.options.random),
          stop,
        );
      } finally {
        stop.removeEventListener('abort', abortAttempt);
      }
    }
  }

  private wake() {
    for (const waiter of this.waiters) waiter();
    this.waiters.clear();
  }
}

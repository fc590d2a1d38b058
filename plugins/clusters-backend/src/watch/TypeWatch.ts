import { ClusterAccessError } from '../kubernetes/ClusterAccessError';
import type { ClusterConnection } from '../kubernetes/clusterConfig';
import type {
  KubernetesListClient,
  WatchEvent,
} from '../kubernetes/KubernetesListClient';
import type { ObjectType } from '../kubernetes/objectTypes';
import { SERVICE_LABEL } from '../service/workloadHealth';
import type { Clock } from './clock';
import type { ClusterObjects } from './ClusterObjects';
import { trimObject } from './trimObject';

export type TypeWatchOptions = {
  cluster: ClusterConnection;
  type: ObjectType;
  client: Pick<KubernetesListClient, 'list' | 'watch'>;
  objects: ClusterObjects;
  clock: Clock;
  /** Bounds each LIST and the wait for a watch to open. */
  timeoutMs: number;
  /** The API server ends each watch after this long; it is then resumed. */
  watchTimeoutSeconds: number;
};

/** A 410: the version to resume from is older than the server keeps. */
const isGone = (event: WatchEvent) =>
  event.type === 'ERROR' && event.object?.code === 410;

/**
 * One object type of one cluster kept current: one LIST (paged), then a
 * WATCH from the listing's resourceVersion, applying each change to the
 * cluster's objects; when the server ends the watch, watching again from
 * the last version seen; when that version is gone (410), listing again.
 * Any other failure ends `run` with the error: the cluster decides when to
 * try again (ClusterWatch), and this resumes from where it was.
 */
export class TypeWatch {
  /** Where to resume; undefined until listed (or after a 410). */
  private resourceVersion: string | undefined;
  /**
   * When this type last knew it was current: a listing, an event, a
   * bookmark, or a watch (re)opened from its version.
   */
  private currentAt: number | undefined;
  private listCount = 0;
  private watchCount = 0;

  constructor(private readonly options: TypeWatchOptions) {}

  get type() {
    return this.options.type;
  }

  /** Listed at least once (there is something to answer with). */
  get listed() {
    return this.currentAt !== undefined;
  }

  /** The resourceVersion a resumed watch starts from (undefined: will list). */
  get version() {
    return this.resourceVersion;
  }

  get syncedAt() {
    return this.currentAt;
  }

  get lists() {
    return this.listCount;
  }

  get watches() {
    return this.watchCount;
  }

  /**
   * Lists if needed and watches until the signal aborts (then resolves) or
   * something fails (then rejects). `progress.listed` is called after each
   * listing, `progress.opened` each time a watch is open (the type is
   * current and being kept so).
   */
  async run(
    signal: AbortSignal,
    progress: { listed(): void; opened(): void },
  ): Promise<void> {
    const opened = () => progress.opened();
    while (!signal.aborted) {
      if (this.resourceVersion === undefined) {
        await this.list(signal);
        if (signal.aborted) return;
        progress.listed();
      }
      if (this.resourceVersion === '') {
        // An optional type the cluster does not serve: nothing to watch;
        // look again (the definition may be installed) a watch period later.
        opened();
        await this.options.clock.sleep(
          this.options.watchTimeoutSeconds * 1000,
          signal,
        );
        this.resourceVersion = undefined;
        continue;
      }
      const outcome = await this.watch(signal, opened);
      // 410: what changed since our version is no longer known; list again.
      if (outcome === 'gone') this.resourceVersion = undefined;
    }
  }

  private async list(signal: AbortSignal) {
    const { client, cluster, type, timeoutMs, objects, clock } = this.options;
    this.listCount += 1;
    const listing = await client.list<unknown>(cluster, type, {
      labelSelector: SERVICE_LABEL,
      signal: AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]),
      timeoutMs,
    });
    if (signal.aborted) return;
    objects.replace(
      type.name,
      listing.items.map(item => trimObject(type.name, item)),
    );
    this.resourceVersion = listing.resourceVersion;
    this.currentAt = clock.now();
  }

  private async watch(
    signal: AbortSignal,
    opened: () => void,
  ): Promise<'ended' | 'gone'> {
    const { client, cluster, type, timeoutMs, watchTimeoutSeconds } =
      this.options;
    this.watchCount += 1;
    try {
      const events = await client.watch(cluster, type, {
        resourceVersion: this.resourceVersion!,
        labelSelector: SERVICE_LABEL,
        timeoutSeconds: watchTimeoutSeconds,
        signal,
        timeoutMs,
      });
      // Open: the server replays every change after our version first, so
      // from here the type is as current as the stream.
      this.currentAt = this.options.clock.now();
      opened();
      for await (const event of events) {
        if (isGone(event)) return 'gone';
        this.apply(event);
      }
      return 'ended';
    } catch (error) {
      if (signal.aborted) return 'ended';
      throw error;
    }
  }

  private apply(event: WatchEvent) {
    const { objects, type, clock } = this.options;
    const version = event.object?.metadata?.resourceVersion;
    switch (event.type) {
      case 'ADDED':
      case 'MODIFIED':
        objects.put(type.name, trimObject(type.name, event.object));
        break;
      case 'DELETED':
        objects.delete(type.name, trimObject(type.name, event.object));
        break;
      case 'BOOKMARK':
        break;
      default: {
        const status = event.object ?? {};
        throw new ClusterAccessError(
          'http',
          `watch of ${type.plural} failed: ${status.code ?? ''} ${
            status.message ?? status.reason ?? 'error event'
          }`.trim(),
        );
      }
    }
    if (version) this.resourceVersion = version;
    this.currentAt = clock.now();
  }
}

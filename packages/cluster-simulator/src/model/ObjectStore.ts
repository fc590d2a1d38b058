import { KubeObject, WatchEvent } from '../types';
import { ResourceType, resourceTypeForObject, typeKey } from './kinds';

/**
 * One stored object. Stored objects are never mutated in place: a change
 * replaces `obj` with a new object, so the JSON cache and the event history
 * can hold references safely.
 */
export interface Entry {
  obj: KubeObject;
  /** Cached `JSON.stringify(obj)`. */
  json: string;
  /**
   * Cached form inside a List: built-in kinds are listed without
   * apiVersion/kind, as kube-apiserver does; custom resources keep them.
   */
  itemJson?: string;
}

/** The JSON of an entry as a List item (see {@link Entry.itemJson}). */
export function listItemJson(entry: Entry, keepTypeMeta: boolean): string {
  if (keepTypeMeta) {
    return entry.json;
  }
  if (entry.itemJson === undefined) {
    const prefix = `{"apiVersion":${JSON.stringify(
      entry.obj.apiVersion,
    )},"kind":${JSON.stringify(entry.obj.kind)},`;
    if (entry.json.startsWith(prefix)) {
      entry.itemJson = `{${entry.json.slice(prefix.length)}`;
    } else {
      const { apiVersion: _a, kind: _k, ...rest } = entry.obj;
      entry.itemJson = JSON.stringify(rest);
    }
  }
  return entry.itemJson;
}

export interface StoredEvent {
  rv: number;
  type: WatchEvent['type'];
  key: string;
  obj: KubeObject;
  json: string;
  /** The object before the change, for MODIFIED (to tell when it left a selection). */
  prev?: KubeObject;
}

export interface StoreListener {
  key: string;
  namespace?: string;
  matches(obj: KubeObject): boolean;
  send(type: WatchEvent['type'], json: string, rv: number): void;
}

function compareKeys(a: Entry, b: Entry): number {
  const an = a.obj.metadata.namespace ?? '';
  const bn = b.obj.metadata.namespace ?? '';
  if (an !== bn) {
    return an < bn ? -1 : 1;
  }
  const am = a.obj.metadata.name;
  const bm = b.obj.metadata.name;
  if (am === bm) {
    return 0;
  }
  return am < bm ? -1 : 1;
}

/** The objects of one resource type, indexed by namespace and name. */
export class TypeIndex {
  readonly byNamespace = new Map<string, Map<string, Entry>>();
  #size = 0;
  #sortedAll?: Entry[];
  #sortedByNs = new Map<string, Entry[]>();
  /** Serialised `items` arrays of unfiltered lists, by namespace ('' for all). */
  readonly itemsCache = new Map<string, Buffer>();

  constructor(readonly type: ResourceType) {}

  get size() {
    return this.#size;
  }

  get(namespace: string, name: string): Entry | undefined {
    return this.byNamespace.get(namespace)?.get(name);
  }

  set(entry: Entry): 'added' | 'replaced' {
    const ns = entry.obj.metadata.namespace ?? '';
    let names = this.byNamespace.get(ns);
    if (!names) {
      names = new Map();
      this.byNamespace.set(ns, names);
    }
    const existing = names.get(entry.obj.metadata.name);
    this.itemsCache.clear();
    if (existing) {
      existing.obj = entry.obj;
      existing.json = entry.json;
      existing.itemJson = undefined;
      return 'replaced';
    }
    names.set(entry.obj.metadata.name, entry);
    this.#size++;
    this.#sortedAll = undefined;
    this.#sortedByNs.delete(ns);
    return 'added';
  }

  delete(namespace: string, name: string): Entry | undefined {
    const names = this.byNamespace.get(namespace);
    const existing = names?.get(name);
    if (!names || !existing) {
      return undefined;
    }
    names.delete(name);
    if (names.size === 0) {
      this.byNamespace.delete(namespace);
    }
    this.#size--;
    this.itemsCache.clear();
    this.#sortedAll = undefined;
    this.#sortedByNs.delete(namespace);
    return existing;
  }

  /** Entries in storage-key order (namespace, then name). */
  sorted(namespace?: string): Entry[] {
    if (namespace === undefined) {
      if (!this.#sortedAll) {
        const all: Entry[] = [];
        for (const names of this.byNamespace.values()) {
          for (const entry of names.values()) {
            all.push(entry);
          }
        }
        this.#sortedAll = all.sort(compareKeys);
      }
      return this.#sortedAll;
    }
    let list = this.#sortedByNs.get(namespace);
    if (!list) {
      list = Array.from(this.byNamespace.get(namespace)?.values() ?? []).sort(
        compareKeys,
      );
      this.#sortedByNs.set(namespace, list);
    }
    return list;
  }
}

/**
 * A versioned object store with a bounded change history and watch
 * listeners, in the manner of etcd behind kube-apiserver.
 */
export class ObjectStore {
  #rv = 0;
  readonly #types = new Map<string, TypeIndex>();
  readonly #history: StoredEvent[] = [];
  #historyFloor = 0;
  #recording = false;
  readonly #listeners = new Set<StoreListener>();

  constructor(private readonly historyLimit = 10000) {}

  /** The current (latest) resource version. */
  get resourceVersion(): number {
    return this.#rv;
  }

  /** The oldest resource version a watch may start from. */
  get oldestWatchableVersion(): number {
    return this.#historyFloor;
  }

  /**
   * Starts recording changes for watchers. Objects written before this
   * (the generated initial state) are not replayable as events.
   */
  startRecording() {
    this.#recording = true;
    this.#historyFloor = this.#rv;
  }

  /**
   * Forgets the change history up to now, as etcd compaction does: a watch
   * resuming from any earlier resourceVersion gets 410 Expired and has to
   * list again. Open watches are not affected.
   */
  compact() {
    this.#history.length = 0;
    this.#historyFloor = this.#rv;
  }

  index(rt: ResourceType): TypeIndex {
    const key = typeKey(rt);
    let index = this.#types.get(key);
    if (!index) {
      index = new TypeIndex(rt);
      this.#types.set(key, index);
    }
    return index;
  }

  get(
    rt: ResourceType,
    namespace: string,
    name: string,
  ): KubeObject | undefined {
    return this.index(rt).get(namespace, name)?.obj;
  }

  /** All objects of a type, optionally in one namespace, in key order. */
  list(rt: ResourceType, namespace?: string): KubeObject[] {
    return this.index(rt)
      .sorted(namespace)
      .map(e => e.obj);
  }

  /** Creates or replaces an object, stamping a new resourceVersion. */
  put(obj: KubeObject): KubeObject {
    const rt = resourceTypeForObject(obj);
    const index = this.index(rt);
    const ns = obj.metadata.namespace ?? '';
    const prev = index.get(ns, obj.metadata.name)?.obj;
    const rv = ++this.#rv;
    const stored: KubeObject = {
      ...obj,
      metadata: { ...obj.metadata, resourceVersion: String(rv) },
    };
    const json = JSON.stringify(stored);
    index.set({ obj: stored, json });
    this.#record({
      rv,
      type: prev ? 'MODIFIED' : 'ADDED',
      key: typeKey(rt),
      obj: stored,
      json,
      prev,
    });
    return stored;
  }

  /** Deletes an object; the DELETED event carries it with a new resourceVersion. */
  delete(
    rt: ResourceType,
    namespace: string,
    name: string,
  ): KubeObject | undefined {
    const removed = this.index(rt).delete(namespace, name);
    if (!removed) {
      return undefined;
    }
    const rv = ++this.#rv;
    const obj: KubeObject = {
      ...removed.obj,
      metadata: { ...removed.obj.metadata, resourceVersion: String(rv) },
    };
    this.#record({
      rv,
      type: 'DELETED',
      key: typeKey(rt),
      obj,
      json: JSON.stringify(obj),
    });
    return obj;
  }

  #record(event: StoredEvent) {
    if (!this.#recording) {
      return;
    }
    this.#history.push(event);
    if (this.#history.length > this.historyLimit) {
      const dropped = this.#history.splice(
        0,
        this.#history.length - this.historyLimit,
      );
      this.#historyFloor = dropped[dropped.length - 1].rv;
    }
    for (const listener of this.#listeners) {
      deliver(listener, event);
    }
  }

  /**
   * Registers a listener. When `sinceRv` is given, recorded events after it
   * are replayed first. Returns false (and registers nothing) when `sinceRv`
   * is older than the retained history.
   */
  subscribe(listener: StoreListener, sinceRv?: number): (() => void) | false {
    if (sinceRv !== undefined) {
      if (sinceRv < this.#historyFloor) {
        return false;
      }
      for (const event of this.#history) {
        if (event.rv > sinceRv) {
          deliver(listener, event);
        }
      }
    }
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  get listenerCount() {
    return this.#listeners.size;
  }
}

function deliver(listener: StoreListener, event: StoredEvent) {
  if (listener.key !== event.key) {
    return;
  }
  if (
    listener.namespace !== undefined &&
    (event.obj.metadata.namespace ?? '') !== listener.namespace
  ) {
    return;
  }
  const now = listener.matches(event.obj);
  if (event.type === 'DELETED') {
    if (now) {
      listener.send('DELETED', event.json, event.rv);
    }
    return;
  }
  const before = event.prev ? listener.matches(event.prev) : false;
  if (now && before) {
    listener.send('MODIFIED', event.json, event.rv);
  } else if (now) {
    listener.send('ADDED', event.json, event.rv);
  } else if (before) {
    listener.send('DELETED', event.json, event.rv);
  }
}

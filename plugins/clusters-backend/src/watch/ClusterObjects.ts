import type {
  ObjectTypeName,
  WorkloadObjects,
} from '../kubernetes/objectTypes';
import { emptyObjects, SERVICE_LABEL } from '../service/workloadHealth';

type Stored = {
  metadata?: {
    name?: string;
    namespace?: string;
    labels?: Record<string, string>;
  };
};

type ServiceObjects = Record<ObjectTypeName, Map<string, Stored>>;

const keyOf = (object: Stored) =>
  `${object.metadata?.namespace ?? ''}/${object.metadata?.name ?? ''}`;

const serviceOf = (object: Stored) => object.metadata?.labels?.[SERVICE_LABEL];

const byKey = (a: [string, Stored], b: [string, Stored]) =>
  a[0] < b[0] ? -1 : Number(a[0] > b[0]);

/**
 * One cluster's (trimmed) objects, kept by service as the watches change
 * them. Grouping is incremental: a change marks only its service as
 * changed, and the grouped view a request reads is rebuilt lazily for the
 * changed services only, once per batch of changes — not once per request,
 * and never for all 10,000 pods of a cluster because one of them changed.
 */
export class ClusterObjects {
  private readonly services = new Map<string, ServiceObjects>();
  /** Where each object is, by type and key: its service (to move or delete it). */
  private readonly serviceByKey = new Map<
    ObjectTypeName,
    Map<string, string>
  >();
  private readonly changed = new Set<string>();
  private grouped = new Map<string, WorkloadObjects>();

  /** Adds or replaces an object (ADDED, MODIFIED). */
  put(type: ObjectTypeName, object: Stored) {
    const key = keyOf(object);
    const service = serviceOf(object);
    const keys = this.keysOf(type);
    const before = keys.get(key);
    if (before !== undefined && before !== service)
      this.remove(type, key, before);
    // The list and watch select on the label, so it is always there.
    if (!service) return;
    this.objectsOf(service)[type].set(key, object);
    keys.set(key, service);
    this.changed.add(service);
  }

  /** Removes an object (DELETED). */
  delete(type: ObjectTypeName, object: Stored) {
    const key = keyOf(object);
    const service = this.keysOf(type).get(key);
    if (service !== undefined) this.remove(type, key, service);
  }

  /** Replaces every object of a type with a new listing (a re-list after 410). */
  replace(type: ObjectTypeName, objects: Stored[]) {
    for (const [key, service] of this.keysOf(type))
      this.remove(type, key, service);
    for (const object of objects) this.put(type, object);
  }

  /** How many objects of a type are held. */
  count(type: ObjectTypeName) {
    return this.keysOf(type).size;
  }

  /**
   * The objects by service, as of now. The map returned is never changed
   * afterwards (a request may hold it while events arrive); while nothing
   * changes, every request gets the same one.
   */
  byService(): ReadonlyMap<string, WorkloadObjects> {
    if (this.changed.size === 0) return this.grouped;
    const next = new Map(this.grouped);
    for (const service of this.changed) {
      const objects = this.services.get(service);
      if (!objects) next.delete(service);
      else next.set(service, this.arraysOf(objects));
    }
    this.changed.clear();
    this.grouped = next;
    return next;
  }

  private arraysOf(objects: ServiceObjects): WorkloadObjects {
    const arrays = emptyObjects();
    for (const type of Object.keys(objects) as ObjectTypeName[]) {
      // In namespace/name order, as a LIST gives them.
      (arrays[type] as Stored[]) = [...objects[type]]
        .sort(byKey)
        .map(([, object]) => object);
    }
    return arrays;
  }

  private remove(type: ObjectTypeName, key: string, service: string) {
    this.keysOf(type).delete(key);
    const objects = this.services.get(service);
    if (!objects) return;
    objects[type].delete(key);
    this.changed.add(service);
    if (Object.values(objects).every(m => m.size === 0))
      this.services.delete(service);
  }

  private keysOf(type: ObjectTypeName) {
    let keys = this.serviceByKey.get(type);
    if (!keys) {
      keys = new Map();
      this.serviceByKey.set(type, keys);
    }
    return keys;
  }

  private objectsOf(service: string): ServiceObjects {
    let objects = this.services.get(service);
    if (!objects) {
      objects = {
        pods: new Map(),
        deployments: new Map(),
        statefulsets: new Map(),
        rollouts: new Map(),
        horizontalpodautoscalers: new Map(),
      };
      this.services.set(service, objects);
    }
    return objects;
  }
}

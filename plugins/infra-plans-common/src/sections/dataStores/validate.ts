/** Rules over every data store together, whatever its kind. */
import type { EnvContext } from '../shared/ruleContext';

/**
 * Data store names are unique across databases, caches, buckets and queues
 * (`names-unique`): workloads refer to them by name with `uses`.
 */
export function checkDataStoreNames(ctx: EnvContext): void {
  const data = ctx.env.data;
  if (!data) return;
  const sink = ctx.sink.at('data');

  const all = [
    ...(data.databases ?? []).map((d, i) => ({
      kind: 'databases',
      i,
      name: d.name,
    })),
    ...(data.caches ?? []).map((d, i) => ({ kind: 'caches', i, name: d.name })),
    ...(data.objectStorage ?? []).map((d, i) => ({
      kind: 'objectStorage',
      i,
      name: d.name,
    })),
    ...(data.queues ?? []).map((d, i) => ({ kind: 'queues', i, name: d.name })),
  ];
  const firstByName = new Map<string, string>();
  for (const entry of all) {
    const first = firstByName.get(entry.name);
    if (first) {
      sink.error(
        'names-unique',
        [entry.kind, entry.i, 'name'],
        `data store name ${entry.name} is already used by ${first}`,
        'data store names are unique across databases, caches, buckets and queues (workloads refer to them by name)',
      );
    } else {
      firstByName.set(entry.name, `${entry.kind}[${entry.i}]`);
    }
  }
}

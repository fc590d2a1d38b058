/** The data stores of a preset environment: the ones the caller asked for. */
import { presetBucket } from '../buckets/preset';
import { presetCache } from '../caches/preset';
import { presetDatabase } from '../databases/preset';
import type { PresetContext } from '../shared/presetContext';
import type { DataPlan } from './schema';

/** The `data` section, or undefined when no data store is wanted. */
export function presetDataStores(ctx: PresetContext): DataPlan | undefined {
  const data: DataPlan = {};
  if (ctx.database) data.databases = [presetDatabase(ctx)];
  if (ctx.cache) data.caches = [presetCache(ctx)];
  if (ctx.objectStorage) data.objectStorage = [presetBucket(ctx)];
  return Object.keys(data).length ? data : undefined;
}

/** The names of the data stores, for the workload's `uses`. */
export function dataStoreNames(data: DataPlan | undefined): string[] {
  return [
    ...(data?.databases ?? []),
    ...(data?.caches ?? []),
    ...(data?.objectStorage ?? []),
    ...(data?.queues ?? []),
  ].map(store => store.name);
}

import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import { DEFAULT_PAGE_SIZE } from './kubernetes/KubernetesListClient';

export type ClustersSettings = {
  /** How long one cluster (or the approvals/cost plugin) may take to answer. */
  timeoutMs: number;
  /** How long a cluster listing is shared before it is listed again. */
  cacheTtlMs: number;
  /** How long the catalog's services and clusters are kept. */
  catalogCacheTtlMs: number;
  /** How long after the last viewer a cluster's listings are still renewed in the background. */
  keepWarmMs: number;
  pageSize: number;
};

export const DEFAULT_SETTINGS: ClustersSettings = {
  timeoutMs: 3_000,
  cacheTtlMs: 5_000,
  catalogCacheTtlMs: 30_000,
  keepWarmMs: 60_000,
  pageSize: DEFAULT_PAGE_SIZE,
};

function durationMs(config: Config, key: string, fallback: number) {
  return config.has(key)
    ? durationToMilliseconds(readDurationFromConfig(config, { key }))
    : fallback;
}

/** `gatehouse.clusters` (see config.d.ts). */
export function readClustersConfig(config: Config): ClustersSettings {
  const clusters = config.getOptionalConfig('gatehouse.clusters');
  if (!clusters) return DEFAULT_SETTINGS;
  const settings = {
    timeoutMs: durationMs(clusters, 'timeout', DEFAULT_SETTINGS.timeoutMs),
    cacheTtlMs: durationMs(clusters, 'cacheTtl', DEFAULT_SETTINGS.cacheTtlMs),
    catalogCacheTtlMs: durationMs(
      clusters,
      'catalogCacheTtl',
      DEFAULT_SETTINGS.catalogCacheTtlMs,
    ),
    keepWarmMs: durationMs(clusters, 'keepWarm', DEFAULT_SETTINGS.keepWarmMs),
    pageSize:
      clusters.getOptionalNumber('pageSize') ?? DEFAULT_SETTINGS.pageSize,
  };
  if (settings.timeoutMs <= 0)
    throw new Error('gatehouse.clusters.timeout must be longer than zero');
  if (!Number.isInteger(settings.pageSize) || settings.pageSize < 1)
    throw new Error('gatehouse.clusters.pageSize must be a positive integer');
  return settings;
}

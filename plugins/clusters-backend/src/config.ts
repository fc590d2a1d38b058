import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import { DEFAULT_PAGE_SIZE } from './kubernetes/KubernetesListClient';
import type { RetryPolicy } from './watch/ClusterWatch';

export type ClustersSettings = {
  /** How long one cluster (or the approvals/cost plugin) may take to answer. */
  timeoutMs: number;
  /** How long the catalog's services and clusters are kept. */
  catalogCacheTtlMs: number;
  pageSize: number;
  /** The API server ends each watch after this long; it is then resumed. */
  watchTimeoutSeconds: number;
  /** Back-off and circuit breaker of a cluster that fails. */
  retry: RetryPolicy;
};

export const DEFAULT_SETTINGS: ClustersSettings = {
  timeoutMs: 3_000,
  catalogCacheTtlMs: 30_000,
  pageSize: DEFAULT_PAGE_SIZE,
  // client-go's informers watch for 5 to 10 minutes at a time.
  watchTimeoutSeconds: 300,
  retry: { initialDelayMs: 1_000, maxDelayMs: 60_000, failuresBeforeDown: 3 },
};

function durationMs(config: Config, key: string, fallback: number) {
  return config.has(key)
    ? durationToMilliseconds(readDurationFromConfig(config, { key }))
    : fallback;
}

function positiveInteger(value: number, key: string) {
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`gatehouse.clusters.${key} must be a positive integer`);
  return value;
}

/** `gatehouse.clusters` (see config.d.ts). */
export function readClustersConfig(config: Config): ClustersSettings {
  const clusters = config.getOptionalConfig('gatehouse.clusters');
  if (!clusters) return DEFAULT_SETTINGS;
  const defaults = DEFAULT_SETTINGS;
  const settings: ClustersSettings = {
    timeoutMs: durationMs(clusters, 'timeout', defaults.timeoutMs),
    catalogCacheTtlMs: durationMs(
      clusters,
      'catalogCacheTtl',
      defaults.catalogCacheTtlMs,
    ),
    pageSize: positiveInteger(
      clusters.getOptionalNumber('pageSize') ?? defaults.pageSize,
      'pageSize',
    ),
    watchTimeoutSeconds: Math.round(
      durationMs(
        clusters,
        'watchTimeout',
        defaults.watchTimeoutSeconds * 1000,
      ) / 1000,
    ),
    retry: {
      initialDelayMs: durationMs(
        clusters,
        'retry.initialDelay',
        defaults.retry.initialDelayMs,
      ),
      maxDelayMs: durationMs(
        clusters,
        'retry.maxDelay',
        defaults.retry.maxDelayMs,
      ),
      failuresBeforeDown: positiveInteger(
        clusters.getOptionalNumber('retry.failuresBeforeDown') ??
          defaults.retry.failuresBeforeDown,
        'retry.failuresBeforeDown',
      ),
    },
  };
  if (settings.timeoutMs <= 0)
    throw new Error('gatehouse.clusters.timeout must be longer than zero');
  if (settings.watchTimeoutSeconds < 1)
    throw new Error(
      'gatehouse.clusters.watchTimeout must be at least one second',
    );
  if (
    settings.retry.initialDelayMs <= 0 ||
    settings.retry.maxDelayMs < settings.retry.initialDelayMs
  )
    throw new Error(
      'gatehouse.clusters.retry needs 0 < initialDelay <= maxDelay',
    );
  return settings;
}

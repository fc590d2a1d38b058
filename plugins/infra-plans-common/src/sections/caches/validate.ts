/**
 * Cache rules: replication and multi-AZ failover (none for memcached),
 * known node types and supported engine versions.
 */
import { KNOWN_CACHE_NODE_TYPES } from '../../catalogue/knownTypes';
import type { SupportProduct } from '../../support/calendar';
import type { EnvContext } from '../shared/ruleContext';
import {
  checkSupportedVersion,
  requireForTier,
  requireKnownType,
} from '../shared/ruleHelpers';

/** Engines → the support calendar that covers them; engines not here have none. */
const ENGINE_CALENDARS: Record<string, SupportProduct> = {
  redis: 'elasticache-redis',
  valkey: 'elasticache-valkey',
};

/** Every cache rule of one environment. */
export function checkCaches(ctx: EnvContext): void {
  const data = ctx.env.data;
  if (!data) return;
  const sink = ctx.sink.at('data');

  (data.caches ?? []).forEach((cache, index) => {
    const at = (...s: (string | number)[]) => ['caches', index, ...s];
    const replicas = cache.replicasPerShard ?? 0;
    if (cache.engine === 'memcached') {
      if (
        replicas > 0 ||
        (cache.shards ?? 1) > 1 ||
        cache.snapshotRetention ||
        cache.multiAz
      ) {
        sink.error(
          'cache-replication',
          at('engine'),
          `cache ${cache.name}: memcached has no replicas, shards, snapshots or multi-AZ failover`,
          'use engine: redis or valkey for those, or drop the settings',
        );
      }
      return;
    }
    if (cache.multiAz && replicas < 1) {
      sink.error(
        'cache-replication',
        at('multiAz'),
        `cache ${cache.name}: multi-AZ needs at least one replica per shard`,
        'set replicasPerShard: 1 or more',
      );
    } else if (!cache.multiAz || replicas < 1) {
      requireForTier(
        ctx,
        'cache-replication',
        ['data', ...at()],
        `cache ${cache.name} has no replica in another zone`,
        'set replicasPerShard: 1 and multiAz: true',
      );
    }
  });
}

/** Cache node types the price book and instance catalogue know. */
export function checkCacheNodeTypes(ctx: EnvContext): void {
  (ctx.env.data?.caches ?? []).forEach((cache, index) =>
    requireKnownType(
      ctx,
      cache.nodeType,
      KNOWN_CACHE_NODE_TYPES,
      'cache node type',
      ['data', 'caches', index, 'nodeType'],
    ),
  );
}

/**
 * Engine versions against the ElastiCache support calendar. Memcached has
 * no calendar and is not judged: we do not know.
 */
export function checkCacheEngineVersions(ctx: EnvContext): void {
  (ctx.env.data?.caches ?? []).forEach((cache, index) => {
    const product = ENGINE_CALENDARS[cache.engine];
    if (product) {
      checkSupportedVersion(ctx, product, cache.version, [
        'data',
        'caches',
        index,
        'version',
      ]);
    }
  });
}

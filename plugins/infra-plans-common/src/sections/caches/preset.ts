/** The cache of a preset environment: Redis, with a replica in another zone outside development. */
import type { Tier } from '../../schema';
import type { PresetContext } from '../shared/presetContext';
import type { Cache } from './schema';

const CACHE_SIZING: Record<Tier, { nodeType: string; replicas: number }> = {
  development: { nodeType: 'cache.t4g.micro', replicas: 0 },
  staging: { nodeType: 'cache.t4g.small', replicas: 1 },
  production: { nodeType: 'cache.r6g.large', replicas: 1 },
};

export function presetCache(ctx: PresetContext): Cache {
  const { tier } = ctx;
  const cache = CACHE_SIZING[tier];
  return {
    name: 'cache',
    engine: 'redis',
    version: '7.0',
    nodeType: cache.nodeType,
    replicasPerShard: cache.replicas,
    multiAz: cache.replicas > 0,
    ...(tier === 'development' ? {} : { snapshotRetention: '1d' }),
    evictionPolicy: 'allkeys-lru',
  };
}

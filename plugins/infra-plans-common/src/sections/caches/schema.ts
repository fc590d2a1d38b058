/**
 * Caches (`data.caches`): ElastiCache Redis, Valkey or Memcached
 * (`aws_elasticache_replication_group`).
 */
import { z } from 'zod';
import { dnsName, duration, version } from '../shared/schemaPrimitives';

/** @public */
export const cacheSchema = z
  .object({
    name: dnsName,
    engine: z.enum(['redis', 'valkey', 'memcached']),
    version,
    nodeType: z
      .string()
      .regex(
        /^cache\.[a-z0-9]+\.[a-z0-9]+$/,
        'write a node type such as cache.r6g.large',
      ),
    /** Shards (node groups); more than one means cluster mode. */
    shards: z.number().int().min(1).optional(),
    replicasPerShard: z.number().int().min(0).max(5).optional(),
    multiAz: z.boolean().optional(),
    snapshotRetention: duration.optional(),
    evictionPolicy: z.string().optional(),
  })
  .strict();

/** @public */
export type Cache = z.infer<typeof cacheSchema>;

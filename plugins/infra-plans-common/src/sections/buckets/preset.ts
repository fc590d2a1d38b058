/**
 * The bucket of a preset environment: encrypted, tiered to infrequent
 * access and Glacier, versioned outside development and, in production,
 * replicated to the DR region instead of expiring.
 */
import type { PresetContext } from '../shared/presetContext';
import type { Bucket } from './schema';

export function presetBucket(ctx: PresetContext): Bucket {
  const { tier } = ctx;
  const production = tier === 'production';
  return {
    name: 'assets',
    versioning: tier !== 'development',
    encryption: 'aes256',
    lifecycle: [
      {
        name: 'tiering',
        transitions: [
          { after: '30d', storageClass: 'STANDARD_IA' },
          { after: '90d', storageClass: 'GLACIER' },
        ],
        ...(production ? {} : { expiration: '365d' }),
      },
    ],
    ...(production ? { replication: { region: ctx.drRegion } } : {}),
  };
}

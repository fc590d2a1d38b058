/**
 * The disaster recovery of a preset environment (staging and production):
 * in production an RPO of 1h and RTO of 4h met from backups copied to the
 * DR region, tested quarterly; in staging a day for both, tested yearly.
 */
import type { PresetContext } from '../shared/presetContext';
import type { DisasterRecoveryPlan } from './schema';

export function presetDisasterRecovery(
  ctx: PresetContext,
): DisasterRecoveryPlan {
  if (ctx.tier !== 'production') {
    return {
      rpo: '24h',
      rto: '24h',
      strategy: 'backup-restore',
      testCadence: 'annual',
    };
  }
  return {
    rpo: '1h',
    rto: '4h',
    // What the generated repository builds: backups (and bucket
    // replicas) in the DR region, no standby capacity there.
    strategy: 'backup-restore',
    drRegion: ctx.drRegion,
    // Only RDS backups are copied across regions (by the
    // generated repository); without a database there is nothing to copy.
    backups: { retention: '30d', crossRegionCopy: ctx.database },
    replication: {
      // Automated backups copied to the DR region: what the
      // generated repository builds (a cross-region read replica
      // would need a network there, which it does not build).
      database: ctx.database ? 'snapshot-copy' : 'none',
      objectStorage: ctx.objectStorage,
    },
    testCadence: 'quarterly',
  };
}

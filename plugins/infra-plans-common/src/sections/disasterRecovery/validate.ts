/**
 * Disaster recovery rules: backups frequent enough for the RPO, a DR
 * region where the strategy needs one, bucket replication when promised,
 * test cadence and whether the RTO is feasible.
 */
import { requirementLevel } from '../../tiers';
import { formatDuration, parseDuration } from '../../units';
import type { EnvContext } from '../shared/ruleContext';
import { requireForTier } from '../shared/ruleHelpers';

/** Automated RDS backups run once a day. */
const DAY = 86400;
/** Point-in-time recovery restores to within about five minutes. */
const PITR_INTERVAL = 300;

/** Every disaster recovery rule of one environment. */
export function checkDisasterRecovery(ctx: EnvContext): void {
  const dr = ctx.env.disasterRecovery;
  if (!dr) {
    requireForTier(
      ctx,
      'disaster-recovery',
      ['disasterRecovery'],
      'no disaster recovery section',
      'add disasterRecovery with rpo, rto, strategy and testCadence (e.g. rpo: 1h, rto: 4h, warm-standby, quarterly)',
    );
    return;
  }
  const sink = ctx.sink.at('disasterRecovery');
  const rpo = parseDuration(dr.rpo) ?? 0;
  const rto = parseDuration(dr.rto) ?? 0;

  // Backups at least as frequent as the RPO.
  const backupsRequired =
    requirementLevel('database-backups', ctx.tier) === 'required';
  (ctx.env.data?.databases ?? []).forEach((db, index) => {
    const path = ['data', 'databases', index, 'backup'];
    if (!db.backup) {
      if (!backupsRequired) {
        ctx.sink.error(
          'backup-vs-rpo',
          ['data', 'databases', index],
          `database ${db.name} has no backups, so the RPO of ${dr.rpo} cannot be met`,
          `add backup with pointInTimeRecovery: true, or backups at least every ${dr.rpo}`,
        );
      }
      return;
    }
    let interval = DAY;
    if (db.backup.pointInTimeRecovery) interval = PITR_INTERVAL;
    else if (db.backup.frequency)
      interval = parseDuration(db.backup.frequency) ?? DAY;
    if (interval > rpo) {
      const how = db.backup.frequency
        ? `every ${db.backup.frequency}`
        : 'once a day (automated backup)';
      ctx.sink.error(
        'backup-vs-rpo',
        db.backup.frequency ? [...path, 'frequency'] : path,
        `database ${db.name} is backed up ${how}, which cannot meet the RPO of ${dr.rpo}`,
        `an RPO of ${
          dr.rpo
        } needs point-in-time recovery (backup.pointInTimeRecovery: true) or backups at least every ${formatDuration(
          rpo,
        )} (backup.frequency: ${formatDuration(rpo)})`,
      );
    }
  });
  if (dr.backups?.frequency) {
    const frequency = parseDuration(dr.backups.frequency) ?? 0;
    if (frequency > rpo) {
      sink.error(
        'backup-vs-rpo',
        ['backups', 'frequency'],
        `backups run every ${dr.backups.frequency}, less often than the RPO of ${dr.rpo}`,
        `back up at least every ${dr.rpo}, or relax the RPO`,
      );
    }
  }

  // DR region.
  const needsRegion =
    dr.strategy !== 'backup-restore' ||
    (dr.replication?.database ?? 'none') !== 'none' ||
    dr.replication?.objectStorage ||
    dr.backups?.crossRegionCopy;
  if (dr.drRegion === ctx.env.region) {
    sink.error(
      'dr-region',
      ['drRegion'],
      `the DR region is the environment's own region ${ctx.env.region}`,
      'recover into another region, e.g. us-west-2 for us-east-1',
    );
  } else if (!dr.drRegion && needsRegion) {
    sink.error(
      'dr-region',
      ['strategy'],
      `${
        dr.strategy === 'backup-restore'
          ? 'cross-region replication'
          : `a ${dr.strategy} strategy`
      } needs a DR region`,
      'set disasterRecovery.drRegion, e.g. us-west-2',
    );
  } else if (dr.drRegion && !ctx.plan.spec.regions.includes(dr.drRegion)) {
    sink.warning(
      'region-listed',
      ['drRegion'],
      `DR region ${dr.drRegion} is not listed in spec.regions`,
      `add ${dr.drRegion} to spec.regions so its infrastructure is planned`,
    );
  }
  if (dr.replication?.objectStorage) {
    (ctx.env.data?.objectStorage ?? []).forEach((bucket, index) => {
      if (!bucket.replication) {
        ctx.sink.warning(
          'dr-replication',
          ['data', 'objectStorage', index, 'replication'],
          `disaster recovery replicates object storage, but bucket ${bucket.name} has no replication`,
          `add replication: { region: ${
            dr.drRegion ?? 'us-west-2'
          } } (and versioning: true)`,
        );
      }
    });
  }

  // Testing and feasibility.
  if (
    ctx.tier === 'production' &&
    (dr.testCadence === 'semiannual' || dr.testCadence === 'annual')
  ) {
    sink.error(
      'dr-test-cadence',
      ['testCadence'],
      `DR is tested ${dr.testCadence}; production DR procedures must be tested at least quarterly`,
      'set testCadence: quarterly (or monthly) and record each test',
    );
  }
  if (dr.strategy === 'backup-restore' && rto < 3600) {
    sink.warning(
      'rto-feasibility',
      ['rto'],
      `an RTO of ${dr.rto} is unlikely with backup and restore (rebuilding and restoring takes hours)`,
      'use pilot-light or warm-standby, or relax the RTO',
    );
  }
}

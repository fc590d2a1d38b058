/**
 * Database rules: storage within RDS limits, backups (retention, windows
 * clear of maintenance), multi-AZ, replicas, deletion protection and
 * encryption, known instance classes and supported engine versions.
 */
import { KNOWN_DB_INSTANCE_CLASSES } from '../../catalogue/knownTypes';
import type { SupportProduct } from '../../support/calendar';
import { GIB, durationDays, formatMemory, parseMemory } from '../../units';
import type { EnvContext } from '../shared/ruleContext';
import {
  checkSupportedVersion,
  requireForTier,
  requireKnownType,
} from '../shared/ruleHelpers';

/** Engines → the support calendar that covers them; engines not here have none. */
const ENGINE_CALENDARS: Record<string, SupportProduct> = {
  postgres: 'rds-postgres',
  mysql: 'rds-mysql',
};

function minutesOfWeek(day: string, time: string): number {
  const days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
  const [h, m] = time.split(':').map(Number);
  return days.indexOf(day) * 1440 + h * 60 + m;
}

/** [start, end) intervals in minutes of the week; daily windows repeat each day. */
function dailyIntervals(window: string): [number, number][] {
  const [from, to] = window.split('-');
  const [fh, fm] = from.split(':').map(Number);
  const [th, tm] = to.split(':').map(Number);
  const start = fh * 60 + fm;
  let end = th * 60 + tm;
  if (end <= start) end += 1440;
  return Array.from({ length: 7 }, (_, d) => [
    d * 1440 + start,
    d * 1440 + end,
  ]);
}

function weeklyInterval(window: string): [number, number] {
  const match = /^(\w{3}):(\d\d:\d\d)-(\w{3}):(\d\d:\d\d)$/.exec(window)!;
  const start = minutesOfWeek(match[1], match[2]);
  let end = minutesOfWeek(match[3], match[4]);
  if (end <= start) end += 7 * 1440;
  return [start, end];
}

function intervalsOverlap(a: [number, number], b: [number, number]): boolean {
  const week = 7 * 1440;
  return [-week, 0, week].some(
    shift => a[0] < b[1] + shift && b[0] + shift < a[1],
  );
}

/** Every database rule of one environment. */
export function checkDatabases(ctx: EnvContext): void {
  const data = ctx.env.data;
  if (!data) return;
  const sink = ctx.sink.at('data');
  const atRest = ctx.env.security?.encryption?.atRest?.enabled;

  (data.databases ?? []).forEach((db, index) => {
    const at = (...s: (string | number)[]) => ['databases', index, ...s];
    const allocated = parseMemory(db.storage.allocated);
    const max =
      db.storage.max === undefined ? undefined : parseMemory(db.storage.max);
    if (
      allocated !== undefined &&
      !db.engine.startsWith('aurora') &&
      allocated < 20 * GIB
    ) {
      sink.error(
        'database-storage',
        at('storage', 'allocated'),
        `database ${db.name}: ${formatMemory(
          allocated,
        )} is below the RDS minimum of 20Gi`,
        'allocate at least 20Gi',
      );
    }
    if (allocated !== undefined && max !== undefined && max < allocated) {
      sink.error(
        'database-storage',
        at('storage', 'max'),
        `database ${db.name}: storage.max ${db.storage.max} is below the allocated ${db.storage.allocated}`,
        'max is the storage autoscaling ceiling and must be at least the allocated size',
      );
    }
    if (db.backup) {
      const days = durationDays(db.backup.retention) ?? 0;
      if (days > 35) {
        sink.error(
          'database-backup',
          at('backup', 'retention'),
          `database ${db.name}: backup retention ${db.backup.retention} exceeds the RDS maximum of 35 days`,
          'keep automated backups ≤ 35d and use AWS Backup or snapshot copies for longer retention',
        );
      } else if (days < 1) {
        sink.error(
          'database-backup',
          at('backup', 'retention'),
          `database ${db.name}: backup retention ${db.backup.retention} is under a day, which disables automated backups`,
          'retain backups for at least 1d (7d or more outside development)',
        );
      }
      if (db.backup.window && db.maintenanceWindow) {
        const weekly = weeklyInterval(db.maintenanceWindow);
        if (
          dailyIntervals(db.backup.window).some(d =>
            intervalsOverlap(d, weekly),
          )
        ) {
          sink.error(
            'database-backup',
            at('backup', 'window'),
            `database ${db.name}: backup window ${db.backup.window} overlaps the maintenance window ${db.maintenanceWindow}`,
            'RDS rejects overlapping windows; move one of them, e.g. backups 03:00-04:00 and maintenance sun:04:00-sun:05:00',
          );
        }
      }
    } else {
      requireForTier(
        ctx,
        'database-backups',
        ['data', ...at('backup')],
        `database ${db.name} has no backups`,
        'add backup: { retention: 7d, window: "03:00-04:00", pointInTimeRecovery: true }',
      );
    }
    if (!db.multiAz) {
      requireForTier(
        ctx,
        'database-multi-az',
        ['data', ...at('multiAz')],
        `database ${db.name} runs in a single availability zone`,
        'set multiAz: true so a standby in another zone takes over on failure',
      );
    }
    if (!db.readReplicas) {
      requireForTier(
        ctx,
        'database-replicas',
        ['data', ...at('readReplicas')],
        `database ${db.name} has no read replica`,
        'add readReplicas: 1 to offload reads and keep a warm copy',
      );
    }
    if (!db.deletionProtection) {
      requireForTier(
        ctx,
        'deletion-protection',
        ['data', ...at('deletionProtection')],
        `database ${db.name} can be deleted by a single apply`,
        'set deletionProtection: true',
      );
    }
    if (atRest && db.encrypted === false) {
      sink.error(
        'encryption-consistency',
        at('encrypted'),
        `database ${db.name} is unencrypted although security.encryption.atRest is enabled`,
        'set encrypted: true (or remove it: it follows the security section)',
      );
    }
  });
}

/** Database instance classes the price book and instance catalogue know. */
export function checkDatabaseInstanceClasses(ctx: EnvContext): void {
  (ctx.env.data?.databases ?? []).forEach((db, index) =>
    requireKnownType(
      ctx,
      db.instanceClass,
      KNOWN_DB_INSTANCE_CLASSES,
      'DB instance class',
      ['data', 'databases', index, 'instanceClass'],
    ),
  );
}

/**
 * Engine versions against the RDS support calendar. Engines without a
 * calendar (MariaDB, Aurora) are not judged: we do not know.
 */
export function checkDatabaseEngineVersions(ctx: EnvContext): void {
  (ctx.env.data?.databases ?? []).forEach((db, index) => {
    const product = ENGINE_CALENDARS[db.engine];
    if (product) {
      checkSupportedVersion(ctx, product, db.version, [
        'data',
        'databases',
        index,
        'version',
      ]);
    }
  });
}

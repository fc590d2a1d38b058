import {
  GIB,
  durationDays,
  formatMemory,
  parseDuration,
  parseMemory,
} from '../units';
import { EnvContext, requireForTier } from './context';

const DAY = 86400;

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

/** Data rules: databases, caches, object storage and queues. */
export function checkData(ctx: EnvContext): void {
  const data = ctx.env.data;
  if (!data) return;
  const sink = ctx.sink.at('data');
  const atRest = ctx.env.security?.encryption?.atRest?.enabled;

  // Names are shared across kinds: workloads refer to them with `uses`.
  const all = [
    ...(data.databases ?? []).map((d, i) => ({
      kind: 'databases',
      i,
      name: d.name,
    })),
    ...(data.caches ?? []).map((d, i) => ({ kind: 'caches', i, name: d.name })),
    ...(data.objectStorage ?? []).map((d, i) => ({
      kind: 'objectStorage',
      i,
      name: d.name,
    })),
    ...(data.queues ?? []).map((d, i) => ({ kind: 'queues', i, name: d.name })),
  ];
  const firstByName = new Map<string, string>();
  for (const entry of all) {
    const first = firstByName.get(entry.name);
    if (first) {
      sink.error(
        'names-unique',
        [entry.kind, entry.i, 'name'],
        `data store name ${entry.name} is already used by ${first}`,
        'data store names are unique across databases, caches, buckets and queues (workloads refer to them by name)',
      );
    } else {
      firstByName.set(entry.name, `${entry.kind}[${entry.i}]`);
    }
  }

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

  (data.objectStorage ?? []).forEach((bucket, index) => {
    const at = (...s: (string | number)[]) => ['objectStorage', index, ...s];
    if (bucket.replication) {
      if (!bucket.versioning) {
        sink.error(
          'bucket-replication',
          at('versioning'),
          `bucket ${bucket.name} replicates to ${bucket.replication.region} without versioning`,
          'S3 replication requires versioning: true',
        );
      }
      if (bucket.replication.region === ctx.env.region) {
        sink.error(
          'bucket-replication',
          at('replication', 'region'),
          `bucket ${bucket.name} replicates into its own region ${ctx.env.region}`,
          'replicate to the DR region, e.g. us-west-2',
        );
      }
    }
    (bucket.lifecycle ?? []).forEach((rule, ri) => {
      let previous = 0;
      (rule.transitions ?? []).forEach((t, ti) => {
        const seconds = parseDuration(t.after) ?? 0;
        if (
          (t.storageClass === 'STANDARD_IA' ||
            t.storageClass === 'ONEZONE_IA') &&
          seconds < 30 * DAY
        ) {
          sink.error(
            'bucket-lifecycle',
            at('lifecycle', ri, 'transitions', ti, 'after'),
            `bucket ${bucket.name}: transition to ${t.storageClass} after ${t.after}; S3 requires at least 30 days`,
            'transition to an infrequent-access class after 30d or more',
          );
        }
        if (seconds <= previous) {
          sink.error(
            'bucket-lifecycle',
            at('lifecycle', ri, 'transitions', ti, 'after'),
            `bucket ${bucket.name}: transitions are not in increasing order of age (${t.after})`,
            'list transitions from the youngest to the oldest age',
          );
        }
        previous = Math.max(previous, seconds);
      });
      if (
        rule.expiration &&
        (parseDuration(rule.expiration) ?? 0) <= previous
      ) {
        sink.error(
          'bucket-lifecycle',
          at('lifecycle', ri, 'expiration'),
          `bucket ${bucket.name}: objects expire after ${rule.expiration}, before their last transition`,
          'expire objects after the last transition age',
        );
      }
    });
    if (bucket.publicAccess && ctx.tier !== 'development') {
      sink.warning(
        'bucket-public',
        at('publicAccess'),
        `bucket ${bucket.name} allows public access in ${ctx.tier}`,
        'serve public content through CloudFront with an origin access control instead',
      );
    }
    if (atRest && bucket.encryption === 'none') {
      sink.error(
        'encryption-consistency',
        at('encryption'),
        `bucket ${bucket.name} is unencrypted although security.encryption.atRest is enabled`,
        'set encryption: aes256 or kms',
      );
    }
  });

  (data.queues ?? []).forEach((queue, index) => {
    const at = (...s: (string | number)[]) => ['queues', index, ...s];
    if (queue.retention) {
      const seconds = parseDuration(queue.retention) ?? 0;
      if (seconds < 60 || seconds > 14 * DAY) {
        sink.error(
          'queue-limits',
          at('retention'),
          `queue ${queue.name}: retention ${queue.retention} is outside the SQS range 60s–14d`,
          'retain messages between 60s and 14d',
        );
      }
    }
    if (
      queue.visibilityTimeout &&
      (parseDuration(queue.visibilityTimeout) ?? 0) > 12 * 3600
    ) {
      sink.error(
        'queue-limits',
        at('visibilityTimeout'),
        `queue ${queue.name}: visibility timeout ${queue.visibilityTimeout} exceeds the SQS maximum of 12h`,
        'keep the visibility timeout ≤ 12h, and longer than the slowest job',
      );
    }
  });
}

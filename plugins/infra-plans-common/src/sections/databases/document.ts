/** The databases' parts of the generated documents. */
import type { DeploymentDataStore } from '../../documents/deploymentArchitecturePlan';
import { Recommend, toGiB } from '../../documents/derive';
import { table, yesNo } from '../../documents/markdown';
import type { PerformanceEnvironment } from '../../documents/performancePlan';
import type { EnvironmentPlan } from '../../schema';
import { parseMemory } from '../../units';
import {
  UNSET_STORE_FIELDS,
  dataStoreUsers,
  encryptedAtRest,
} from '../dataStores/document';

/** `Infrastructure_Requirements.md`: the databases table. */
export function databasesRequirements(env: EnvironmentPlan): string {
  return [
    '#### Databases\n\n',
    table(
      [
        'Name',
        'Engine',
        'Instance class',
        'Storage',
        'Multi-AZ',
        'Read replicas',
        'Backup retention',
        'Backup window',
        'PITR',
        'Deletion protection',
      ],
      (env.data?.databases ?? []).map(db => [
        db.name,
        `${db.engine} ${db.version}`,
        db.instanceClass,
        `${db.storage.allocated}${
          db.storage.max ? ` → ${db.storage.max}` : ''
        } ${db.storage.type ?? ''}`.trim(),
        yesNo(db.multiAz),
        db.readReplicas ?? 0,
        db.backup?.retention ?? 'none',
        db.backup?.window,
        yesNo(db.backup?.pointInTimeRecovery),
        yesNo(db.deletionProtection),
      ]),
    ),
  ].join('');
}

/** `Deployment_Architecture_Plan.json`: the databases among the `dataStores`. */
export function databaseDeploymentStores(
  env: EnvironmentPlan,
): DeploymentDataStore[] {
  const atRest = encryptedAtRest(env);
  return (env.data?.databases ?? []).map(db => ({
    ...UNSET_STORE_FIELDS,
    kind: 'database' as const,
    name: db.name,
    terraformResource: db.engine.startsWith('aurora')
      ? 'aws_rds_cluster'
      : 'aws_db_instance',
    engine: db.engine,
    version: db.version,
    size: `${db.instanceClass}, ${db.storage.allocated}${
      db.storage.max ? ` (autoscaling to ${db.storage.max})` : ''
    }`,
    multiAz: db.multiAz,
    replicas: db.readReplicas ?? 0,
    backupRetention: db.backup?.retention ?? null,
    pointInTimeRecovery: db.backup?.pointInTimeRecovery ?? null,
    encrypted: db.encrypted ?? atRest,
    usedBy: dataStoreUsers(env, db.name),
  }));
}

/** `Scalability_Architecture_Design.md`: how each database scales (rows of the data tier table). */
export function databaseScalingRows(env: EnvironmentPlan): unknown[][] {
  return (env.data?.databases ?? []).map(db => [
    `database ${db.name}`,
    `${db.engine} ${db.version} on ${db.instanceClass}`,
    `vertical (instance class); ${db.readReplicas ?? 0} read replica${
      db.readReplicas === 1 ? '' : 's'
    }${db.multiAz ? '; multi-AZ standby' : ''}`,
    db.storage.max
      ? `storage autoscaling ${db.storage.allocated} → ${db.storage.max}`
      : `fixed ${db.storage.allocated}`,
  ]);
}

/** `Performance_Optimization_Plan.json`: the environment's `databases`. */
export function databasesPerformance(
  env: EnvironmentPlan,
): PerformanceEnvironment['databases'] {
  return (env.data?.databases ?? []).map(db => ({
    name: db.name,
    instanceClass: db.instanceClass,
    readReplicas: db.readReplicas ?? 0,
    storageGiB: toGiB(parseMemory(db.storage.allocated) ?? 0),
    maxStorageGiB: db.storage.max
      ? toGiB(parseMemory(db.storage.max) ?? 0)
      : null,
    storageType: db.storage.type ?? null,
  }));
}

/** `Performance_Optimization_Plan.json`: recommendations on each database's storage. */
export function recommendForDatabaseStorage(
  env: EnvironmentPlan,
  add: Recommend,
): void {
  for (const db of env.data?.databases ?? []) {
    if (!db.storage.max) {
      add(
        db.name,
        'storage-autoscaling',
        'database',
        'low',
        'Set storage.max to enable storage autoscaling instead of resizing by hand.',
      );
    }
    if (db.storage.type === 'gp2') {
      add(
        db.name,
        'gp3',
        'database',
        'low',
        'Move from gp2 to gp3: baseline 3,000 IOPS regardless of size, at a lower price.',
      );
    }
  }
}

/**
 * database.tf: a DB subnet group, and per database an aws_db_instance
 * (engine, version, class, storage and its autoscaling ceiling, multi-AZ,
 * backups, maintenance window, encryption, deletion protection) with its
 * read replicas, or for aurora-* engines an aws_rds_cluster with writer and
 * reader instances. The master password is generated and kept in Secrets
 * Manager by RDS (`manage_master_user_password`), never written anywhere.
 * With cross-region backup copy in the DR plan, automated backups are
 * replicated to the DR region.
 */
import type { Database } from '@gatehouse/plugin-infra-plans-common';
import { awsName, enginePort, type RenderContext } from '../context';
import {
  BodyInput,
  attr,
  block,
  identifier,
  ref,
  renderHclFile,
  template,
} from '../hcl/hcl';
import {
  databaseBackupCopyRegion,
  dataSubnetIds,
  days,
  gib,
  kmsKeyArn,
  regionProviderAlias,
  securityGroupsOfRole,
} from './common';

const MASTER_USERNAME = 'dbadmin';

function finalSnapshot(ctx: RenderContext, id: string): BodyInput[] {
  // Only development data may go without a final snapshot.
  const skip = ctx.env.tier === 'development';
  return [
    attr('skip_final_snapshot', skip),
    !skip && attr('final_snapshot_identifier', `${id}-final`),
  ];
}

function encryption(ctx: RenderContext, db: Database): BodyInput[] {
  const encrypted =
    db.encrypted ?? ctx.env.security?.encryption?.atRest.enabled ?? true;
  const key = kmsKeyArn(ctx);
  return [
    attr('storage_encrypted', encrypted),
    encrypted && key && attr('kms_key_id', key),
  ];
}

function securityGroups(ctx: RenderContext): BodyInput {
  const groups = securityGroupsOfRole(ctx, 'data');
  return groups.length > 0 && attr('vpc_security_group_ids', groups);
}

function instance(ctx: RenderContext, db: Database): BodyInput[] {
  const name = identifier(db.name);
  const id = awsName(ctx, db.name, 63);
  const backupDays = days(db.backup?.retention) ?? 0;
  const allocated = gib(db.storage.allocated);
  const max = gib(db.storage.max);
  const replicas = db.readReplicas ?? 0;
  const key = kmsKeyArn(ctx);
  return [
    block(
      'resource',
      ['aws_db_instance', name],
      attr('identifier', id),
      attr('engine', db.engine),
      attr('engine_version', db.version),
      attr('instance_class', db.instanceClass),
      attr('allocated_storage', allocated),
      max !== undefined &&
        max > (allocated ?? 0) &&
        attr('max_allocated_storage', max),
      attr('storage_type', db.storage.type ?? 'gp3'),
      db.storage.iops !== undefined && attr('iops', db.storage.iops),
      attr('port', enginePort(db.engine, db.port)),
      attr('multi_az', db.multiAz),
      attr('db_subnet_group_name', ref('aws_db_subnet_group.this.name')),
      securityGroups(ctx),
      attr('username', MASTER_USERNAME),
      attr('manage_master_user_password', true),
      key && attr('master_user_secret_kms_key_id', key),
      attr('backup_retention_period', backupDays),
      db.backup?.window && attr('backup_window', db.backup.window),
      db.maintenanceWindow && attr('maintenance_window', db.maintenanceWindow),
      encryption(ctx, db),
      attr('deletion_protection', db.deletionProtection ?? false),
      finalSnapshot(ctx, id),
      attr('copy_tags_to_snapshot', true),
      attr('auto_minor_version_upgrade', true),
      attr('apply_immediately', false),
    ),
    replicas > 0 &&
      block(
        'resource',
        ['aws_db_instance', `${name}_replica`],
        attr('count', replicas),
        attr('identifier', template(`${id}-replica-\${count.index + 1}`)),
        attr('replicate_source_db', ref(`aws_db_instance.${name}.identifier`)),
        attr('instance_class', db.instanceClass),
        attr('storage_type', db.storage.type ?? 'gp3'),
        securityGroups(ctx),
        encryption(ctx, db),
        attr('skip_final_snapshot', true),
        attr('auto_minor_version_upgrade', true),
        attr('apply_immediately', false),
      ),
  ];
}

function auroraCluster(ctx: RenderContext, db: Database): BodyInput[] {
  const name = identifier(db.name);
  const id = awsName(ctx, db.name, 63);
  // A multi-AZ Aurora cluster needs a reader in another zone to fail over to.
  const instances = 1 + Math.max(db.readReplicas ?? 0, db.multiAz ? 1 : 0);
  const key = kmsKeyArn(ctx);
  return [
    block(
      'resource',
      ['aws_rds_cluster', name],
      attr('cluster_identifier', id),
      attr('engine', db.engine),
      attr('engine_version', db.version),
      attr('port', enginePort(db.engine, db.port)),
      attr('db_subnet_group_name', ref('aws_db_subnet_group.this.name')),
      securityGroups(ctx),
      attr('master_username', MASTER_USERNAME),
      attr('manage_master_user_password', true),
      key && attr('master_user_secret_kms_key_id', key),
      attr(
        'backup_retention_period',
        Math.max(1, days(db.backup?.retention) ?? 1),
      ),
      db.backup?.window && attr('preferred_backup_window', db.backup.window),
      db.maintenanceWindow &&
        attr('preferred_maintenance_window', db.maintenanceWindow),
      encryption(ctx, db),
      attr('deletion_protection', db.deletionProtection ?? false),
      finalSnapshot(ctx, id),
      attr('copy_tags_to_snapshot', true),
      attr('apply_immediately', false),
    ),
    block(
      'resource',
      ['aws_rds_cluster_instance', name],
      attr('count', instances),
      attr('identifier', template(`${id}-\${count.index + 1}`)),
      attr('cluster_identifier', ref(`aws_rds_cluster.${name}.id`)),
      attr('instance_class', db.instanceClass),
      attr('engine', ref(`aws_rds_cluster.${name}.engine`)),
      attr('engine_version', ref(`aws_rds_cluster.${name}.engine_version`)),
      attr('auto_minor_version_upgrade', true),
    ),
  ];
}

function backupReplication(ctx: RenderContext): BodyInput[] {
  const region = databaseBackupCopyRegion(ctx);
  if (!region) return [];
  const provider = ref(`aws.${regionProviderAlias(region)}`);
  const retention = days(ctx.env.disasterRecovery?.backups?.retention) ?? 7;
  const databases = (ctx.env.data?.databases ?? []).filter(
    d => !d.engine.startsWith('aurora-'),
  );
  const anyEncrypted = databases.some(
    d => d.encrypted ?? ctx.env.security?.encryption?.atRest.enabled ?? true,
  );
  return [
    anyEncrypted &&
      block(
        'resource',
        ['aws_kms_key', 'backup_copies'],
        attr('provider', provider),
        attr(
          'description',
          `Database backup copies of ${ctx.service} (${ctx.envName}) in ${region}`,
        ),
        attr('enable_key_rotation', true),
      ),
    databases.map(db => {
      const encrypted =
        db.encrypted ?? ctx.env.security?.encryption?.atRest.enabled ?? true;
      return block(
        'resource',
        ['aws_db_instance_automated_backups_replication', identifier(db.name)],
        attr('provider', provider),
        attr(
          'source_db_instance_arn',
          ref(`aws_db_instance.${identifier(db.name)}.arn`),
        ),
        attr('retention_period', Math.min(35, Math.max(1, retention))),
        encrypted && attr('kms_key_id', ref('aws_kms_key.backup_copies.arn')),
      );
    }),
  ];
}

export function renderDatabase(ctx: RenderContext): string {
  const databases = ctx.env.data?.databases ?? [];
  return renderHclFile(
    [
      block(
        'resource',
        ['aws_db_subnet_group', 'this'],
        attr('name', awsName(ctx, 'db', 255)),
        attr('subnet_ids', dataSubnetIds(ctx)),
      ),
      databases.map(db =>
        db.engine.startsWith('aurora-')
          ? auroraCluster(ctx, db)
          : instance(ctx, db),
      ),
      backupReplication(ctx),
    ],
    { header: ctx.header },
  );
}

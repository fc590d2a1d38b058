/**
 * cache.tf: an ElastiCache subnet group and, per cache, an
 * aws_elasticache_replication_group (Redis/Valkey: shards, replicas per
 * shard, automatic failover, multi-AZ, encryption, snapshots; a parameter
 * group for the eviction policy and cluster mode) or an
 * aws_elasticache_cluster (Memcached: one node, no replicas).
 */
import type { Cache } from '@gatehouse/plugin-infra-plans-common';
import { awsName, enginePort, type RenderContext } from '../context';
import {
  BodyInput,
  attr,
  block,
  identifier,
  ref,
  renderHclFile,
} from '../hcl/hcl';
import { dataSubnetIds, days, kmsKeyArn, securityGroupsOfRole } from './common';

/** Parameter group family of an engine version: redis 7.1 → redis7, redis 6.2 → redis6.x, valkey 8.0 → valkey8. */
export function parameterFamily(engine: string, version: string): string {
  const [major, minor = '0'] = version.split('.');
  if (engine === 'memcached') return `memcached${major}.${minor}`;
  if (engine === 'redis' && Number(major) < 6) return `redis${major}.${minor}`;
  if (engine === 'redis' && Number(major) === 6) return 'redis6.x';
  return `${engine}${major}`;
}

function replicationGroup(ctx: RenderContext, cache: Cache): BodyInput[] {
  const name = identifier(cache.name);
  const shards = cache.shards ?? 1;
  const replicas = cache.replicasPerShard ?? 0;
  const clusterMode = shards > 1;
  const customParameters = clusterMode || cache.evictionPolicy !== undefined;
  const atRest = ctx.env.security?.encryption?.atRest.enabled ?? true;
  const key = kmsKeyArn(ctx);
  const groups = securityGroupsOfRole(ctx, 'data');
  const snapshotDays = days(cache.snapshotRetention) ?? 0;
  return [
    customParameters &&
      block(
        'resource',
        ['aws_elasticache_parameter_group', name],
        attr('name', awsName(ctx, cache.name, 255)),
        attr('family', parameterFamily(cache.engine, cache.version)),
        cache.evictionPolicy &&
          block(
            'parameter',
            [],
            attr('name', 'maxmemory-policy'),
            attr('value', cache.evictionPolicy),
          ),
        clusterMode &&
          block(
            'parameter',
            [],
            attr('name', 'cluster-enabled'),
            attr('value', 'yes'),
          ),
      ),
    block(
      'resource',
      ['aws_elasticache_replication_group', name],
      attr('replication_group_id', awsName(ctx, cache.name, 40)),
      attr('description', `${cache.name} of ${ctx.service} (${ctx.envName})`),
      attr('engine', cache.engine),
      attr('engine_version', cache.version),
      attr('node_type', cache.nodeType),
      attr('port', enginePort(cache.engine)),
      attr('num_node_groups', shards),
      attr('replicas_per_node_group', replicas),
      attr('automatic_failover_enabled', replicas > 0),
      attr('multi_az_enabled', (cache.multiAz ?? false) && replicas > 0),
      customParameters &&
        attr(
          'parameter_group_name',
          ref(`aws_elasticache_parameter_group.${name}.name`),
        ),
      attr('subnet_group_name', ref('aws_elasticache_subnet_group.this.name')),
      groups.length > 0 && attr('security_group_ids', groups),
      attr('at_rest_encryption_enabled', atRest),
      atRest && key && attr('kms_key_id', key),
      attr('transit_encryption_enabled', ctx.inTransitEncryption),
      attr('snapshot_retention_limit', snapshotDays),
      attr('auto_minor_version_upgrade', true),
      attr('apply_immediately', false),
    ),
  ];
}

function memcached(ctx: RenderContext, cache: Cache): BodyInput {
  const groups = securityGroupsOfRole(ctx, 'data');
  return block(
    'resource',
    ['aws_elasticache_cluster', identifier(cache.name)],
    attr('cluster_id', awsName(ctx, cache.name, 40)),
    attr('engine', 'memcached'),
    attr('engine_version', cache.version),
    attr('node_type', cache.nodeType),
    attr('num_cache_nodes', 1),
    attr(
      'parameter_group_name',
      `default.${parameterFamily('memcached', cache.version)}`,
    ),
    attr('port', enginePort('memcached')),
    attr('subnet_group_name', ref('aws_elasticache_subnet_group.this.name')),
    groups.length > 0 && attr('security_group_ids', groups),
  );
}

export function renderCache(ctx: RenderContext): string {
  return renderHclFile(
    [
      block(
        'resource',
        ['aws_elasticache_subnet_group', 'this'],
        attr('name', awsName(ctx, 'cache', 255)),
        attr('subnet_ids', dataSubnetIds(ctx)),
      ),
      (ctx.env.data?.caches ?? []).map(cache =>
        cache.engine === 'memcached'
          ? memcached(ctx, cache)
          : replicationGroup(ctx, cache),
      ),
    ],
    { header: ctx.header },
  );
}

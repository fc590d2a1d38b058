import {
  Cache,
  Database,
  EnvironmentPlan,
  GIB,
  durationDays,
  parseMemory,
} from '@gatehouse/plugin-infra-plans-common';

/**
 * One Terraform resource instance an environment of a plan stands for, with
 * the attributes the estimator's pricers read (named as in the Terraform AWS
 * provider) plus the ones whose change makes the resource change.
 */
export type PlannedResource = {
  type: string;
  /** Resource name in the module; plan-named items are for_each keys. */
  name: string;
  key?: string;
  values: Record<string, unknown>;
};

/** Aurora engines are clusters (aws_rds_cluster), not instances. */
const isAurora = (database: Database) => database.engine.startsWith('aurora-');

/** GiB of a plan size such as `100Gi`, rounded up as AWS sizes are whole GiB. */
function gibibytes(quantity: string | number): number | undefined {
  const bytes = parseMemory(quantity);
  return bytes === undefined ? undefined : Math.ceil(bytes / GIB);
}

function wholeDays(duration: string | undefined): number | undefined {
  const days = duration === undefined ? undefined : durationDays(duration);
  return days === undefined ? undefined : Math.ceil(days);
}

/** Drops undefined attributes, so that absent and unset compare equal. */
function defined(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(values).filter(([, value]) => value !== undefined),
  );
}

function resource(
  type: string,
  name: string,
  values: Record<string, unknown>,
  key?: string,
): PlannedResource {
  return key === undefined
    ? { type, name, values: defined(values) }
    : { type, name, key, values: defined(values) };
}

function networkResources(
  env: EnvironmentPlan,
  region: string,
): PlannedResource[] {
  const { vpc, subnets } = env.network;
  const resources = [
    resource('aws_vpc', 'vpc', { cidr_block: vpc.cidr, region }),
  ];
  for (const tier of ['public', 'private', 'database'] as const) {
    for (const subnet of subnets[tier] ?? []) {
      resources.push(
        resource(
          'aws_subnet',
          tier,
          {
            availability_zone: subnet.az,
            cidr_block: subnet.cidr,
            region,
          },
          subnet.az,
        ),
      );
    }
  }
  // Every NAT gateway holds a public IPv4 address (aws_eip), billed hourly.
  const natZones: string[] = [];
  if (vpc.natGateways === 'single') natZones.push(vpc.availabilityZones[0]);
  if (vpc.natGateways === 'one-per-az') natZones.push(...vpc.availabilityZones);
  for (const az of natZones) {
    resources.push(resource('aws_eip', 'nat', { domain: 'vpc', region }, az));
    resources.push(
      resource(
        'aws_nat_gateway',
        'nat',
        { connectivity_type: 'public', availability_zone: az, region },
        az,
      ),
    );
  }
  if (vpc.flowLogs) {
    resources.push(
      resource('aws_flow_log', 'vpc', { traffic_type: 'ALL', region }),
      resource('aws_cloudwatch_log_group', 'flow_logs', { region }),
    );
  }
  for (const lb of env.network.loadBalancers ?? []) {
    resources.push(
      resource(
        'aws_lb',
        'lb',
        {
          name: lb.name,
          load_balancer_type: lb.type,
          internal: lb.scheme === 'internal',
          listeners: lb.listeners.map(l => `${l.protocol}:${l.port}`),
          region,
        },
        lb.name,
      ),
    );
  }
  for (const group of env.network.securityGroups ?? []) {
    resources.push(
      resource(
        'aws_security_group',
        'sg',
        { name: group.name, ingress: group.ingress, egress: group.egress },
        group.name,
      ),
    );
  }
  return resources;
}

function computeResources(
  env: EnvironmentPlan,
  clusterName: string,
  region: string,
): PlannedResource[] {
  const { cluster, nodeGroups } = env.compute;
  const resources = [
    resource('aws_eks_cluster', 'cluster', {
      name: clusterName,
      version: cluster.kubernetesVersion,
      endpoint_access: cluster.endpointAccess,
      region,
    }),
    // EKS writes its control-plane logs to a log group of its own.
    resource('aws_cloudwatch_log_group', 'cluster', {
      name: `/aws/eks/${clusterName}/cluster`,
      region,
    }),
  ];
  for (const group of nodeGroups) {
    resources.push(
      resource(
        'aws_eks_node_group',
        'nodes',
        {
          cluster_name: clusterName,
          node_group_name: group.name,
          instance_types: group.instanceTypes,
          capacity_type: group.capacityType === 'spot' ? 'SPOT' : 'ON_DEMAND',
          scaling_config: [
            {
              min_size: group.minSize,
              desired_size: group.desiredSize,
              max_size: group.maxSize,
            },
          ],
          disk_size:
            group.diskSize === undefined
              ? undefined
              : gibibytes(group.diskSize),
          labels: group.labels,
          taint: group.taints,
          region,
        },
        group.name,
      ),
    );
  }
  return resources;
}

function databaseResources(
  env: EnvironmentPlan,
  prefix: string,
  region: string,
): PlannedResource[] {
  const resources: PlannedResource[] = [];
  for (const db of env.data?.databases ?? []) {
    const identifier = `${prefix}-${db.name}`;
    if (isAurora(db)) {
      resources.push(
        resource(
          'aws_rds_cluster',
          'aurora',
          {
            cluster_identifier: identifier,
            engine: db.engine,
            engine_version: db.version,
            instance_class: db.instanceClass,
            region,
          },
          db.name,
        ),
      );
      // The writer, and a reader per replica (at least one when multi-AZ, to fail over to).
      const instances = 1 + Math.max(db.readReplicas ?? 0, db.multiAz ? 1 : 0);
      for (let i = 1; i <= instances; i++) {
        resources.push(
          resource(
            'aws_rds_cluster_instance',
            'aurora',
            {
              identifier: `${identifier}-${i}`,
              cluster_identifier: identifier,
              instance_class: db.instanceClass,
              region,
            },
            `${db.name}-${i}`,
          ),
        );
      }
      continue;
    }
    resources.push(
      resource(
        'aws_db_instance',
        'db',
        {
          identifier,
          engine: db.engine,
          engine_version: db.version,
          instance_class: db.instanceClass,
          allocated_storage: gibibytes(db.storage.allocated),
          max_allocated_storage:
            db.storage.max === undefined
              ? undefined
              : gibibytes(db.storage.max),
          storage_type: db.storage.type,
          iops: db.storage.iops,
          multi_az: db.multiAz,
          backup_retention_period: wholeDays(db.backup?.retention),
          storage_encrypted: db.encrypted,
          deletion_protection: db.deletionProtection,
          region,
        },
        db.name,
      ),
    );
    // Replicas take engine and storage from their source (found by identifier).
    for (let i = 1; i <= (db.readReplicas ?? 0); i++) {
      resources.push(
        resource(
          'aws_db_instance',
          'replica',
          {
            identifier: `${identifier}-replica-${i}`,
            replicate_source_db: identifier,
            instance_class: db.instanceClass,
            multi_az: false,
            region,
          },
          `${db.name}-${i}`,
        ),
      );
    }
  }
  return [...resources, ...backupCopyResources(env, prefix)];
}

/**
 * The DR region automated RDS backups are copied to, when the plan asks
 * for copies (`backups.crossRegionCopy` or `snapshot-copy` replication) of
 * at least one RDS instance (Aurora keeps its own backups) in another region.
 * A cross-region read replica is not built by the generated repository (it
 * needs a network in the DR region), so it is neither listed nor priced.
 */
function backupCopyRegion(env: EnvironmentPlan): string | undefined {
  const dr = env.disasterRecovery;
  const copies =
    dr?.backups?.crossRegionCopy === true ||
    dr?.replication?.database === 'snapshot-copy';
  const instances = (env.data?.databases ?? []).some(db => !isAurora(db));
  return copies && instances && dr?.drRegion && dr.drRegion !== env.region
    ? dr.drRegion
    : undefined;
}

/** Backup copies in the DR region, and the DR-region key they are encrypted with. */
function backupCopyResources(
  env: EnvironmentPlan,
  prefix: string,
): PlannedResource[] {
  const region = backupCopyRegion(env);
  if (!region) return [];
  const instances = (env.data?.databases ?? []).filter(db => !isAurora(db));
  const encrypted = (db: Database) =>
    db.encrypted ?? env.security?.encryption?.atRest.enabled ?? true;
  const retention = wholeDays(env.disasterRecovery?.backups?.retention) ?? 7;
  return [
    ...(instances.some(encrypted)
      ? [resource('aws_kms_key', 'backup_copies', { region })]
      : []),
    ...instances.map(db =>
      resource(
        'aws_db_instance_automated_backups_replication',
        'backup_copies',
        {
          source_db_instance_identifier: `${prefix}-${db.name}`,
          retention_period: Math.min(35, Math.max(1, retention)),
          region,
        },
        db.name,
      ),
    ),
  ];
}

function cacheResource(
  cache: Cache,
  prefix: string,
  region: string,
): PlannedResource {
  const id = `${prefix}-${cache.name}`;
  if (cache.engine === 'memcached') {
    return resource(
      'aws_elasticache_cluster',
      'cache',
      {
        cluster_id: id,
        engine: 'memcached',
        engine_version: cache.version,
        node_type: cache.nodeType,
        num_cache_nodes: cache.shards ?? 1,
        region,
      },
      cache.name,
    );
  }
  const shards = cache.shards ?? 1;
  const replicas = cache.replicasPerShard ?? 0;
  // One shard is a classic replication group (primary + replicas); more
  // shards are cluster mode.
  const layout =
    shards > 1
      ? {
          cluster_mode: 'enabled',
          num_node_groups: shards,
          replicas_per_node_group: replicas,
        }
      : { num_cache_clusters: 1 + replicas };
  return resource(
    'aws_elasticache_replication_group',
    'cache',
    {
      replication_group_id: id,
      engine: cache.engine,
      engine_version: cache.version,
      node_type: cache.nodeType,
      ...layout,
      multi_az_enabled: cache.multiAz ?? false,
      snapshot_retention_limit: wholeDays(cache.snapshotRetention),
      region,
    },
    cache.name,
  );
}

function storageResources(
  env: EnvironmentPlan,
  prefix: string,
  region: string,
): PlannedResource[] {
  const resources: PlannedResource[] = [];
  for (const bucket of env.data?.objectStorage ?? []) {
    const name = `${prefix}-${bucket.name}`;
    resources.push(
      resource(
        'aws_s3_bucket',
        'bucket',
        {
          bucket: name,
          versioning: bucket.versioning,
          encryption: bucket.encryption,
          lifecycle: bucket.lifecycle,
          region,
        },
        bucket.name,
      ),
    );
    // Cross-region replication keeps a full copy in a bucket of its own.
    if (bucket.replication) {
      resources.push(
        resource(
          'aws_s3_bucket',
          'replica',
          { bucket: `${name}-replica`, region: bucket.replication.region },
          bucket.name,
        ),
      );
    }
  }
  for (const queue of env.data?.queues ?? []) {
    if (queue.deadLetter) {
      resources.push(
        resource(
          'aws_sqs_queue',
          'dead_letter',
          {
            name: `${prefix}-${queue.name}-dlq`,
            fifo_queue: queue.fifo ?? false,
            region,
          },
          queue.name,
        ),
      );
    }
    resources.push(
      resource(
        'aws_sqs_queue',
        'queue',
        {
          name: `${prefix}-${queue.name}`,
          fifo_queue: queue.fifo ?? false,
          region,
        },
        queue.name,
      ),
    );
  }
  return resources;
}

function securityResources(
  env: EnvironmentPlan,
  prefix: string,
  region: string,
): PlannedResource[] {
  const resources: PlannedResource[] = [];
  const atRest = env.security?.encryption?.atRest;
  if (atRest?.enabled && atRest.keyManagement === 'customer-managed') {
    resources.push(resource('aws_kms_key', 'this', { region }));
  }
  const waf = env.security?.waf;
  if (waf?.enabled) {
    resources.push(
      resource('aws_wafv2_web_acl', 'waf', {
        name: prefix,
        scope: 'REGIONAL',
        rules: (waf.rules ?? []).map(rule => rule.name),
        region,
      }),
    );
  }
  const secrets = env.security?.secrets;
  if (secrets?.manager === 'aws-secrets-manager') {
    for (const item of secrets.items ?? []) {
      resources.push(
        resource(
          'aws_secretsmanager_secret',
          'secret',
          { name: `${prefix}/${item.name}`, region },
          item.name,
        ),
      );
    }
  }
  return resources;
}

/**
 * The AWS resources one environment of a plan generates, in the order a
 * reader expects (network, compute, data, security). Workloads are not
 * resources: they run on the node groups (see `workloadShares`).
 */
export function environmentResources(
  service: string,
  environment: string,
  env: EnvironmentPlan,
): PlannedResource[] {
  const prefix = `${service}-${environment}`;
  const region = env.region;
  return [
    ...networkResources(env, region),
    ...computeResources(env, env.compute.cluster.name ?? prefix, region),
    ...databaseResources(env, prefix, region),
    ...(env.data?.caches ?? []).map(cache =>
      cacheResource(cache, prefix, region),
    ),
    ...storageResources(env, prefix, region),
    ...securityResources(env, prefix, region),
  ];
}

/**
 * Generates synthetic `terraform show -json` plans with a realistic mix of
 * resource types, modules, count/for_each instances, unknown values, free
 * and unsupported resources. Deterministic: the same size gives the same
 * plan.
 */

type Change = Record<string, unknown>;

const INSTANCE_TYPES = [
  't3.medium',
  'm5.large',
  'm6i.xlarge',
  'c6i.large',
  'r5.large',
  't4g.small',
];
const DB_CLASSES = ['db.t3.medium', 'db.m5.large', 'db.r6g.large'];
const ACTIONS: string[][] = [
  ['create'],
  ['create'],
  ['create'],
  ['no-op'],
  ['no-op'],
  ['update'],
  ['delete'],
  ['delete', 'create'],
];

function change(
  address: string,
  type: string,
  name: string,
  actions: string[],
  after: Record<string, unknown> | null,
  afterUnknown: Record<string, unknown>,
  extra: {
    moduleAddress?: string;
    index?: number | string;
    mode?: string;
    before?: Record<string, unknown> | null;
  } = {},
): Change {
  let before = extra.before;
  if (before === undefined) before = actions[0] === 'create' ? null : after;
  const resource: Change = {
    address,
    mode: extra.mode ?? 'managed',
    type,
    name,
    provider_name: 'registry.terraform.io/hashicorp/aws',
    change: {
      actions,
      before,
      after: actions[0] === 'delete' && actions.length === 1 ? null : after,
      after_unknown:
        actions[0] === 'delete' && actions.length === 1 ? {} : afterUnknown,
      before_sensitive: before ? {} : false,
      after_sensitive: after ? {} : false,
    },
  };
  if (extra.moduleAddress) resource.module_address = extra.moduleAddress;
  if (extra.index !== undefined) resource.index = extra.index;
  return resource;
}

/** One "service" module instance worth of resources (16 changes). */
function serviceModule(service: number): Change[] {
  const key = `svc${service}`;
  const moduleAddress = `module.services["${key}"]`;
  const prefix = `${moduleAddress}.`;
  const actions = ACTIONS[service % ACTIONS.length];
  const instanceType = INSTANCE_TYPES[service % INSTANCE_TYPES.length];
  const tags = {
    Service: key,
    Team: `team-${service % 17}`,
    Environment: service % 3 === 0 ? 'prod' : 'staging',
  };
  const changes: Change[] = [];
  for (let i = 0; i < 3; i++) {
    changes.push(
      change(
        `${prefix}aws_instance.app[${i}]`,
        'aws_instance',
        'app',
        actions,
        {
          ami: 'ami-0abcdef1234567890',
          instance_type: instanceType,
          subnet_id: `subnet-${service}`,
          tags,
          ...(i === 0
            ? {}
            : {
                root_block_device: [
                  {
                    volume_size: 30,
                    volume_type: 'gp3',
                    iops: 3000,
                    throughput: 125,
                  },
                ],
              }),
        },
        {
          id: true,
          arn: true,
          private_ip: true,
          ...(i === 0 ? { root_block_device: true } : {}),
        },
        { moduleAddress, index: i },
      ),
    );
  }
  changes.push(
    change(
      `${prefix}aws_ebs_volume.data`,
      'aws_ebs_volume',
      'data',
      actions,
      {
        size: 100 + (service % 400),
        type: 'gp3',
        iops: 6000,
        throughput: 250,
        tags,
      },
      { id: true, arn: true },
      { moduleAddress },
    ),
    change(
      `${prefix}aws_db_instance.db`,
      'aws_db_instance',
      'db',
      actions,
      {
        identifier: `${key}-db`,
        engine: 'postgres',
        instance_class: DB_CLASSES[service % DB_CLASSES.length],
        allocated_storage: 100,
        storage_type: 'gp3',
        multi_az: service % 2 === 0,
        backup_retention_period: 7,
        tags,
      },
      {
        id: true,
        arn: true,
        endpoint: true,
        iops: true,
        storage_throughput: true,
      },
      { moduleAddress },
    ),
    change(
      `${prefix}aws_nat_gateway.this`,
      'aws_nat_gateway',
      'this',
      actions,
      { connectivity_type: 'public', tags },
      { id: true, allocation_id: true },
      { moduleAddress },
    ),
    change(
      `${prefix}aws_lb.this`,
      'aws_lb',
      'this',
      actions,
      {
        name: key,
        load_balancer_type: service % 4 === 0 ? 'network' : 'application',
        internal: false,
        tags,
      },
      { id: true, arn: true, dns_name: true },
      { moduleAddress },
    ),
    change(
      `${prefix}aws_eks_node_group.workers["default"]`,
      'aws_eks_node_group',
      'workers',
      actions,
      {
        cluster_name: 'main',
        node_group_name: key,
        instance_types: [instanceType],
        disk_size: 50,
        scaling_config: [{ desired_size: 2, min_size: 1, max_size: 6 }],
        launch_template: [],
        tags,
      },
      { id: true, arn: true, launch_template: [] },
      { moduleAddress, index: 'default' },
    ),
    change(
      `${prefix}aws_s3_bucket.assets`,
      'aws_s3_bucket',
      'assets',
      actions,
      { bucket: `${key}-assets`, tags },
      { id: true, arn: true, region: true },
      { moduleAddress },
    ),
    change(
      `${prefix}aws_elasticache_cluster.cache`,
      'aws_elasticache_cluster',
      'cache',
      actions,
      {
        cluster_id: key,
        engine: 'redis',
        node_type: 'cache.t4g.medium',
        num_cache_nodes: 1,
        tags,
      },
      { id: true, cache_nodes: true },
      { moduleAddress },
    ),
    change(
      `${prefix}aws_launch_template.web`,
      'aws_launch_template',
      'web',
      actions,
      { name: `${key}-web`, instance_type: 'c5.large', image_id: 'ami-1' },
      { id: true, latest_version: true },
      { moduleAddress },
    ),
    change(
      `${prefix}aws_autoscaling_group.web`,
      'aws_autoscaling_group',
      'web',
      actions,
      {
        name: `${key}-web`,
        min_size: 1,
        max_size: 4,
        desired_capacity: 2,
        launch_template: [{ name: `${key}-web`, version: '$Latest' }],
        mixed_instances_policy: [],
      },
      { id: true, arn: true },
      { moduleAddress },
    ),
    change(
      `${prefix}aws_security_group.this`,
      'aws_security_group',
      'this',
      actions,
      { name: key, ingress: [], egress: [], tags },
      { id: true, arn: true },
      { moduleAddress },
    ),
    change(
      `${prefix}aws_iam_role.this`,
      'aws_iam_role',
      'this',
      actions,
      { name: key, assume_role_policy: '{"Version":"2012-10-17"}' },
      { id: true, arn: true },
      { moduleAddress },
    ),
    change(
      `${prefix}data.aws_ami.base`,
      'aws_ami',
      'base',
      ['read'],
      { most_recent: true, owners: ['amazon'] },
      { id: true, image_id: true },
      { moduleAddress, mode: 'data', before: null },
    ),
    // Unsupported type and an unknown instance type: both end up unpriced.
    change(
      `${prefix}aws_sqs_queue.jobs`,
      'aws_sqs_queue',
      'jobs',
      actions,
      { name: `${key}-jobs` },
      { id: true, arn: true },
      { moduleAddress },
    ),
  );
  if (service % 10 === 0) {
    changes.push(
      change(
        `${prefix}aws_instance.pending`,
        'aws_instance',
        'pending',
        ['create'],
        { ami: 'ami-1', instance_type: null },
        { id: true, instance_type: true },
        { moduleAddress },
      ),
    );
  }
  return changes;
}

/** A plan with exactly `resourceCount` resource changes. */
export function syntheticPlan(resourceCount: number): Record<string, unknown> {
  const changes: Change[] = [];
  for (let service = 0; changes.length < resourceCount; service++) {
    changes.push(...serviceModule(service));
  }
  changes.length = resourceCount;
  return {
    format_version: '1.2',
    terraform_version: '1.9.5',
    variables: { region: { value: 'us-east-1' } },
    resource_changes: changes,
    configuration: {
      provider_config: {
        aws: {
          name: 'aws',
          full_name: 'registry.terraform.io/hashicorp/aws',
          expressions: { region: { references: ['var.region'] } },
        },
      },
      root_module: {},
    },
  };
}

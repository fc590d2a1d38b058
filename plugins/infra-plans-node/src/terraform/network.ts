/**
 * network.tf: the VPC, a subnet per zone and tier, the internet gateway,
 * NAT gateways (none, one shared, or one per zone, as the plan says), route
 * tables, and VPC flow logs.
 */
import type { RenderContext } from '../context';
import {
  BodyInput,
  attr,
  block,
  ref,
  renderHclFile,
  template,
} from '../hcl/hcl';
import {
  SubnetTierName,
  assumeRolePolicy,
  awsDescription,
  logRetentionDays,
  nameTags,
  subnetResourceName,
} from './common';
import { awsName } from '../context';

const TIERS: SubnetTierName[] = ['public', 'private', 'database'];

function subnets(ctx: RenderContext): BodyInput[] {
  const cluster = `kubernetes.io/cluster/${ctx.clusterName}`;
  return TIERS.flatMap(tier =>
    (ctx.env.network.subnets[tier] ?? []).map(subnet => {
      const roleTags: Record<string, string> = {
        Tier: tier,
        ...(tier === 'public' ? { 'kubernetes.io/role/elb': '1' } : {}),
        ...(tier === 'private'
          ? { 'kubernetes.io/role/internal-elb': '1', [cluster]: 'shared' }
          : {}),
      };
      return block(
        'resource',
        ['aws_subnet', subnetResourceName(ctx, tier, subnet.az)],
        attr('vpc_id', ref('aws_vpc.this.id')),
        attr('cidr_block', subnet.cidr),
        attr('availability_zone', subnet.az),
        nameTags(
          subnet.name ?? awsName(ctx, `${tier}-${subnet.az}`, 255),
          roleTags,
        ),
      );
    }),
  );
}

/** Zones that get a NAT gateway: none, the first zone, or every zone. */
export function natZones(ctx: RenderContext): string[] {
  const publicZones = (ctx.env.network.subnets.public ?? []).map(s => s.az);
  switch (ctx.env.network.vpc.natGateways ?? 'single') {
    case 'none':
      return [];
    case 'one-per-az':
      return publicZones;
    default:
      return publicZones.slice(0, 1);
  }
}

function natGateways(ctx: RenderContext): BodyInput[] {
  return natZones(ctx).flatMap(az => {
    const name = subnetResourceName(ctx, 'public', az).replace(
      /^public_/,
      'nat_',
    );
    return [
      block(
        'resource',
        ['aws_eip', name],
        attr('domain', 'vpc'),
        nameTags(awsName(ctx, `nat-${az}`, 255)),
      ),
      block(
        'resource',
        ['aws_nat_gateway', name],
        attr('allocation_id', ref(`aws_eip.${name}.id`)),
        attr(
          'subnet_id',
          ref(`aws_subnet.${subnetResourceName(ctx, 'public', az)}.id`),
        ),
        nameTags(awsName(ctx, `nat-${az}`, 255)),
        attr('depends_on', [ref('aws_internet_gateway.this')]),
      ),
    ];
  });
}

/** The NAT gateway private subnets of a zone route through: their own, else the shared one. */
function natFor(ctx: RenderContext, az: string): string | undefined {
  const zones = natZones(ctx);
  const zone = zones.includes(az) ? az : zones[0];
  return zone
    ? subnetResourceName(ctx, 'public', zone).replace(/^public_/, 'nat_')
    : undefined;
}

function routeTables(ctx: RenderContext): BodyInput[] {
  const { subnets: planSubnets } = ctx.env.network;
  const items: BodyInput[] = [];
  const associate = (tier: SubnetTierName, az: string, table: string) =>
    block(
      'resource',
      ['aws_route_table_association', subnetResourceName(ctx, tier, az)],
      attr(
        'subnet_id',
        ref(`aws_subnet.${subnetResourceName(ctx, tier, az)}.id`),
      ),
      attr('route_table_id', ref(`aws_route_table.${table}.id`)),
    );
  if (planSubnets.public?.length) {
    items.push(
      block(
        'resource',
        ['aws_route_table', 'public'],
        attr('vpc_id', ref('aws_vpc.this.id')),
        block(
          'route',
          [],
          attr('cidr_block', '0.0.0.0/0'),
          attr('gateway_id', ref('aws_internet_gateway.this.id')),
        ),
        nameTags(awsName(ctx, 'public', 255)),
      ),
      planSubnets.public.map(s => associate('public', s.az, 'public')),
    );
  }
  for (const subnet of planSubnets.private) {
    const table = subnetResourceName(ctx, 'private', subnet.az);
    const nat = natFor(ctx, subnet.az);
    items.push(
      block(
        'resource',
        ['aws_route_table', table],
        attr('vpc_id', ref('aws_vpc.this.id')),
        nat &&
          block(
            'route',
            [],
            attr('cidr_block', '0.0.0.0/0'),
            attr('nat_gateway_id', ref(`aws_nat_gateway.${nat}.id`)),
          ),
        nameTags(awsName(ctx, `private-${subnet.az}`, 255)),
      ),
      associate('private', subnet.az, table),
    );
  }
  if (planSubnets.database?.length) {
    // Database subnets have no route out of the VPC.
    items.push(
      block(
        'resource',
        ['aws_route_table', 'database'],
        attr('vpc_id', ref('aws_vpc.this.id')),
        nameTags(awsName(ctx, 'database', 255)),
      ),
      planSubnets.database.map(s => associate('database', s.az, 'database')),
    );
  }
  return items;
}

function flowLogs(ctx: RenderContext): BodyInput[] {
  if (!ctx.env.network.vpc.flowLogs) return [];
  const logGroup = `/aws/vpc/${awsName(ctx, 'flow-logs', 200)}`;
  return [
    block(
      'resource',
      ['aws_cloudwatch_log_group', 'flow_logs'],
      attr('name', logGroup),
      attr(
        'retention_in_days',
        logRetentionDays(ctx.env.observability?.logs?.retention),
      ),
      ctx.customerManagedKey && attr('kms_key_id', ref('aws_kms_key.this.arn')),
    ),
    assumeRolePolicy('flow_logs_assume', 'vpc-flow-logs.amazonaws.com'),
    block(
      'resource',
      ['aws_iam_role', 'flow_logs'],
      attr('name', awsName(ctx, 'flow-logs', 64)),
      attr(
        'assume_role_policy',
        ref('data.aws_iam_policy_document.flow_logs_assume.json'),
      ),
    ),
    block(
      'data',
      ['aws_iam_policy_document', 'flow_logs'],
      block(
        'statement',
        [],
        attr('actions', [
          'logs:CreateLogStream',
          'logs:PutLogEvents',
          'logs:DescribeLogGroups',
          'logs:DescribeLogStreams',
        ]),
        attr('resources', [
          template('${aws_cloudwatch_log_group.flow_logs.arn}:*'),
        ]),
      ),
    ),
    block(
      'resource',
      ['aws_iam_role_policy', 'flow_logs'],
      attr('name', 'write-flow-logs'),
      attr('role', ref('aws_iam_role.flow_logs.id')),
      attr('policy', ref('data.aws_iam_policy_document.flow_logs.json')),
    ),
    block(
      'resource',
      ['aws_flow_log', 'this'],
      attr('vpc_id', ref('aws_vpc.this.id')),
      attr('traffic_type', 'ALL'),
      attr('log_destination', ref('aws_cloudwatch_log_group.flow_logs.arn')),
      attr('iam_role_arn', ref('aws_iam_role.flow_logs.arn')),
      nameTags(awsName(ctx, 'flow-logs', 255)),
    ),
  ];
}

export function renderNetwork(ctx: RenderContext): string {
  const { vpc } = ctx.env.network;
  const hasPublic = (ctx.env.network.subnets.public ?? []).length > 0;
  return renderHclFile(
    [
      block(
        'resource',
        ['aws_vpc', 'this'],
        attr('cidr_block', vpc.cidr),
        attr('enable_dns_support', true),
        attr('enable_dns_hostnames', true),
        nameTags(awsName(ctx, 'vpc', 255)),
      ),
      subnets(ctx),
      hasPublic &&
        block(
          'resource',
          ['aws_internet_gateway', 'this'],
          attr('vpc_id', ref('aws_vpc.this.id')),
          nameTags(awsName(ctx, 'igw', 255)),
        ),
      natGateways(ctx),
      routeTables(ctx),
      flowLogs(ctx),
    ],
    {
      header: `${ctx.header}\n${awsDescription(
        `VPC ${vpc.cidr} in ${vpc.availabilityZones.join(
          ', ',
        )}; NAT gateways: ${vpc.natGateways ?? 'single'}.`,
      )}`,
    },
  );
}

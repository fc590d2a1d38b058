/** Helpers shared by the Terraform file generators. */
import {
  durationDays,
  parseDuration,
  parseMemory,
  GIB,
} from '@gatehouse/plugin-infra-plans-common';
import type { RenderContext } from '../context';
import { dataSubnetTier } from '../context';
import {
  BodyInput,
  HclExpression,
  attr,
  block,
  identifier,
  object,
  ref,
  template,
} from '../hcl/hcl';

export type SubnetTierName = 'public' | 'private' | 'database';

/** `tags = { Name = … }`; the provider's default_tags add service, environment and owner. */
export function nameTags(
  name: string,
  extra: Record<string, string> = {},
): BodyInput {
  return attr('tags', object({ Name: name, ...extra }));
}

/** Terraform name of the subnet of a tier in a zone: `private_a` for us-east-1a. */
export function subnetResourceName(
  ctx: RenderContext,
  tier: SubnetTierName,
  az: string,
): string {
  const suffix = az.startsWith(ctx.env.region)
    ? az.slice(ctx.env.region.length)
    : az;
  return identifier(`${tier}_${suffix || az}`);
}

/** `[aws_subnet.private_a.id, aws_subnet.private_b.id]` for a tier. */
export function subnetIds(
  ctx: RenderContext,
  tier: SubnetTierName,
): HclExpression[] {
  return (ctx.env.network.subnets[tier] ?? []).map(s =>
    ref(`aws_subnet.${subnetResourceName(ctx, tier, s.az)}.id`),
  );
}

export function dataSubnetIds(ctx: RenderContext): HclExpression[] {
  return subnetIds(ctx, dataSubnetTier(ctx.env));
}

export function securityGroupRef(name: string): HclExpression {
  return ref(`aws_security_group.${identifier(name)}.id`);
}

/** Security groups of a role, as references. */
export function securityGroupsOfRole(
  ctx: RenderContext,
  role: 'load-balancer' | 'data' | 'workload',
): HclExpression[] {
  return [...ctx.securityGroupRoles.entries()]
    .filter(([, r]) => r === role)
    .map(([name]) => securityGroupRef(name));
}

/** The customer-managed key, when the plan asks for one. */
export function kmsKeyArn(ctx: RenderContext): HclExpression | undefined {
  return ctx.customerManagedKey ? ref('aws_kms_key.this.arn') : undefined;
}

/** A managed policy ARN in the current partition. */
export function managedPolicyArn(policy: string): HclExpression {
  return template(
    `arn:\${data.aws_partition.current.partition}:iam::aws:policy/${policy}`,
  );
}

/** `data "aws_iam_policy_document"` letting an AWS service assume a role. */
export function assumeRolePolicy(name: string, service: string): BodyInput {
  return block(
    'data',
    ['aws_iam_policy_document', name],
    block(
      'statement',
      [],
      attr('actions', ['sts:AssumeRole']),
      block(
        'principals',
        [],
        attr('type', 'Service'),
        attr('identifiers', [service]),
      ),
    ),
  );
}

/** Whole days of a duration, rounded up (AWS retention settings are in days). */
export function days(duration: string | undefined): number | undefined {
  if (!duration) return undefined;
  const d = durationDays(duration);
  return d === undefined ? undefined : Math.ceil(d);
}

export function seconds(duration: string | undefined): number | undefined {
  if (!duration) return undefined;
  const s = parseDuration(duration);
  return s === undefined ? undefined : Math.round(s);
}

/** GiB of a quantity, rounded up (RDS and EBS sizes are whole GiB). */
export function gib(quantity: string | number | undefined): number | undefined {
  if (quantity === undefined) return undefined;
  const bytes = parseMemory(quantity);
  return bytes === undefined ? undefined : Math.ceil(bytes / GIB);
}

/** CloudWatch Logs accepts only these retention periods (days). */
const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827,
  2192, 2557, 2922, 3288, 3653,
];

/** The shortest allowed CloudWatch Logs retention that keeps logs at least as long as asked. */
export function logRetentionDays(duration: string | undefined): number {
  const wanted = days(duration) ?? 30;
  return LOG_RETENTION_DAYS.find(d => d >= wanted) ?? 3653;
}

/** Terraform provider alias for a region other than the environment's: `aws.us_west_2`. */
export function regionProviderAlias(region: string): string {
  return identifier(region.replace(/-/g, '_'));
}

/** Regions other than the environment's that resources are created in (bucket replicas, backup copies). */
export function extraRegions(ctx: RenderContext): string[] {
  const regions = new Set<string>();
  for (const bucket of ctx.env.data?.objectStorage ?? []) {
    if (bucket.replication) regions.add(bucket.replication.region);
  }
  if (databaseBackupCopyRegion(ctx)) regions.add(ctx.drRegion!);
  regions.delete(ctx.env.region);
  return [...regions].sort();
}

/** Region automated database backups are copied to (DR with cross-region backup copy). */
export function databaseBackupCopyRegion(
  ctx: RenderContext,
): string | undefined {
  const dr = ctx.env.disasterRecovery;
  const copies =
    dr?.backups?.crossRegionCopy === true ||
    dr?.replication?.database === 'snapshot-copy';
  const instances = (ctx.env.data?.databases ?? []).some(
    d => !d.engine.startsWith('aurora-'),
  );
  return copies && instances && ctx.drRegion !== ctx.env.region
    ? ctx.drRegion
    : undefined;
}

/** Text AWS accepts in security group descriptions (a restricted ASCII set). */
export function awsDescription(text: string): string {
  return text
    .replace(/[–—]/g, '-')
    .replace(/[^a-zA-Z0-9. _\-:/()#,@[\]+=&;{}!$*]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 255);
}

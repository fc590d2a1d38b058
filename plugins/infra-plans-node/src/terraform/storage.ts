/**
 * storage.tf: per bucket an aws_s3_bucket with its public access block,
 * versioning, default encryption and lifecycle rules, and, when the plan
 * replicates it, a versioned replica bucket in the other region with the
 * replication role and configuration.
 */
import type { Bucket } from '@gatehouse/plugin-infra-plans-common';
import { awsName, type RenderContext } from '../context';
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
  assumeRolePolicy,
  days,
  kmsKeyArn,
  regionProviderAlias,
} from './common';

/** The bucket's name: `<service>-<environment>-<bucket>`, at most 63 characters. */
export function bucketName(ctx: RenderContext, bucket: Bucket): string {
  return awsName(ctx, bucket.name, 63);
}

function encryption(
  ctx: RenderContext,
  name: string,
  bucket: Bucket,
): BodyInput {
  if (bucket.encryption === 'none') return undefined;
  const kms = bucket.encryption === 'kms';
  const key = kmsKeyArn(ctx);
  return block(
    'resource',
    ['aws_s3_bucket_server_side_encryption_configuration', name],
    attr('bucket', ref(`aws_s3_bucket.${name}.id`)),
    block(
      'rule',
      [],
      block(
        'apply_server_side_encryption_by_default',
        [],
        attr('sse_algorithm', kms ? 'aws:kms' : 'AES256'),
        kms && key && attr('kms_master_key_id', key),
      ),
      kms && attr('bucket_key_enabled', true),
    ),
  );
}

function lifecycle(name: string, bucket: Bucket): BodyInput {
  const rules = bucket.lifecycle ?? [];
  if (rules.length === 0) return undefined;
  return block(
    'resource',
    ['aws_s3_bucket_lifecycle_configuration', name],
    attr('bucket', ref(`aws_s3_bucket.${name}.id`)),
    rules.map((rule, i) =>
      block(
        'rule',
        [],
        attr('id', rule.name ?? `rule-${i + 1}`),
        attr('status', 'Enabled'),
        block('filter', [], attr('prefix', rule.prefix ?? '')),
        (rule.transitions ?? []).map(t =>
          block(
            'transition',
            [],
            attr('days', days(t.after)),
            attr('storage_class', t.storageClass),
          ),
        ),
        rule.expiration &&
          block('expiration', [], attr('days', days(rule.expiration))),
        rule.noncurrentExpiration &&
          block(
            'noncurrent_version_expiration',
            [],
            attr('noncurrent_days', days(rule.noncurrentExpiration)),
          ),
      ),
    ),
  );
}

function replication(
  ctx: RenderContext,
  name: string,
  bucket: Bucket,
): BodyInput[] {
  if (!bucket.replication) return [];
  const provider = ref(`aws.${regionProviderAlias(bucket.replication.region)}`);
  const replica = `${name}_replica`;
  return [
    block(
      'resource',
      ['aws_s3_bucket', replica],
      attr('provider', provider),
      attr('bucket', awsName(ctx, `${bucket.name}-replica`, 63)),
    ),
    block(
      'resource',
      ['aws_s3_bucket_versioning', replica],
      attr('provider', provider),
      attr('bucket', ref(`aws_s3_bucket.${replica}.id`)),
      block('versioning_configuration', [], attr('status', 'Enabled')),
    ),
    block(
      'resource',
      ['aws_s3_bucket_public_access_block', replica],
      attr('provider', provider),
      attr('bucket', ref(`aws_s3_bucket.${replica}.id`)),
      attr('block_public_acls', true),
      attr('block_public_policy', true),
      attr('ignore_public_acls', true),
      attr('restrict_public_buckets', true),
    ),
    assumeRolePolicy(`${name}_replication_assume`, 's3.amazonaws.com'),
    block(
      'resource',
      ['aws_iam_role', `${name}_replication`],
      attr('name', awsName(ctx, `${bucket.name}-replication`, 64)),
      attr(
        'assume_role_policy',
        ref(`data.aws_iam_policy_document.${name}_replication_assume.json`),
      ),
    ),
    block(
      'data',
      ['aws_iam_policy_document', `${name}_replication`],
      block(
        'statement',
        [],
        attr('actions', ['s3:GetReplicationConfiguration', 's3:ListBucket']),
        attr('resources', [ref(`aws_s3_bucket.${name}.arn`)]),
      ),
      block(
        'statement',
        [],
        attr('actions', [
          's3:GetObjectVersionForReplication',
          's3:GetObjectVersionAcl',
          's3:GetObjectVersionTagging',
        ]),
        attr('resources', [template(`\${aws_s3_bucket.${name}.arn}/*`)]),
      ),
      block(
        'statement',
        [],
        attr('actions', [
          's3:ReplicateObject',
          's3:ReplicateDelete',
          's3:ReplicateTags',
        ]),
        attr('resources', [template(`\${aws_s3_bucket.${replica}.arn}/*`)]),
      ),
    ),
    block(
      'resource',
      ['aws_iam_role_policy', `${name}_replication`],
      attr('name', 'replicate'),
      attr('role', ref(`aws_iam_role.${name}_replication.id`)),
      attr(
        'policy',
        ref(`data.aws_iam_policy_document.${name}_replication.json`),
      ),
    ),
    block(
      'resource',
      ['aws_s3_bucket_replication_configuration', name],
      attr('bucket', ref(`aws_s3_bucket.${name}.id`)),
      attr('role', ref(`aws_iam_role.${name}_replication.arn`)),
      block(
        'rule',
        [],
        attr('id', 'replicate-all'),
        attr('status', 'Enabled'),
        block('filter', []),
        block('delete_marker_replication', [], attr('status', 'Enabled')),
        block(
          'destination',
          [],
          attr('bucket', ref(`aws_s3_bucket.${replica}.arn`)),
          attr('storage_class', 'STANDARD'),
        ),
      ),
      // Replication needs versioning on both sides first.
      attr('depends_on', [
        ref(`aws_s3_bucket_versioning.${name}`),
        ref(`aws_s3_bucket_versioning.${replica}`),
      ]),
    ),
  ];
}

function bucketResources(ctx: RenderContext, bucket: Bucket): BodyInput[] {
  const name = identifier(bucket.name);
  const blockPublic = !(bucket.publicAccess ?? false);
  return [
    block(
      'resource',
      ['aws_s3_bucket', name],
      attr('bucket', bucketName(ctx, bucket)),
    ),
    block(
      'resource',
      ['aws_s3_bucket_public_access_block', name],
      attr('bucket', ref(`aws_s3_bucket.${name}.id`)),
      attr('block_public_acls', blockPublic),
      attr('block_public_policy', blockPublic),
      attr('ignore_public_acls', blockPublic),
      attr('restrict_public_buckets', blockPublic),
    ),
    // Versioning is a resource only when on: a new bucket starts unversioned.
    (bucket.versioning || bucket.replication) &&
      block(
        'resource',
        ['aws_s3_bucket_versioning', name],
        attr('bucket', ref(`aws_s3_bucket.${name}.id`)),
        block('versioning_configuration', [], attr('status', 'Enabled')),
      ),
    encryption(ctx, name, bucket),
    lifecycle(name, bucket),
    replication(ctx, name, bucket),
  ];
}

export function renderStorage(ctx: RenderContext): string {
  return renderHclFile(
    (ctx.env.data?.objectStorage ?? []).map(bucket =>
      bucketResources(ctx, bucket),
    ),
    { header: ctx.header },
  );
}

/**
 * The files every environment has: versions.tf, backend.tf, providers.tf,
 * variables.tf and terraform.tfvars.
 *
 * Environment-wide inputs (region, tags, who may reach a public cluster
 * endpoint) are variables set in terraform.tfvars; every resource setting
 * the plan decides is written literally in the resource's file, so a
 * reviewer sees `max_size = 20 → 30` in eks.tf, not in a values file.
 */
import type { RenderContext } from '../context';
import {
  attr,
  block,
  object,
  ref,
  renderHclBody,
  renderHclFile,
} from '../hcl/hcl';
import { extraRegions, regionProviderAlias } from './common';

/** Terraform and AWS provider versions the generated configuration is written for. */
export const TERRAFORM_REQUIRED_VERSION = '>= 1.5.0';
export const AWS_PROVIDER_VERSION = '>= 5.70, < 7.0';

export function renderVersions(ctx: RenderContext): string {
  return renderHclFile(
    [
      block(
        'terraform',
        [],
        attr('required_version', TERRAFORM_REQUIRED_VERSION),
        block(
          'required_providers',
          [],
          attr(
            'aws',
            object({ source: 'hashicorp/aws', version: AWS_PROVIDER_VERSION }),
          ),
        ),
      ),
    ],
    { header: ctx.header },
  );
}

export function renderBackend(ctx: RenderContext): string {
  const s = ctx.stateBackend;
  return renderHclFile(
    [
      block(
        'terraform',
        [],
        block(
          'backend',
          ['s3'],
          attr('bucket', s.bucket),
          attr('key', s.key),
          attr('region', s.region),
          attr('dynamodb_table', s.dynamodbTable),
          attr('encrypt', true),
        ),
      ),
    ],
    {
      header: `${ctx.header}\nRemote state in S3, locked with DynamoDB. The bucket and the table (partition key LockID, a string) must exist before terraform init.`,
    },
  );
}

function tagsBlock() {
  return block('default_tags', [], attr('tags', ref('var.tags')));
}

export function renderProviders(ctx: RenderContext): string {
  return renderHclFile(
    [
      block(
        'provider',
        ['aws'],
        attr('region', ref('var.region')),
        tagsBlock(),
      ),
      extraRegions(ctx).map(region =>
        block(
          'provider',
          ['aws'],
          attr('alias', regionProviderAlias(region)),
          attr('region', region),
          tagsBlock(),
        ),
      ),
      block('data', ['aws_partition', 'current']),
      block('data', ['aws_caller_identity', 'current']),
    ],
    { header: ctx.header },
  );
}

/** Whether the cluster API endpoint is reachable from the internet. */
export function publicEndpoint(ctx: RenderContext): boolean {
  return (
    (ctx.env.compute.cluster.endpointAccess ?? 'public-and-private') !==
    'private'
  );
}

export function renderVariables(ctx: RenderContext): string {
  return renderHclFile(
    [
      block(
        'variable',
        ['region'],
        attr('description', 'AWS region of the environment'),
        attr('type', ref('string')),
      ),
      block(
        'variable',
        ['tags'],
        attr(
          'description',
          'Tags on every resource (provider default_tags): service, environment, tier, owner',
        ),
        attr('type', ref('map(string)')),
      ),
      publicEndpoint(ctx) &&
        block(
          'variable',
          ['cluster_public_access_cidrs'],
          attr(
            'description',
            'Networks allowed to reach the public EKS API endpoint; narrow it to your offices and CI',
          ),
          attr('type', ref('list(string)')),
        ),
    ],
    { header: ctx.header },
  );
}

export function environmentTags(ctx: RenderContext): Record<string, string> {
  const { metadata } = ctx.plan;
  return {
    Service: ctx.service,
    Environment: ctx.envName,
    Tier: ctx.env.tier,
    Owner: metadata.owner,
    ...(metadata.system ? { System: metadata.system } : {}),
    ManagedBy: 'gatehouse',
  };
}

export function renderTfvars(ctx: RenderContext): string {
  return renderHclBody(
    [
      attr('region', ctx.env.region),
      attr('tags', object(environmentTags(ctx))),
      publicEndpoint(ctx) && attr('cluster_public_access_cidrs', ['0.0.0.0/0']),
    ],
    { header: ctx.header },
  );
}

import { presetPlan } from '@gatehouse/plugin-infra-plans-common';
import { renderEnvironmentRepository } from '../renderEnvironmentRepository';
import {
  AWS_PROVIDER_SCHEMA,
  AWS_PROVIDER_SCHEMA_SNAPSHOT,
  checkTerraformProviderSchema,
} from './terraformProviderSchema';

const PATH = 'terraform/eks.tf';

/** A valid EKS cluster, with `edit` applied to its body lines. */
function cluster(edit: (body: string) => string = body => body): string {
  return `resource "aws_eks_cluster" "this" {
${edit(`  name     = "payments-api-staging"
  role_arn = aws_iam_role.cluster.arn
  vpc_config {
    subnet_ids = [aws_subnet.private_a.id]
  }`)}
}
`;
}

async function problemsOf(content: string): Promise<string[]> {
  const issues = await checkTerraformProviderSchema([
    { path: PATH, content },
    { path: 'terraform/terraform.tfvars', content: 'region = "us-east-1"\n' },
  ]);
  expect(issues.every(issue => issue.path === PATH)).toBe(true);
  return issues.map(issue => issue.message);
}

describe('checkTerraformProviderSchema', () => {
  it('names the snapshot it checks with', () => {
    expect(AWS_PROVIDER_SCHEMA).toBe(
      'AWS provider schema (@cdktf/provider-aws 21.22.1)',
    );
    expect(AWS_PROVIDER_SCHEMA_SNAPSHOT.terraformProvider).toBe(
      'hashicorp/aws 6.25.0',
    );
  });

  it('passes a valid resource', async () => {
    expect(await problemsOf(cluster())).toEqual([]);
  });

  it('passes the generated files', async () => {
    const plan = presetPlan({
      service: 'payments-api',
      owner: 'team-payments',
      tiers: ['production'],
      database: true,
      cache: true,
      objectStorage: true,
    });
    const repo = renderEnvironmentRepository({
      plan,
      environment: 'production',
    });
    expect(await checkTerraformProviderSchema(repo.files)).toEqual([]);
  });

  it('reports a resource type the provider does not have', async () => {
    expect(
      await problemsOf(
        `resource "aws_eks_clustre" "this" {\n  name = "x"\n}\n`,
      ),
    ).toEqual([
      'aws_eks_clustre.this: aws_eks_clustre is not a resource type of the hashicorp/aws 6.25.0 provider schema (@cdktf/provider-aws 21.22.1 snapshot)',
    ]);
    expect(
      await problemsOf(`data "aws_caller_identities" "current" {}\n`),
    ).toEqual([
      'data.aws_caller_identities.current: aws_caller_identities is not a data source of the hashicorp/aws 6.25.0 provider schema (@cdktf/provider-aws 21.22.1 snapshot)',
    ]);
  });

  it('reports an argument the type does not have, at its path', async () => {
    expect(
      await problemsOf(
        cluster(body =>
          body.replace('subnet_ids', 'public_access = true\n    subnet_ids'),
        ),
      ),
    ).toEqual([
      'aws_eks_cluster.this: vpc_config[0].public_access: unknown argument or block "public_access"',
    ]);
  });

  it('reports an attribute only the provider sets', async () => {
    expect(
      await problemsOf(cluster(body => `${body}\n  endpoint = "https://x"`)),
    ).toEqual([
      'aws_eks_cluster.this: endpoint: "endpoint" is set by the provider and cannot be configured',
    ]);
  });

  it('reports a block written as an attribute', async () => {
    expect(
      await problemsOf(
        cluster(body => body.replace('vpc_config {', 'vpc_config = {')),
      ),
    ).toEqual([
      'aws_eks_cluster.this: vpc_config: "vpc_config" is a block: write vpc_config { … }, not vpc_config = …',
      'aws_eks_cluster.this: missing required block "vpc_config"',
    ]);
  });

  it('reports an attribute written as a block', async () => {
    expect(
      await problemsOf(cluster(body => `${body}\n  tags {\n    a = "b"\n  }`)),
    ).toEqual([
      'aws_eks_cluster.this: tags: "tags" is an attribute: write tags = …, not a tags block',
    ]);
  });

  it('reports literal values of the wrong type, where Terraform would not convert them', async () => {
    expect(
      await problemsOf(
        cluster(
          body =>
            `${body}
  bootstrap_self_managed_addons = "yes"
  enabled_cluster_log_types     = "api"
  tags                          = { team = { name = "payments" } }`,
        ),
      ),
    ).toEqual([
      'aws_eks_cluster.this: bootstrap_self_managed_addons: expected bool, got string "yes"',
      'aws_eks_cluster.this: enabled_cluster_log_types: expected set(string), got string "api"',
      'aws_eks_cluster.this: tags.team: expected string, got an object',
    ]);
    expect(
      await problemsOf(
        `resource "aws_cloudwatch_log_group" "x" {\n  name              = "x"\n  retention_in_days = "two weeks"\n}\n`,
      ),
    ).toEqual([
      'aws_cloudwatch_log_group.x: retention_in_days: expected number, got string "two weeks"',
    ]);
  });

  it('accepts values Terraform converts, and expressions of any type', async () => {
    expect(
      await problemsOf(
        `resource "aws_cloudwatch_log_group" "x" {
  name              = 42
  retention_in_days = "14"
  skip_destroy      = "true"
  tags              = var.tags
  kms_key_id        = null
  log_group_class   = "\${var.class}"
}
`,
      ),
    ).toEqual([]);
  });

  it('reports a missing required argument, at the block that needs it', async () => {
    expect(
      await problemsOf(
        cluster(body =>
          body
            .replace(/^ {2}role_arn.*\n/m, '')
            .replace(
              /^ {4}subnet_ids.*\n/m,
              '    endpoint_public_access = true\n',
            ),
        ),
      ),
    ).toEqual([
      'aws_eks_cluster.this: vpc_config[0]: missing required argument "subnet_ids"',
      'aws_eks_cluster.this: missing required argument "role_arn"',
    ]);
  });

  it('reports a block allowed once that appears twice', async () => {
    expect(
      await problemsOf(
        cluster(
          body => `${body}\n  vpc_config {\n    subnet_ids = ["subnet-1"]\n  }`,
        ),
      ),
    ).toEqual([
      'aws_eks_cluster.this: vpc_config: at most 1 "vpc_config" block allowed, found 2',
    ]);
  });

  it("accepts Terraform's meta-arguments and dynamic blocks", async () => {
    expect(
      await problemsOf(
        cluster(
          body => `  count      = 1
  provider   = aws.us_east_1
  depends_on = [aws_iam_role.cluster]
${body.replace(/ {2}vpc_config \{[^}]*\}/, '')}
  dynamic "vpc_config" {
    for_each = [1]
    content {
      subnet_ids = var.subnet_ids
    }
  }
  lifecycle {
    prevent_destroy = true
  }`,
        ),
      ),
    ).toEqual([]);
    expect(
      await problemsOf(
        `data "aws_iam_policy_document" "x" {\n  for_each = var.roles\n  statement {\n    actions = ["sts:AssumeRole"]\n  }\n}\n`,
      ),
    ).toEqual([]);
  });

  it('reports a dynamic block for an attribute, and checks its content', async () => {
    expect(
      await problemsOf(
        cluster(
          body => `${body}
  dynamic "tags" {
    for_each = var.tags
    content {}
  }
  dynamic "access_config" {
    for_each = [1]
    content {
      authentication_mode = ["API"]
    }
  }`,
        ),
      ),
    ).toEqual([
      'aws_eks_cluster.this: dynamic.access_config.content.authentication_mode: expected string, got a list',
      'aws_eks_cluster.this: dynamic.tags: "tags" is an attribute, not a block: it cannot be generated with dynamic',
    ]);
  });

  it('leaves files that do not parse to the parser check', async () => {
    expect(await problemsOf('resource "aws_vpc" "x" {\n')).toEqual([]);
  });
});

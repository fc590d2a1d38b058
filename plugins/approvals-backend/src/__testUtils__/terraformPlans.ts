/*
 * Small `terraform show -json` plans for tests: one small instance, an EKS
 * cluster with a node group (Bob's production plan), and a change to a node
 * group's scaling.
 * Test only; not exported.
 */

type Tags = Record<string, string>;

function resource(
  type: string,
  name: string,
  actions: string[],
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
) {
  return {
    address: `${type}.${name}`,
    mode: 'managed',
    type,
    name,
    provider_name: 'registry.terraform.io/hashicorp/aws',
    change: { actions, before, after, after_unknown: {} },
  };
}

/**
 * A new EKS cluster and its node group of six t3.large nodes (about 440 USD
 * a month with the control plane and the nodes' disks), on `clusterName`,
 * tagged with `tags` (as provider default_tags put them in tags_all).
 */
export function eksClusterPlan(options: {
  clusterName: string;
  tags?: Tags;
  accountId?: string;
}) {
  const tags = options.tags ?? {};
  const account = options.accountId ?? '123456789012';
  return {
    format_version: '1.2',
    terraform_version: '1.9.5',
    resource_changes: [
      resource('aws_eks_cluster', 'main', ['create'], null, {
        name: options.clusterName,
        version: '1.30',
        role_arn: `arn:aws:iam::${account}:role/${options.clusterName}-cluster`,
        tags,
        tags_all: tags,
      }),
      resource('aws_eks_node_group', 'general', ['create'], null, {
        cluster_name: options.clusterName,
        node_group_name: 'general',
        instance_types: ['t3.large'],
        capacity_type: 'ON_DEMAND',
        disk_size: 20,
        scaling_config: [{ desired_size: 6, min_size: 3, max_size: 6 }],
        tags,
        tags_all: tags,
      }),
    ],
  };
}

/** A node group whose scaling bounds change (t3.small nodes), nothing else. */
export function nodeGroupScalingPlan(options: {
  clusterName: string;
  before: { desired: number; min: number; max: number };
  after: { desired: number; min: number; max: number };
  tags?: Tags;
}) {
  const tags = options.tags ?? {};
  const group = (size: { desired: number; min: number; max: number }) => ({
    cluster_name: options.clusterName,
    node_group_name: 'general',
    instance_types: ['t3.small'],
    capacity_type: 'ON_DEMAND',
    disk_size: 20,
    scaling_config: [
      { desired_size: size.desired, min_size: size.min, max_size: size.max },
    ],
    tags,
    tags_all: tags,
  });
  return {
    format_version: '1.2',
    terraform_version: '1.9.5',
    resource_changes: [
      resource(
        'aws_eks_node_group',
        'general',
        ['update'],
        group(options.before),
        group(options.after),
      ),
    ],
  };
}

/** A plan that creates one t3.micro instance, and nothing else. */
export const smallInstancePlan = {
  format_version: '1.2',
  resource_changes: [
    {
      address: 'aws_instance.tools',
      mode: 'managed',
      type: 'aws_instance',
      name: 'tools',
      change: {
        actions: ['create'],
        before: null,
        after: { instance_type: 't3.micro' },
        after_unknown: {},
      },
    },
  ],
};

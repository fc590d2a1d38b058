/**
 * eks.tf: the EKS cluster (version, endpoint access, control-plane logs,
 * secrets encryption), its IAM roles, and per node group a launch template
 * (disk, IMDSv2, the workload security groups) and an aws_eks_node_group
 * with the plan's instance types, capacity type, scaling bounds, update
 * budget, labels and taints.
 */
import type { NodeGroup } from '@gatehouse/plugin-infra-plans-common';
import { awsName, type RenderContext } from '../context';
import {
  BodyInput,
  attr,
  block,
  identifier,
  object,
  ref,
  renderHclFile,
} from '../hcl/hcl';
import {
  assumeRolePolicy,
  gib,
  kmsKeyArn,
  logRetentionDays,
  managedPolicyArn,
  nameTags,
  securityGroupsOfRole,
  subnetIds,
} from './common';
import { publicEndpoint } from './base';

/** EKS managed add-ons (`aws_eks_addon`); other names in cluster.addons are installed with Helm. */
export const EKS_MANAGED_ADDONS = new Set([
  'vpc-cni',
  'coredns',
  'kube-proxy',
  'aws-ebs-csi-driver',
  'aws-efs-csi-driver',
  'eks-pod-identity-agent',
  'snapshot-controller',
  'amazon-cloudwatch-observability',
  'aws-guardduty-agent',
  'adot',
  'aws-mountpoint-s3-csi-driver',
  'metrics-server',
]);

/**
 * The add-ons the cluster gets: the plan's managed ones, and metrics-server
 * whenever a workload has a HorizontalPodAutoscaler (without it the HPA has
 * no CPU or memory metrics and never scales).
 */
export function managedAddons(ctx: RenderContext): string[] {
  const planned = (ctx.env.compute.cluster.addons ?? []).filter(addon =>
    EKS_MANAGED_ADDONS.has(addon),
  );
  const hpa = ctx.env.workloads.some(w => w.autoscaling);
  return hpa && !planned.includes('metrics-server')
    ? [...planned, 'metrics-server']
    : planned;
}

const TAINT_EFFECTS: Record<string, string> = {
  NoSchedule: 'NO_SCHEDULE',
  PreferNoSchedule: 'PREFER_NO_SCHEDULE',
  NoExecute: 'NO_EXECUTE',
};

const NODE_POLICIES = [
  'AmazonEKSWorkerNodePolicy',
  'AmazonEKS_CNI_Policy',
  'AmazonEC2ContainerRegistryReadOnly',
];

function clusterResources(ctx: RenderContext): BodyInput[] {
  const { cluster } = ctx.env.compute;
  const access = cluster.endpointAccess ?? 'public-and-private';
  const key = kmsKeyArn(ctx);
  return [
    assumeRolePolicy('eks_assume', 'eks.amazonaws.com'),
    block(
      'resource',
      ['aws_iam_role', 'cluster'],
      attr('name', awsName(ctx, 'eks-cluster', 64)),
      attr(
        'assume_role_policy',
        ref('data.aws_iam_policy_document.eks_assume.json'),
      ),
    ),
    block(
      'resource',
      ['aws_iam_role_policy_attachment', 'cluster'],
      attr('role', ref('aws_iam_role.cluster.name')),
      attr('policy_arn', managedPolicyArn('AmazonEKSClusterPolicy')),
    ),
    block(
      'resource',
      ['aws_cloudwatch_log_group', 'cluster'],
      // EKS writes control-plane logs to this exact name.
      attr('name', `/aws/eks/${ctx.clusterName}/cluster`),
      attr(
        'retention_in_days',
        logRetentionDays(ctx.env.observability?.logs?.retention),
      ),
      key && attr('kms_key_id', key),
    ),
    block(
      'resource',
      ['aws_eks_cluster', 'this'],
      attr('name', ctx.clusterName),
      attr('version', cluster.kubernetesVersion),
      attr('role_arn', ref('aws_iam_role.cluster.arn')),
      attr('enabled_cluster_log_types', ['api', 'audit', 'authenticator']),
      block(
        'vpc_config',
        [],
        attr('subnet_ids', subnetIds(ctx, 'private')),
        attr('endpoint_private_access', access !== 'public'),
        attr('endpoint_public_access', access !== 'private'),
        publicEndpoint(ctx) &&
          attr('public_access_cidrs', ref('var.cluster_public_access_cidrs')),
      ),
      key &&
        block(
          'encryption_config',
          [],
          attr('resources', ['secrets']),
          block('provider', [], attr('key_arn', key)),
        ),
      attr('depends_on', [
        ref('aws_iam_role_policy_attachment.cluster'),
        ref('aws_cloudwatch_log_group.cluster'),
      ]),
    ),
  ];
}

function nodeRole(ctx: RenderContext): BodyInput[] {
  return [
    assumeRolePolicy('ec2_assume', 'ec2.amazonaws.com'),
    block(
      'resource',
      ['aws_iam_role', 'node'],
      attr('name', awsName(ctx, 'eks-node', 64)),
      attr(
        'assume_role_policy',
        ref('data.aws_iam_policy_document.ec2_assume.json'),
      ),
    ),
    NODE_POLICIES.map(policy =>
      block(
        'resource',
        ['aws_iam_role_policy_attachment', `node_${identifier(policy)}`],
        attr('role', ref('aws_iam_role.node.name')),
        attr('policy_arn', managedPolicyArn(policy)),
      ),
    ),
  ];
}

function updateConfig(group: NodeGroup): BodyInput {
  const value = group.maxUnavailable ?? 1;
  if (typeof value === 'string') {
    const percent = Math.min(100, Math.max(1, Number(value.replace('%', ''))));
    return block(
      'update_config',
      [],
      attr('max_unavailable_percentage', percent),
    );
  }
  return block(
    'update_config',
    [],
    attr('max_unavailable', Math.max(1, value)),
  );
}

function nodeGroup(ctx: RenderContext, group: NodeGroup): BodyInput[] {
  const name = identifier(group.name);
  const disk = gib(group.diskSize);
  const workloadGroups = securityGroupsOfRole(ctx, 'workload');
  return [
    block(
      'resource',
      ['aws_launch_template', name],
      attr('name_prefix', `${awsName(ctx, group.name, 100)}-`),
      attr('vpc_security_group_ids', [
        ref('aws_eks_cluster.this.vpc_config[0].cluster_security_group_id'),
        ...workloadGroups,
      ]),
      disk !== undefined &&
        block(
          'block_device_mappings',
          [],
          attr('device_name', '/dev/xvda'),
          block(
            'ebs',
            [],
            attr('volume_size', disk),
            attr('volume_type', 'gp3'),
            attr('encrypted', true),
            kmsKeyArn(ctx) && attr('kms_key_id', kmsKeyArn(ctx)),
          ),
        ),
      block(
        'metadata_options',
        [],
        // IMDSv2 only; hop limit 2 lets pods reach it through the node.
        attr('http_tokens', 'required'),
        attr('http_put_response_hop_limit', 2),
      ),
      block(
        'tag_specifications',
        [],
        attr('resource_type', 'instance'),
        nameTags(awsName(ctx, group.name, 255)),
      ),
    ),
    block(
      'resource',
      ['aws_eks_node_group', name],
      attr('cluster_name', ref('aws_eks_cluster.this.name')),
      attr('node_group_name', group.name),
      attr('node_role_arn', ref('aws_iam_role.node.arn')),
      attr('subnet_ids', subnetIds(ctx, 'private')),
      attr('instance_types', group.instanceTypes),
      attr(
        'capacity_type',
        group.capacityType === 'spot' ? 'SPOT' : 'ON_DEMAND',
      ),
      group.labels &&
        Object.keys(group.labels).length > 0 &&
        attr('labels', object(group.labels)),
      block(
        'scaling_config',
        [],
        attr('min_size', group.minSize),
        attr('desired_size', group.desiredSize),
        attr('max_size', group.maxSize),
      ),
      updateConfig(group),
      (group.taints ?? []).map(taint =>
        block(
          'taint',
          [],
          attr('key', taint.key),
          taint.value !== undefined && attr('value', taint.value),
          attr('effect', TAINT_EFFECTS[taint.effect]),
        ),
      ),
      block(
        'launch_template',
        [],
        attr('id', ref(`aws_launch_template.${name}.id`)),
        attr('version', ref(`aws_launch_template.${name}.latest_version`)),
      ),
      attr('depends_on', [
        ...NODE_POLICIES.map(p =>
          ref(`aws_iam_role_policy_attachment.node_${identifier(p)}`),
        ),
      ]),
    ),
  ];
}

function addons(ctx: RenderContext): BodyInput[] {
  return managedAddons(ctx).map(addon =>
    block(
      'resource',
      ['aws_eks_addon', identifier(addon)],
      attr('cluster_name', ref('aws_eks_cluster.this.name')),
      attr('addon_name', addon),
      attr('resolve_conflicts_on_update', 'OVERWRITE'),
      // Add-ons that run pods need nodes to schedule on.
      addon !== 'vpc-cni' &&
        addon !== 'kube-proxy' &&
        addon !== 'eks-pod-identity-agent' &&
        attr(
          'depends_on',
          ctx.env.compute.nodeGroups.map(g =>
            ref(`aws_eks_node_group.${identifier(g.name)}`),
          ),
        ),
    ),
  );
}

export function renderEks(ctx: RenderContext): string {
  return renderHclFile(
    [
      clusterResources(ctx),
      nodeRole(ctx),
      ctx.env.compute.nodeGroups.flatMap(group => nodeGroup(ctx, group)),
      addons(ctx),
    ],
    { header: ctx.header },
  );
}

/**
 * Resource types that cost nothing by themselves: configuration, identity
 * and networking plumbing, and non-cloud helper providers. They are reported
 * as free (zero cost), not unpriced.
 */
const FREE_TYPES = new Set([
  'aws_acm_certificate',
  'aws_acm_certificate_validation',
  'aws_autoscaling_attachment',
  'aws_autoscaling_lifecycle_hook',
  'aws_autoscaling_policy',
  'aws_autoscaling_schedule',
  'aws_cloudfront_origin_access_control',
  'aws_cloudfront_origin_access_identity',
  'aws_cloudwatch_event_rule',
  'aws_db_option_group',
  'aws_db_parameter_group',
  'aws_db_subnet_group',
  'aws_ecs_cluster',
  'aws_egress_only_internet_gateway',
  'aws_eip_association',
  'aws_eks_access_entry',
  'aws_eks_access_policy_association',
  'aws_eks_addon',
  'aws_eks_identity_provider_config',
  'aws_eks_pod_identity_association',
  'aws_elasticache_parameter_group',
  'aws_elasticache_subnet_group',
  'aws_internet_gateway',
  'aws_internet_gateway_attachment',
  'aws_key_pair',
  'aws_launch_configuration',
  'aws_launch_template',
  'aws_lb_listener',
  'aws_lb_listener_certificate',
  'aws_lb_listener_rule',
  'aws_lb_target_group',
  'aws_lb_target_group_attachment',
  'aws_alb_listener',
  'aws_alb_listener_rule',
  'aws_alb_target_group',
  'aws_alb_target_group_attachment',
  'aws_main_route_table_association',
  'aws_network_acl',
  'aws_network_acl_association',
  'aws_network_acl_rule',
  'aws_network_interface_attachment',
  'aws_placement_group',
  'aws_route',
  'aws_route_table',
  'aws_route_table_association',
  'aws_s3_bucket_acl',
  'aws_s3_bucket_cors_configuration',
  'aws_s3_bucket_lifecycle_configuration',
  'aws_s3_bucket_logging',
  'aws_s3_bucket_notification',
  'aws_s3_bucket_ownership_controls',
  'aws_s3_bucket_policy',
  'aws_s3_bucket_public_access_block',
  'aws_s3_bucket_server_side_encryption_configuration',
  'aws_s3_bucket_versioning',
  'aws_s3_bucket_website_configuration',
  'aws_security_group',
  'aws_security_group_rule',
  'aws_ssm_parameter',
  'aws_subnet',
  'aws_volume_attachment',
  'aws_vpc',
  'aws_vpc_dhcp_options',
  'aws_vpc_dhcp_options_association',
  'aws_vpc_ipv4_cidr_block_association',
  'aws_vpc_peering_connection_options',
  'aws_vpc_security_group_egress_rule',
  'aws_vpc_security_group_ingress_rule',
  'terraform_data',
  'null_resource',
]);

/** Type prefixes that are free as a family. */
const FREE_PREFIXES = [
  'aws_iam_',
  'aws_default_',
  'random_',
  'null_',
  'time_',
  'tls_',
  'local_',
  'archive_',
];

const cache = new Map<string, string | undefined>();

/**
 * The reason a resource type is free, or undefined if it is not known to be
 * free. Memoised per type: plans repeat a few types many times.
 */
export function freeReason(type: string): string | undefined {
  if (cache.has(type)) return cache.get(type);
  let reason: string | undefined;
  if (FREE_TYPES.has(type)) {
    reason = `${type} has no charge of its own`;
  } else {
    const prefix = FREE_PREFIXES.find(candidate => type.startsWith(candidate));
    if (prefix) reason = `${prefix}* resources have no charge of their own`;
  }
  cache.set(type, reason);
  return reason;
}

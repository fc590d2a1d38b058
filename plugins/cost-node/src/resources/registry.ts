import { priceAutoscalingGroup } from './autoscaling';
import { priceCloudFrontDistribution } from './cloudfront';
import { priceEbsVolume } from './ebs';
import { priceEc2Instance } from './ec2';
import { priceEksCluster, priceEksNodeGroup } from './eks';
import {
  priceElastiCacheCluster,
  priceElastiCacheReplicationGroup,
} from './elasticache';
import { priceLoadBalancer } from './loadBalancer';
import type { Pricer } from './pricer';
import { priceDbInstance } from './rds';
import { priceS3Bucket } from './s3';
import { priceElasticIp, priceNatGateway } from './vpc';

/** Terraform resource type → pricer. One entry per supported type. */
export const PRICERS: ReadonlyMap<string, Pricer> = new Map<string, Pricer>([
  ['aws_instance', priceEc2Instance],
  ['aws_ebs_volume', priceEbsVolume],
  ['aws_autoscaling_group', priceAutoscalingGroup],
  ['aws_eks_cluster', priceEksCluster],
  ['aws_eks_node_group', priceEksNodeGroup],
  ['aws_db_instance', priceDbInstance],
  ['aws_elasticache_cluster', priceElastiCacheCluster],
  ['aws_elasticache_replication_group', priceElastiCacheReplicationGroup],
  ['aws_lb', priceLoadBalancer],
  ['aws_alb', priceLoadBalancer],
  ['aws_nat_gateway', priceNatGateway],
  ['aws_eip', priceElasticIp],
  ['aws_s3_bucket', priceS3Bucket],
  ['aws_cloudfront_distribution', priceCloudFrontDistribution],
]);

/** Resource types the estimator prices. */
export function supportedResourceTypes(): string[] {
  return [...PRICERS.keys()].sort();
}

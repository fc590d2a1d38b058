/**
 * outputs.tf: what the next steps and other tools need: VPC and subnet ids,
 * the cluster's name and endpoint, data store endpoints, bucket names, queue
 * URLs, DNS names of the load balancers Terraform creates, the
 * TargetGroupBinding manifests, and the settings the Ingresses take from
 * Terraform.
 */
import type { RenderContext } from '../context';
import {
  BodyInput,
  attr,
  block,
  identifier,
  ref,
  renderHclFile,
} from '../hcl/hcl';
import { INGRESS_SETTINGS_FILE } from '../kubernetes/ingress';
import { terraformLoadBalancers } from '../loadBalancing';
import { subnetIds } from './common';
import { ingressSettings } from './ingressSettings';
import { targetGroupBindings } from './loadbalancer';

function output(
  name: string,
  description: string,
  value: Parameters<typeof attr>[1],
): BodyInput {
  return block(
    'output',
    [name],
    attr('description', description),
    attr('value', value),
  );
}

function bindingsOutput(ctx: RenderContext): BodyInput {
  if (targetGroupBindings(ctx).length === 0) return undefined;
  // One YAML document per binding, with the ARNs only Terraform knows.
  const manifest = [
    'apiVersion = "elbv2.k8s.aws/v1beta1"',
    'kind = "TargetGroupBinding"',
    `metadata = { name = name, namespace = "${ctx.namespace}", labels = { "backstage.io/kubernetes-id" = "${ctx.service}" } }`,
    'spec = { targetGroupARN = binding.target_group_arn, targetType = "ip", serviceRef = { name = binding.service, port = binding.port } }',
  ].join(', ');
  return output(
    'target_group_bindings',
    'TargetGroupBinding manifests registering each exposed workload in its target group: terraform output -raw target_group_bindings | kubectl apply -f -',
    ref(
      `join("", [for name, binding in local.target_group_bindings : "---\\n\${yamlencode({ ${manifest} })}"])`,
    ),
  );
}

/** Where the env file goes, relative to terraform/, for the output's description. */
const INGRESS_SETTINGS_PATH = `../kubernetes/${INGRESS_SETTINGS_FILE}`;

function ingressSettingsOutput(ctx: RenderContext): BodyInput {
  if (ingressSettings(ctx).length === 0) return undefined;
  // `key=value` lines: the env file format of kustomize's configMapGenerator.
  return output(
    'ingress_settings',
    `Values the Ingresses take from Terraform (subnets, security groups, certificate and WAF ARNs), one key=value per line: terraform output -raw ingress_settings > ${INGRESS_SETTINGS_PATH}`,
    ref(
      'join("", [for key, value in local.ingress_settings : "${key}=${value}\\n"])',
    ),
  );
}

export function renderOutputs(ctx: RenderContext): string {
  const { env } = ctx;
  const data = env.data ?? {};
  return renderHclFile(
    [
      output('vpc_id', 'VPC id', ref('aws_vpc.this.id')),
      output(
        'private_subnet_ids',
        'Private subnets (worker nodes, internal load balancers)',
        subnetIds(ctx, 'private'),
      ),
      output(
        'cluster_name',
        'EKS cluster name',
        ref('aws_eks_cluster.this.name'),
      ),
      output(
        'cluster_endpoint',
        'EKS API endpoint',
        ref('aws_eks_cluster.this.endpoint'),
      ),
      (data.databases ?? []).map(db =>
        output(
          `database_${identifier(db.name)}_endpoint`,
          `Endpoint of database ${db.name}`,
          db.engine.startsWith('aurora-')
            ? ref(`aws_rds_cluster.${identifier(db.name)}.endpoint`)
            : ref(`aws_db_instance.${identifier(db.name)}.endpoint`),
        ),
      ),
      (data.databases ?? []).map(db =>
        output(
          `database_${identifier(db.name)}_master_secret`,
          `Secrets Manager secret holding the master credentials of ${db.name}`,
          db.engine.startsWith('aurora-')
            ? ref(
                `aws_rds_cluster.${identifier(
                  db.name,
                )}.master_user_secret[0].secret_arn`,
              )
            : ref(
                `aws_db_instance.${identifier(
                  db.name,
                )}.master_user_secret[0].secret_arn`,
              ),
        ),
      ),
      (data.caches ?? []).map(cache =>
        output(
          `cache_${identifier(cache.name)}_endpoint`,
          `Endpoint of cache ${cache.name}`,
          cache.engine === 'memcached'
            ? ref(
                `aws_elasticache_cluster.${identifier(
                  cache.name,
                )}.configuration_endpoint`,
              )
            : ref(
                (cache.shards ?? 1) > 1
                  ? `aws_elasticache_replication_group.${identifier(
                      cache.name,
                    )}.configuration_endpoint_address`
                  : `aws_elasticache_replication_group.${identifier(
                      cache.name,
                    )}.primary_endpoint_address`,
              ),
        ),
      ),
      (data.objectStorage ?? []).map(bucket =>
        output(
          `bucket_${identifier(bucket.name)}`,
          `Name of bucket ${bucket.name}`,
          ref(`aws_s3_bucket.${identifier(bucket.name)}.bucket`),
        ),
      ),
      (data.queues ?? []).map(queue =>
        output(
          `queue_${identifier(queue.name)}_url`,
          `URL of queue ${queue.name}`,
          ref(`aws_sqs_queue.${identifier(queue.name)}.url`),
        ),
      ),
      terraformLoadBalancers(ctx).map(lb =>
        output(
          `load_balancer_${identifier(lb.name)}_dns_name`,
          `DNS name of load balancer ${lb.name} (point the workload hosts at it)`,
          ref(`aws_lb.${identifier(lb.name)}.dns_name`),
        ),
      ),
      bindingsOutput(ctx),
      ingressSettingsOutput(ctx),
    ],
    { header: ctx.header },
  );
}

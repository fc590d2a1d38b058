/**
 * loadbalancer.tf: the load balancers Terraform creates, each an aws_lb,
 * its listeners (HTTPS with the certificate and a TLS policy from the
 * plan's minimum TLS version, HTTP redirects), an IP target group per
 * workload it serves with health checks from the workload's probes, and
 * host/path listener rules; the certificate lookups and the WAF web ACL in
 * front of internet-facing application load balancers.
 *
 * In target-group-binding mode Terraform creates every load balancer, so it
 * is reviewed, costed and approved like everything else, and the AWS Load
 * Balancer Controller registers pods in the target groups through
 * TargetGroupBinding objects, which outputs.tf renders with the real target
 * group ARNs (`terraform output -raw target_group_bindings | kubectl apply
 * -f -`). In ingress mode the controller creates the application load
 * balancers from the Ingresses; Terraform keeps the network ones and what
 * the Ingresses refer to (certificates, WAF web ACL, local.ingress_settings).
 */
import type {
  LoadBalancer,
  Workload,
} from '@gatehouse/plugin-infra-plans-common';
import {
  awsName,
  exposedPort,
  loadBalancerTargets,
  type RenderContext,
} from '../context';
import {
  BodyInput,
  attr,
  block,
  comment,
  flatten,
  identifier,
  object,
  ref,
  renderHclFile,
} from '../hcl/hcl';
import {
  createdByController,
  loadBalancerSubnetTier,
  protectedByWaf,
  sslPolicy,
  targetHealthCheck,
  terraformLoadBalancers,
} from '../loadBalancing';
import { certificateArn, certificateLookups } from './certificates';
import { SubnetTierName, securityGroupRef, seconds, subnetIds } from './common';
import { ingressSettingsLocal } from './ingressSettings';

export function targetGroupName(lb: LoadBalancer, workload: Workload): string {
  return identifier(`${lb.name}_${workload.name}`);
}

function healthCheck(lb: LoadBalancer, workload: Workload): BodyInput {
  const check = targetHealthCheck(workload);
  if (lb.type === 'network' || !check.http) {
    return block(
      'health_check',
      [],
      attr('protocol', 'TCP'),
      attr('port', 'traffic-port'),
      attr('interval', check.intervalSeconds),
    );
  }
  return block(
    'health_check',
    [],
    attr('protocol', 'HTTP'),
    attr('path', check.http.path),
    attr('port', 'traffic-port'),
    attr('matcher', check.http.matcher),
    attr('interval', check.intervalSeconds),
    attr('timeout', check.http.timeoutSeconds),
    attr('healthy_threshold', check.http.healthyThreshold),
    attr('unhealthy_threshold', check.http.unhealthyThreshold),
  );
}

function targetGroups(
  ctx: RenderContext,
  lb: LoadBalancer,
  targets: Workload[],
): BodyInput[] {
  return targets.flatMap(workload => {
    const port = exposedPort(workload);
    if (!port) return [];
    const udp =
      workload.ports?.find(p => p.containerPort === port.containerPort)
        ?.protocol === 'UDP';
    let protocol = 'HTTP';
    if (lb.type === 'network') protocol = udp ? 'UDP' : 'TCP';
    return [
      block(
        'resource',
        ['aws_lb_target_group', targetGroupName(lb, workload)],
        attr('name', awsName(ctx, `${lb.name}-${workload.name}`, 32)),
        attr('port', port.containerPort),
        attr('protocol', protocol),
        // Pods are registered by IP (VPC CNI gives them VPC addresses).
        attr('target_type', 'ip'),
        attr('vpc_id', ref('aws_vpc.this.id')),
        attr('deregistration_delay', 30),
        healthCheck(lb, workload),
      ),
    ];
  });
}

/** A target that takes all traffic of a listener: the only target, with no host and a root path. */
function catchAll(targets: Workload[]): Workload | undefined {
  if (targets.length !== 1) return undefined;
  const [w] = targets;
  return !w.expose?.host && (w.expose?.path ?? '/') === '/' ? w : undefined;
}

function listeners(
  ctx: RenderContext,
  lb: LoadBalancer,
  targets: Workload[],
): BodyInput[] {
  const lbName = identifier(lb.name);
  const routable = targets.filter(w => exposedPort(w));
  return lb.listeners.flatMap(listener => {
    const name = `${lbName}_${listener.port}`;
    const tls = listener.protocol === 'HTTPS' || listener.protocol === 'TLS';
    let defaultAction: BodyInput;
    if (listener.redirectToHttps) {
      defaultAction = block(
        'default_action',
        [],
        attr('type', 'redirect'),
        block(
          'redirect',
          [],
          attr('port', '443'),
          attr('protocol', 'HTTPS'),
          attr('status_code', 'HTTP_301'),
        ),
      );
    } else if (
      lb.type === 'network' ? routable.length > 0 : catchAll(routable)
    ) {
      defaultAction = block(
        'default_action',
        [],
        attr('type', 'forward'),
        attr(
          'target_group_arn',
          ref(`aws_lb_target_group.${targetGroupName(lb, routable[0])}.arn`),
        ),
      );
    } else {
      defaultAction = block(
        'default_action',
        [],
        attr('type', 'fixed-response'),
        block(
          'fixed_response',
          [],
          attr('content_type', 'text/plain'),
          attr('message_body', 'Not found'),
          attr('status_code', '404'),
        ),
      );
    }
    const rules =
      lb.type === 'application' &&
      !listener.redirectToHttps &&
      !catchAll(routable)
        ? routable.map((workload, i) => {
            const path = workload.expose?.path ?? '/';
            return block(
              'resource',
              ['aws_lb_listener_rule', `${name}_${identifier(workload.name)}`],
              attr('listener_arn', ref(`aws_lb_listener.${name}.arn`)),
              attr('priority', (i + 1) * 10),
              block(
                'action',
                [],
                attr('type', 'forward'),
                attr(
                  'target_group_arn',
                  ref(
                    `aws_lb_target_group.${targetGroupName(lb, workload)}.arn`,
                  ),
                ),
              ),
              workload.expose?.host &&
                block(
                  'condition',
                  [],
                  block(
                    'host_header',
                    [],
                    attr('values', [workload.expose.host]),
                  ),
                ),
              block(
                'condition',
                [],
                block(
                  'path_pattern',
                  [],
                  attr('values', [
                    path === '/' ? '/*' : `${path.replace(/\/$/, '')}*`,
                  ]),
                ),
              ),
            );
          })
        : [];
    return [
      block(
        'resource',
        ['aws_lb_listener', name],
        attr('load_balancer_arn', ref(`aws_lb.${lbName}.arn`)),
        attr('port', listener.port),
        attr('protocol', listener.protocol),
        tls && attr('ssl_policy', sslPolicy(ctx)),
        tls &&
          listener.certificate &&
          attr('certificate_arn', certificateArn(listener.certificate)),
        defaultAction,
      ),
      rules,
    ];
  });
}

function loadBalancer(ctx: RenderContext, lb: LoadBalancer): BodyInput[] {
  const name = identifier(lb.name);
  const tier: SubnetTierName = loadBalancerSubnetTier(lb);
  const application = lb.type === 'application';
  const targets = loadBalancerTargets(ctx.env, lb.name);
  return [
    block(
      'resource',
      ['aws_lb', name],
      attr('name', awsName(ctx, lb.name, 32)),
      attr('internal', lb.scheme === 'internal'),
      attr('load_balancer_type', lb.type),
      attr('subnets', subnetIds(ctx, tier)),
      (lb.securityGroups ?? []).length > 0 &&
        attr(
          'security_groups',
          (lb.securityGroups ?? []).map(securityGroupRef),
        ),
      application &&
        lb.idleTimeout &&
        attr('idle_timeout', seconds(lb.idleTimeout)),
      application && attr('drop_invalid_header_fields', true),
      attr('enable_deletion_protection', ctx.env.tier === 'production'),
    ),
    targetGroups(ctx, lb, targets),
    listeners(ctx, lb, targets),
  ];
}

function waf(ctx: RenderContext): BodyInput[] {
  const plan = ctx.env.security?.waf;
  const albs = (ctx.env.network.loadBalancers ?? []).filter(lb =>
    protectedByWaf(ctx, lb),
  );
  if (!plan?.enabled || albs.length === 0) return [];
  const metric = (name: string) =>
    block(
      'visibility_config',
      [],
      attr('cloudwatch_metrics_enabled', true),
      attr('metric_name', name.replace(/[^A-Za-z0-9_-]/g, '-')),
      attr('sampled_requests_enabled', true),
    );
  const rules = (plan.rules ?? []).flatMap(rule => {
    let statement: BodyInput;
    if (rule.type === 'rate-limit' && rule.limit) {
      statement = block(
        'rate_based_statement',
        [],
        attr('limit', rule.limit),
        attr('aggregate_key_type', 'IP'),
      );
    } else if (rule.type === 'managed' && rule.managedRuleGroup) {
      statement = block(
        'managed_rule_group_statement',
        [],
        attr('name', rule.managedRuleGroup),
        attr('vendor_name', 'AWS'),
      );
    } else {
      // ip-set and geo rules need addresses or countries the plan does not carry.
      return [];
    }
    const managed = rule.type === 'managed';
    return [
      block(
        'rule',
        [],
        attr('name', rule.name),
        attr('priority', rule.priority),
        managed
          ? block(
              'override_action',
              [],
              block(rule.action === 'count' ? 'count' : 'none', []),
            )
          : block('action', [], block(rule.action, [])),
        block('statement', [], statement),
        metric(`${ctx.prefix}-${rule.name}`),
      ),
    ];
  });
  const byController = albs.filter(lb => createdByController(ctx, lb));
  return [
    block(
      'resource',
      ['aws_wafv2_web_acl', 'this'],
      byController.length > 0 &&
        comment(
          `Attached to ${byController
            .map(lb => lb.name)
            .join(
              ', ',
            )} by the AWS Load Balancer Controller (Ingress annotation alb.ingress.kubernetes.io/wafv2-acl-arn).`,
        ),
      attr('name', awsName(ctx, 'waf', 128)),
      attr('scope', 'REGIONAL'),
      block('default_action', [], block('allow', [])),
      rules,
      metric(`${ctx.prefix}-waf`),
    ),
    albs
      .filter(lb => !createdByController(ctx, lb))
      .map(lb =>
        block(
          'resource',
          ['aws_wafv2_web_acl_association', identifier(lb.name)],
          attr('resource_arn', ref(`aws_lb.${identifier(lb.name)}.arn`)),
          attr('web_acl_arn', ref('aws_wafv2_web_acl.this.arn')),
        ),
      ),
  ];
}

/** Workloads bound to target groups, for the TargetGroupBinding output. */
export function targetGroupBindings(ctx: RenderContext) {
  return terraformLoadBalancers(ctx).flatMap(lb =>
    loadBalancerTargets(ctx.env, lb.name).flatMap(workload => {
      const port = exposedPort(workload);
      return port ? [{ lb, workload, servicePort: port.servicePort }] : [];
    }),
  );
}

function bindingsLocal(ctx: RenderContext): BodyInput {
  const bindings = targetGroupBindings(ctx);
  if (bindings.length === 0) return undefined;
  return block(
    'locals',
    [],
    attr(
      'target_group_bindings',
      object(
        Object.fromEntries(
          bindings.map(({ lb, workload, servicePort }) => [
            `${lb.name}-${workload.name}`,
            object({
              target_group_arn: ref(
                `aws_lb_target_group.${targetGroupName(lb, workload)}.arn`,
              ),
              service: workload.name,
              port: servicePort,
            }),
          ]),
        ),
      ),
    ),
  );
}

function loadBalancerBody(ctx: RenderContext): BodyInput[] {
  return [
    certificateLookups(ctx),
    terraformLoadBalancers(ctx).map(lb => loadBalancer(ctx, lb)),
    waf(ctx),
    bindingsLocal(ctx),
    ingressSettingsLocal(ctx),
  ];
}

/** Whether loadbalancer.tf has anything to hold. */
export function hasLoadBalancerResources(ctx: RenderContext): boolean {
  return flatten(loadBalancerBody(ctx)).length > 0;
}

export function renderLoadBalancers(ctx: RenderContext): string {
  const byController = (ctx.env.network.loadBalancers ?? []).filter(lb =>
    createdByController(ctx, lb),
  );
  return renderHclFile(loadBalancerBody(ctx), {
    header: byController.length
      ? `${ctx.header}\nApplication load balancers (${byController
          .map(lb => lb.name)
          .join(
            ', ',
          )}) are created by the AWS Load Balancer Controller from the Ingresses in kubernetes/; this file holds what they use from Terraform (certificates, WAF web ACL, local.ingress_settings).`
      : ctx.header,
  });
}

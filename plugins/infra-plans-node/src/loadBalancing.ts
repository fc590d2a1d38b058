/**
 * Who creates each load balancer of the plan, and what the Terraform and
 * Kubernetes generators both need to know about load balancing: the routes
 * of the application load balancers the AWS Load Balancer Controller
 * creates from Ingresses, target health checks and the TLS policy.
 *
 * In `ingress` mode the controller creates application load balancers
 * (with their listeners and target groups) from the Ingresses, and
 * Terraform creates only the network ones; in `target-group-binding` mode
 * Terraform creates all of them and the controller only registers pods.
 * Either way each load balancer is created exactly once.
 */
import type {
  LoadBalancer,
  Workload,
} from '@gatehouse/plugin-infra-plans-common';
import {
  exposedPort,
  loadBalancerTargets,
  type RenderContext,
} from './context';
import { seconds } from './terraform/common';

/** Whether the AWS Load Balancer Controller creates this load balancer from Ingresses. */
export function createdByController(
  ctx: RenderContext,
  lb: LoadBalancer,
): boolean {
  return ctx.loadBalancing === 'ingress' && lb.type === 'application';
}

/** The load balancers Terraform creates (aws_lb and its listeners and target groups). */
export function terraformLoadBalancers(ctx: RenderContext): LoadBalancer[] {
  return (ctx.env.network.loadBalancers ?? []).filter(
    lb => !createdByController(ctx, lb),
  );
}

/** One workload routed by one controller-managed load balancer: one Ingress. */
export interface IngressRoute {
  lb: LoadBalancer;
  workload: Workload;
  /** Ingress name, unique in the namespace. */
  name: string;
  /** File of the Ingress in the workload's folder. */
  file: string;
  /**
   * Position among the routes of its load balancer, from 1. It becomes the
   * Ingress's group.order, so rules are evaluated in the plan's order, as
   * the listener rule priorities are in target-group-binding mode.
   */
  order: number;
  /** The Service port the load balancer forwards to. */
  servicePort: number;
}

/**
 * Every Ingress to generate: per application load balancer the controller
 * creates, each workload it routes to that has a port. A workload routed by
 * several load balancers gets one Ingress per load balancer, named after
 * both.
 */
export function ingressRoutes(ctx: RenderContext): IngressRoute[] {
  const pairs = (ctx.env.network.loadBalancers ?? [])
    .filter(lb => createdByController(ctx, lb))
    .flatMap(lb =>
      loadBalancerTargets(ctx.env, lb.name)
        .filter(workload => exposedPort(workload))
        .map((workload, index) => ({ lb, workload, order: index + 1 })),
    );
  const perWorkload = new Map<string, number>();
  for (const { workload } of pairs) {
    perWorkload.set(workload.name, (perWorkload.get(workload.name) ?? 0) + 1);
  }
  return pairs.map(({ lb, workload, order }) => {
    const shared = (perWorkload.get(workload.name) ?? 0) > 1;
    return {
      lb,
      workload,
      name: shared ? `${workload.name}-${lb.name}` : workload.name,
      file: shared ? `ingress-${lb.name}.yaml` : 'ingress.yaml',
      order,
      servicePort: exposedPort(workload)!.servicePort,
    };
  });
}

/** How a target group checks its targets, from the workload's readiness (else liveness) probe. */
export interface TargetHealthCheck {
  /** Seconds between checks, within what target groups accept (5–300). */
  intervalSeconds: number;
  /** Set when the probe is an HTTP probe; otherwise only TCP checks fit. */
  http?: {
    path: string;
    /** The probe's port, a container port name or number. */
    port: string | number;
    /** Shorter than the interval, as target groups require. */
    timeoutSeconds: number;
    healthyThreshold: number;
    unhealthyThreshold: number;
    /** HTTP codes counted as healthy. */
    matcher: string;
  };
}

export function targetHealthCheck(workload: Workload): TargetHealthCheck {
  const probe = workload.probes?.readiness ?? workload.probes?.liveness;
  const intervalSeconds = Math.min(
    300,
    Math.max(5, seconds(probe?.period) ?? 15),
  );
  if (!probe?.http) return { intervalSeconds };
  return {
    intervalSeconds,
    http: {
      path: probe.http.path,
      port: probe.http.port,
      timeoutSeconds: Math.max(
        2,
        Math.min(intervalSeconds - 1, seconds(probe.timeout) ?? 5),
      ),
      healthyThreshold: 2,
      unhealthyThreshold: probe.failureThreshold ?? 3,
      matcher: '200-399',
    },
  };
}

/** The ELB TLS policy for HTTPS/TLS listeners, from the plan's minimum TLS version. */
export function sslPolicy(ctx: RenderContext): string {
  return ctx.env.security?.encryption?.inTransit.minTlsVersion === '1.3'
    ? 'ELBSecurityPolicy-TLS13-1-3-2021-06'
    : 'ELBSecurityPolicy-TLS13-1-2-2021-06';
}

/** The subnet tier a load balancer sits in: as the plan says, else public for internet-facing ones. */
export function loadBalancerSubnetTier(lb: LoadBalancer): 'public' | 'private' {
  return lb.subnets ?? (lb.scheme === 'internet-facing' ? 'public' : 'private');
}

/** The certificates of a load balancer's HTTPS listeners, each once, in listener order. */
export function httpsCertificates(lb: LoadBalancer): string[] {
  const certificates = lb.listeners
    .filter(l => l.protocol === 'HTTPS' && l.certificate)
    .map(l => l.certificate!);
  return [...new Set(certificates)];
}

/** Whether the plan's WAF web ACL protects this load balancer (internet-facing ALBs). */
export function protectedByWaf(ctx: RenderContext, lb: LoadBalancer): boolean {
  return (
    ctx.env.security?.waf?.enabled === true &&
    lb.type === 'application' &&
    lb.scheme === 'internet-facing'
  );
}

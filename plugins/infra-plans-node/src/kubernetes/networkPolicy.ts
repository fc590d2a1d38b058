/**
 * NetworkPolicies, generated when the plan asks for default deny: one that
 * denies everything in the namespace, and per workload one that opens what
 * it needs. In: its ports from pods of the namespace, from the monitoring
 * namespace (scraping), and from the load balancer's subnets when exposed
 * (target type ip: the load balancer connects to pod IPs). Out: DNS, the
 * data stores it uses (their subnets and ports), and HTTPS for AWS APIs
 * (S3, SQS, Secrets Manager) and other HTTPS services.
 */
import type { Workload } from '@gatehouse/plugin-infra-plans-common';
import {
  dataSubnetTier,
  enginePort,
  loadBalancerOf,
  type RenderContext,
} from '../context';
import { KubeObject, objectMeta, selectorLabels } from './meta';

/** Namespace Prometheus runs in; its pods may scrape every workload port. */
export const MONITORING_NAMESPACE = 'monitoring';

export function defaultDenyEnabled(ctx: RenderContext): boolean {
  return ctx.env.security?.networkPolicy?.defaultDeny === true;
}

export function defaultDenyPolicy(ctx: RenderContext): KubeObject {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: objectMeta(ctx, 'default-deny'),
    spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
  };
}

function namespaceSelector(name: string) {
  return {
    namespaceSelector: {
      matchLabels: { 'kubernetes.io/metadata.name': name },
    },
  };
}

function loadBalancerSubnets(ctx: RenderContext, workload: Workload): string[] {
  const lbName = loadBalancerOf(ctx.env, workload);
  const lb = ctx.env.network.loadBalancers?.find(l => l.name === lbName);
  if (!lb) return [];
  const tier =
    lb.subnets ?? (lb.scheme === 'internet-facing' ? 'public' : 'private');
  return (ctx.env.network.subnets[tier] ?? []).map(s => s.cidr);
}

function dataStorePorts(ctx: RenderContext, workload: Workload): number[] {
  const uses = new Set(workload.uses ?? []);
  const data = ctx.env.data ?? {};
  return [
    ...(data.databases ?? [])
      .filter(d => uses.has(d.name))
      .map(d => enginePort(d.engine, d.port)),
    ...(data.caches ?? [])
      .filter(c => uses.has(c.name))
      .map(c => enginePort(c.engine)),
  ].filter((port, i, all) => all.indexOf(port) === i);
}

export function workloadNetworkPolicy(
  ctx: RenderContext,
  workload: Workload,
): KubeObject {
  const ports = (workload.ports ?? []).map(p => ({
    protocol: p.protocol ?? 'TCP',
    port: p.containerPort,
  }));
  const ingress = ports.length
    ? [
        {
          from: [
            { podSelector: {} },
            namespaceSelector(MONITORING_NAMESPACE),
            ...loadBalancerSubnets(ctx, workload).map(cidr => ({
              ipBlock: { cidr },
            })),
          ],
          ports,
        },
      ]
    : [];
  const dataPorts = dataStorePorts(ctx, workload);
  const dataSubnets = (
    ctx.env.network.subnets[dataSubnetTier(ctx.env)] ?? []
  ).map(s => s.cidr);
  const egress: Record<string, unknown>[] = [
    {
      to: [namespaceSelector('kube-system')],
      ports: [
        { protocol: 'UDP', port: 53 },
        { protocol: 'TCP', port: 53 },
      ],
    },
    { to: [{ podSelector: {} }] },
    ...(dataPorts.length
      ? [
          {
            to: dataSubnets.map(cidr => ({ ipBlock: { cidr } })),
            ports: dataPorts.map(port => ({ protocol: 'TCP', port })),
          },
        ]
      : []),
    {
      to: [{ ipBlock: { cidr: '0.0.0.0/0' } }],
      ports: [{ protocol: 'TCP', port: 443 }],
    },
  ];
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: objectMeta(ctx, workload.name, workload),
    spec: {
      podSelector: { matchLabels: selectorLabels(workload) },
      policyTypes: ['Ingress', 'Egress'],
      ingress,
      egress,
    },
  };
}

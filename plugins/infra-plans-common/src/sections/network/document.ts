/** The network's parts of the generated documents. */
import type { DeploymentEnvironment } from '../../documents/deploymentArchitecturePlan';
import {
  SUBNET_TIERS,
  describePeer,
  describePorts,
  usableAddresses,
} from '../../documents/derive';
import { facts, num, table, yesNo } from '../../documents/markdown';
import type { EnvironmentPlan } from '../../schema';

/** `Infrastructure_Requirements.md`: VPC facts, subnets, load balancers, security groups and NACLs. */
export function networkRequirements(env: EnvironmentPlan): string {
  const net = env.network;
  const out: string[] = ['### Network\n\n'];
  out.push(
    facts([
      ['VPC', net.vpc.cidr],
      ['Availability zones', net.vpc.availabilityZones.join(', ')],
      ['NAT gateways', net.vpc.natGateways ?? 'unspecified'],
      ['Flow logs', yesNo(net.vpc.flowLogs)],
    ]),
  );
  out.push('\n#### Subnets\n\n');
  out.push(
    table(
      ['Tier', 'Availability zone', 'CIDR', 'Usable addresses'],
      SUBNET_TIERS.flatMap(tier =>
        (net.subnets[tier] ?? []).map(s => {
          const usable = usableAddresses(s.cidr);
          return [
            tier,
            s.az,
            s.cidr,
            usable === null ? 'invalid' : num(usable),
          ];
        }),
      ),
    ),
  );
  out.push('\n#### Load balancers\n\n');
  out.push(
    table(
      ['Name', 'Type', 'Scheme', 'Listeners', 'Targets', 'Security groups'],
      (net.loadBalancers ?? []).map(lb => [
        lb.name,
        lb.type,
        lb.scheme,
        lb.listeners
          .map(
            l =>
              `${l.protocol} ${l.port}${l.redirectToHttps ? ' → HTTPS' : ''}`,
          )
          .join(', '),
        [
          ...(lb.targets ?? []),
          ...env.workloads
            .filter(
              w =>
                w.expose?.loadBalancer === lb.name &&
                !(lb.targets ?? []).includes(w.name),
            )
            .map(w => w.name),
        ].join(', '),
        (lb.securityGroups ?? []).join(', '),
      ]),
    ),
  );
  out.push('\n#### Security groups\n\n');
  out.push(
    table(
      ['Group', 'Direction', 'Protocol', 'Ports', 'Peer', 'Description'],
      (net.securityGroups ?? []).flatMap(g =>
        (['ingress', 'egress'] as const).flatMap(dir =>
          (g[dir] ?? []).map(r => [
            g.name,
            dir,
            r.protocol,
            describePorts(r.protocol, r.ports),
            describePeer(r),
            r.description ?? r.name ?? g.description,
          ]),
        ),
      ),
    ),
  );
  if ((net.nacls ?? []).length) {
    out.push('\n#### Network ACLs\n\n');
    out.push(
      table(
        [
          'ACL',
          'Subnets',
          'Direction',
          'Rule',
          'Protocol',
          'Ports',
          'CIDR',
          'Action',
        ],
        (net.nacls ?? []).flatMap(n =>
          (['ingress', 'egress'] as const).flatMap(dir =>
            (n[dir] ?? []).map(r => [
              n.name,
              n.subnets,
              dir,
              r.rule,
              r.protocol,
              describePorts(r.protocol, r.ports),
              r.cidr,
              r.action,
            ]),
          ),
        ),
      ),
    );
  }
  return out.join('');
}

/** The workloads a load balancer routes to: its targets and the workloads exposed on it. */
function routedWorkloads(
  env: EnvironmentPlan,
  lbName: string,
  targets: string[] = [],
) {
  return [
    ...new Set([
      ...targets,
      ...env.workloads
        .filter(w => w.expose?.loadBalancer === lbName)
        .map(w => w.name),
    ]),
  ];
}

/** `Deployment_Architecture_Plan.json`: the environment's `network`. */
export function networkDeployment(
  env: EnvironmentPlan,
): DeploymentEnvironment['network'] {
  const net = env.network;
  return {
    vpcCidr: net.vpc.cidr,
    availabilityZones: [...net.vpc.availabilityZones],
    natGateways: net.vpc.natGateways ?? null,
    flowLogs: net.vpc.flowLogs ?? false,
    subnets: SUBNET_TIERS.flatMap(tier =>
      (net.subnets[tier] ?? []).map(s => ({
        tier,
        az: s.az,
        cidr: s.cidr,
        usableAddresses: usableAddresses(s.cidr),
      })),
    ),
    loadBalancers: (net.loadBalancers ?? []).map(lb => ({
      name: lb.name,
      type: lb.type,
      scheme: lb.scheme,
      subnetTier:
        lb.subnets ?? (lb.scheme === 'internet-facing' ? 'public' : 'private'),
      listeners: lb.listeners.map(l => ({
        port: l.port,
        protocol: l.protocol,
        redirectToHttps: l.redirectToHttps ?? false,
      })),
      targets: routedWorkloads(env, lb.name, lb.targets),
      securityGroups: lb.securityGroups ?? [],
    })),
    securityGroups: (net.securityGroups ?? []).map(g => ({
      name: g.name,
      rules: (['ingress', 'egress'] as const).flatMap(direction =>
        (g[direction] ?? []).map(r => ({
          direction,
          protocol: r.protocol,
          ports: describePorts(r.protocol, r.ports),
          peer: describePeer(r),
        })),
      ),
    })),
  };
}

/** `Scalability_Architecture_Design.md`: load balancing across the zones. */
export function loadBalancingScalability(env: EnvironmentPlan): string {
  const azCount = env.network.vpc.availabilityZones.length;
  const out: string[] = ['### Load balancing\n\n'];
  out.push(
    table(
      [
        'Load balancer',
        'Type',
        'Scheme',
        'Listeners',
        'Targets',
        'Idle timeout',
      ],
      (env.network.loadBalancers ?? []).map(lb => [
        lb.name,
        lb.type === 'application' ? 'Application (L7)' : 'Network (L4)',
        lb.scheme,
        lb.listeners.map(l => `${l.protocol} ${l.port}`).join(', '),
        routedWorkloads(env, lb.name, lb.targets).join(', '),
        lb.idleTimeout ?? 'default',
      ]),
    ),
  );
  if ((env.network.loadBalancers ?? []).length) {
    out.push(
      `\nLoad balancers span all ${azCount} availability zones (${env.network.vpc.availabilityZones.join(
        ', ',
      )}) and route to pod IPs (target type ip), so new replicas receive traffic as soon as they pass their readiness probe.\n\n`,
    );
  } else {
    out.push(
      '\nNo load balancer: the workloads take no inbound traffic from outside the cluster.\n\n',
    );
  }
  return out.join('');
}

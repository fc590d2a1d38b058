/**
 * Network rules: CIDRs, subnets per zone and tier, where databases and NAT
 * gateways go, load balancers, security groups and network ACLs.
 */
import {
  Cidr,
  cidrContains,
  cidrsOverlap,
  isAnyAddress,
  parseCidr,
} from '../../cidr';
import type { IssueSink, PathSegment } from '../../issues';
import { formatPortRange, parsePortRange } from '../../units';
import type { EnvContext } from '../shared/ruleContext';
import { checkUniqueNames, requireForTier } from '../shared/ruleHelpers';
import type { SecurityGroupRule, SubnetTier } from './schema';

const SUBNET_TIERS: SubnetTier[] = ['public', 'private', 'database'];
const WEB_PORTS = new Set([80, 443]);

/**
 * Parses a CIDR at a path and reports it when invalid (`cidr-syntax`), when
 * host bits are set (`cidr-host-bits`) or when it has the wrong address
 * family (`cidr-family`). Returns the block only when it is usable.
 */
function checkCidr(
  sink: IssueSink,
  segments: PathSegment[],
  value: string,
  options: { ipv4Only?: boolean; what?: string } = {},
): Cidr | undefined {
  const parsed = parseCidr(value);
  if (!parsed.ok) {
    const { problem, hint, suggestion } = parsed.error;
    if (suggestion) {
      sink.error('cidr-host-bits', segments, problem, hint);
    } else {
      sink.error(
        'cidr-syntax',
        segments,
        `${value} is not a valid CIDR block: ${problem}`,
        hint,
      );
    }
    return undefined;
  }
  if (options.ipv4Only && parsed.cidr.family !== 'ipv4') {
    sink.error(
      'cidr-family',
      segments,
      `${value} is IPv6; ${options.what ?? 'this block'} must be IPv4`,
      'AWS VPCs and subnets have a primary IPv4 block; write one such as 10.0.0.0/16',
    );
    return undefined;
  }
  return parsed.cidr;
}

/** Every network rule of one environment. */
export function checkNetwork(ctx: EnvContext): void {
  const { env } = ctx;
  const net = env.network;
  const sink = ctx.sink.at('network');

  const vpc = checkCidr(sink, ['vpc', 'cidr'], net.vpc.cidr, {
    ipv4Only: true,
    what: 'the VPC block',
  });
  if (vpc && (vpc.prefix < 16 || vpc.prefix > 28)) {
    sink.error(
      'vpc-size',
      ['vpc', 'cidr'],
      `a VPC block must be between /16 and /28; ${net.vpc.cidr} is /${vpc.prefix}`,
      vpc.prefix < 16
        ? 'use a /16 (65,536 addresses) and add secondary blocks later if needed'
        : 'use a larger block, such as a /16 or /20',
    );
  }

  // Availability zones.
  const azs = net.vpc.availabilityZones;
  const azPattern = new RegExp(`^${escapeRegExp(env.region)}[a-z]$`);
  azs.forEach((az, index) => {
    if (!azPattern.test(az)) {
      sink.error(
        'az-region',
        ['vpc', 'availabilityZones', index],
        `availability zone ${az} is not in the environment's region ${env.region}`,
        `name zones after the region, e.g. ${env.region}a, ${env.region}b`,
      );
    }
    if (azs.indexOf(az) !== index) {
      sink.error(
        'az-region',
        ['vpc', 'availabilityZones', index],
        `availability zone ${az} is listed twice`,
        'list each zone once',
      );
    }
  });
  const distinctAzs = [...new Set(azs)];
  if (distinctAzs.length < 2) {
    sink.error(
      'eks-min-azs',
      ['vpc', 'availabilityZones'],
      `only ${distinctAzs.length} availability zone; EKS needs subnets in at least two`,
      `add a second zone, e.g. ${env.region}b, with its own subnets`,
    );
  } else if (distinctAzs.length < 3) {
    requireForTier(
      ctx,
      'three-azs',
      ['network', 'vpc', 'availabilityZones'],
      `only ${distinctAzs.length} availability zones`,
      `add a third zone (e.g. ${env.region}c) so losing one zone leaves two`,
    );
  }

  // Subnets: syntax, containment, one per AZ per tier.
  const valid: { tier: SubnetTier; index: number; cidr: Cidr }[] = [];
  for (const tier of SUBNET_TIERS) {
    const subnets = net.subnets[tier];
    if (!subnets) continue;
    const byAz = new Map<string, number>();
    subnets.forEach((subnet, index) => {
      const path: PathSegment[] = ['subnets', tier, index];
      const cidr = checkCidr(sink, [...path, 'cidr'], subnet.cidr, {
        ipv4Only: true,
        what: 'a subnet block',
      });
      if (cidr) {
        if (vpc && !cidrContains(vpc, cidr)) {
          sink.error(
            'subnet-outside-vpc',
            [...path, 'cidr'],
            `${tier} subnet ${subnet.cidr} is outside the VPC ${net.vpc.cidr}`,
            `choose a block inside ${net.vpc.cidr}`,
          );
        } else {
          valid.push({ tier, index, cidr });
        }
      }
      if (!distinctAzs.includes(subnet.az)) {
        sink.error(
          'subnet-az-coverage',
          [...path, 'az'],
          `${tier} subnet ${subnet.cidr} is in ${
            subnet.az
          }, which is not one of the VPC's zones (${distinctAzs.join(', ')})`,
          `add ${subnet.az} to network.vpc.availabilityZones or move the subnet`,
        );
      } else if (byAz.has(subnet.az)) {
        sink.error(
          'subnet-az-coverage',
          [...path, 'az'],
          `${subnet.az} has two ${tier} subnets (also ${tier}[${byAz.get(
            subnet.az,
          )}])`,
          `each tier has exactly one subnet per availability zone; remove or merge one`,
        );
      } else {
        byAz.set(subnet.az, index);
      }
    });
    const missing = distinctAzs.filter(az => !byAz.has(az));
    if (missing.length > 0) {
      sink.error(
        'subnet-az-coverage',
        ['subnets', tier],
        `no ${tier} subnet in ${missing.join(', ')}`,
        `each tier has one subnet in every zone of network.vpc.availabilityZones; add ${missing
          .map(az => `{ az: ${az}, cidr: ... }`)
          .join(', ')}`,
      );
    }
  }
  for (let i = 0; i < valid.length; i++) {
    for (let j = 0; j < i; j++) {
      if (cidrsOverlap(valid[i].cidr, valid[j].cidr)) {
        const other = valid[j];
        sink.error(
          'subnet-overlap',
          ['subnets', valid[i].tier, valid[i].index, 'cidr'],
          `${valid[i].tier} subnet ${valid[i].cidr.text} overlaps ${other.tier}[${other.index}] ${other.cidr.text}`,
          'subnets of one VPC must not share addresses; pick a free block',
        );
        break;
      }
    }
  }

  // Where things go.
  const databases = env.data?.databases ?? [];
  if (databases.length > 0) {
    const dbSubnets = net.subnets.database;
    if (!dbSubnets || dbSubnets.length === 0) {
      sink.warning(
        'database-subnets',
        ['subnets'],
        'databases are defined but there is no database subnet tier; they would share the private subnets with workloads',
        'add subnets.database with one subnet per zone, reachable only from the application security group',
      );
    } else if (new Set(dbSubnets.map(s => s.az)).size < 2) {
      sink.error(
        'database-subnets',
        ['subnets', 'database'],
        'database subnets cover fewer than two availability zones; an RDS subnet group needs two',
        'add a database subnet in a second zone',
      );
    }
  }
  const hasPublic = (net.subnets.public ?? []).length > 0;
  if (net.vpc.natGateways && net.vpc.natGateways !== 'none' && !hasPublic) {
    sink.error(
      'nat-public-subnets',
      ['vpc', 'natGateways'],
      'NAT gateways live in public subnets, and there are none',
      'add subnets.public or set natGateways: none',
    );
  } else if (
    hasPublic &&
    net.vpc.natGateways !== 'one-per-az' &&
    distinctAzs.length > 1
  ) {
    requireForTier(
      ctx,
      'nat-per-az',
      ['network', 'vpc', 'natGateways'],
      `natGateways is ${
        net.vpc.natGateways ?? 'unset'
      }; losing its zone cuts every private subnet off the internet`,
      'set natGateways: one-per-az',
    );
  }
  if (!net.vpc.flowLogs) {
    requireForTier(
      ctx,
      'flow-logs',
      ['network', 'vpc', 'flowLogs'],
      'VPC flow logs are off',
      'set flowLogs: true (audit logging for the compliance controls)',
    );
  }

  checkLoadBalancers(ctx, hasPublic);
  checkSecurityGroups(ctx);
  checkNacls(ctx);
}

function checkLoadBalancers(ctx: EnvContext, hasPublic: boolean): void {
  const net = ctx.env.network;
  const sink = ctx.sink.at('network', 'loadBalancers');
  const lbs = net.loadBalancers ?? [];
  checkUniqueNames(sink, [], lbs, 'load balancer');
  const groups = new Set((net.securityGroups ?? []).map(g => g.name));
  const workloads = new Map(ctx.env.workloads.map(w => [w.name, w]));
  lbs.forEach((lb, index) => {
    if (lb.scheme === 'internet-facing' && !hasPublic) {
      sink.error(
        'lb-placement',
        [index, 'scheme'],
        `load balancer ${lb.name} is internet-facing but the VPC has no public subnets`,
        'add subnets.public (one per zone) or make the load balancer internal',
      );
    }
    if (lb.scheme === 'internal' && lb.subnets === 'public') {
      sink.warning(
        'lb-placement',
        [index, 'subnets'],
        `internal load balancer ${lb.name} sits in public subnets`,
        'place internal load balancers in the private subnets',
      );
    }
    lb.listeners.forEach((listener, li) => {
      const allowed =
        lb.type === 'application' ? ['HTTP', 'HTTPS'] : ['TCP', 'TLS', 'UDP'];
      if (!allowed.includes(listener.protocol)) {
        sink.error(
          'lb-listeners',
          [index, 'listeners', li, 'protocol'],
          `an ${lb.type} load balancer cannot listen on ${listener.protocol}`,
          `use ${allowed.join(' or ')}${
            lb.type === 'application'
              ? ', or a network load balancer for TCP/TLS'
              : ', or an application load balancer for HTTP(S)'
          }`,
        );
      }
      if (
        (listener.protocol === 'HTTPS' || listener.protocol === 'TLS') &&
        !listener.certificate
      ) {
        sink.error(
          'lb-listeners',
          [index, 'listeners', li],
          `${listener.protocol} listener on port ${listener.port} of ${lb.name} has no certificate`,
          'set certificate to the ACM certificate ARN (or the name the generator resolves)',
        );
      }
      if (
        listener.protocol === 'HTTP' &&
        lb.scheme === 'internet-facing' &&
        !listener.redirectToHttps &&
        ctx.tier !== 'development'
      ) {
        sink.warning(
          'lb-listeners',
          [index, 'listeners', li],
          `internet-facing ${lb.name} serves plain HTTP on port ${listener.port}`,
          'set redirectToHttps: true and serve traffic on an HTTPS listener',
        );
      }
    });
    (lb.targets ?? []).forEach((target, ti) => {
      const workload = workloads.get(target);
      if (!workload) {
        sink.error(
          'lb-targets',
          [index, 'targets', ti],
          `load balancer ${lb.name} targets workload ${target}, which is not defined`,
          `define a workload named ${target} or use one of: ${[
            ...workloads.keys(),
          ].join(', ')}`,
        );
      } else if (workload.type !== 'service' || !workload.ports?.length) {
        sink.error(
          'lb-targets',
          [index, 'targets', ti],
          `load balancer ${lb.name} targets ${target}, which exposes no ports`,
          'only service workloads with ports can be load balancer targets',
        );
      }
    });
    (lb.securityGroups ?? []).forEach((group, gi) => {
      if (!groups.has(group)) {
        sink.error(
          'sg-reference',
          [index, 'securityGroups', gi],
          `security group ${group} is not defined`,
          `define it under network.securityGroups`,
        );
      }
    });
    if (lb.scheme === 'internet-facing' && lb.type === 'application') {
      const waf = ctx.env.security?.waf;
      if (!waf?.enabled || !(waf.rules ?? []).length) {
        requireForTier(
          ctx,
          'waf',
          ['network', 'loadBalancers', index],
          `internet-facing load balancer ${lb.name} has no WAF in front of it`,
          'add security.waf with enabled: true and rules (rate limit, AWS managed rule groups)',
        );
      }
    }
  });
}

function describePeer(rule: SecurityGroupRule): string {
  if (rule.cidr) return rule.cidr;
  if (rule.securityGroup) return `security group ${rule.securityGroup}`;
  return 'itself';
}

function checkSecurityGroups(ctx: EnvContext): void {
  const groupsList = ctx.env.network.securityGroups ?? [];
  const sink = ctx.sink.at('network', 'securityGroups');
  checkUniqueNames(sink, [], groupsList, 'security group');
  const names = new Set(groupsList.map(g => g.name));
  groupsList.forEach((group, gi) => {
    for (const direction of ['ingress', 'egress'] as const) {
      (group[direction] ?? []).forEach((rule, ri) => {
        const path: PathSegment[] = [gi, direction, ri];
        if (rule.cidr) checkCidr(sink, [...path, 'cidr'], rule.cidr);
        if (rule.securityGroup && !names.has(rule.securityGroup)) {
          sink.error(
            'sg-reference',
            [...path, 'securityGroup'],
            `security group ${group.name} refers to ${rule.securityGroup}, which is not defined`,
            `define ${rule.securityGroup} under network.securityGroups or fix the name`,
          );
        }
        if (direction !== 'ingress' || !rule.cidr || !isAnyAddress(rule.cidr)) {
          return;
        }
        const range =
          rule.protocol === 'all'
            ? { from: 0, to: 65535 }
            : parsePortRange(rule.ports);
        if (rule.protocol === 'icmp') {
          sink.warning(
            'sg-open-world',
            path,
            `security group ${group.name} accepts ICMP from ${rule.cidr}`,
            'limit ICMP to the VPC block or to known monitoring ranges',
          );
          return;
        }
        if (!range) return;
        const onlyWeb =
          range.to - range.from < 2 &&
          [range.from, range.to].every(p => WEB_PORTS.has(p));
        if (!onlyWeb) {
          const ports =
            rule.protocol === 'all'
              ? 'all ports'
              : `port ${formatPortRange(range)}`;
          sink.error(
            'sg-open-world',
            path,
            `security group ${group.name} opens ${ports} (${
              rule.protocol
            }) to ${describePeer(rule)}`,
            'only 80 and 443 may be open to the internet; restrict the source to a security group or the VPC block, or use SSM Session Manager instead of SSH',
          );
        }
      });
    }
  });
}

function checkNacls(ctx: EnvContext): void {
  const nacls = ctx.env.network.nacls ?? [];
  const sink = ctx.sink.at('network', 'nacls');
  checkUniqueNames(sink, [], nacls, 'network ACL');
  nacls.forEach((nacl, ni) => {
    if (!(ctx.env.network.subnets[nacl.subnets] ?? []).length) {
      sink.error(
        'nacl-rules',
        [ni, 'subnets'],
        `network ACL ${nacl.name} applies to the ${nacl.subnets} subnets, and there are none`,
        `add subnets.${nacl.subnets} or attach the ACL to another tier`,
      );
    }
    for (const direction of ['ingress', 'egress'] as const) {
      const seen = new Map<number, number>();
      (nacl[direction] ?? []).forEach((rule, ri) => {
        const path: PathSegment[] = [ni, direction, ri];
        if (rule.rule < 1 || rule.rule > 32766) {
          sink.error(
            'nacl-rules',
            [...path, 'rule'],
            `rule number ${rule.rule} is outside 1–32766`,
            'number rules 100, 110, 120… so new ones fit in between',
          );
        } else if (seen.has(rule.rule)) {
          sink.error(
            'nacl-rules',
            [...path, 'rule'],
            `rule number ${rule.rule} is used twice in ${
              nacl.name
            } ${direction} (also [${seen.get(rule.rule)}])`,
            'rule numbers order evaluation and must be unique per direction',
          );
        } else {
          seen.set(rule.rule, ri);
        }
        checkCidr(sink, [...path, 'cidr'], rule.cidr);
        if (
          (rule.protocol === 'tcp' || rule.protocol === 'udp') &&
          !rule.ports
        ) {
          sink.error(
            'nacl-rules',
            [...path, 'ports'],
            `a ${rule.protocol} NACL rule needs ports`,
            'add ports: 443 or ports: "1024-65535" (ephemeral ports for return traffic)',
          );
        }
      });
    }
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

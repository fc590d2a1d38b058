import { P, RuleCase } from '../../__fixtures__/ruleCases';

/** The network rules, each broken on the full fixture plan's production environment (and its nearest valid variant). */
export const networkRuleCases: RuleCase[] = [
  {
    rule: 'cidr-syntax',
    name: 'an octet above 255',
    fail: env => (env.network.subnets.private[1].cidr = '10.30.300.0/20'),
    path: `${P}.network.subnets.private[1].cidr`,
    hint: /300 is not an IPv4 octet \(0–255\)/,
    pass: env => (env.network.subnets.private[1].cidr = '10.30.32.0/20'),
  },
  {
    rule: 'cidr-host-bits',
    name: 'host bits set',
    fail: env => (env.network.subnets.public![0].cidr = '10.30.1.5/24'),
    path: `${P}.network.subnets.public[0].cidr`,
    hint: /did you mean 10\.30\.1\.0\/24\?/,
    pass: env => (env.network.subnets.public![0].cidr = '10.30.1.0/24'),
  },
  {
    rule: 'cidr-family',
    name: 'an IPv6 VPC',
    fail: env => (env.network.vpc.cidr = '2001:db8::/56'),
    path: `${P}.network.vpc.cidr`,
  },
  {
    rule: 'vpc-size',
    name: 'a /8 VPC',
    fail: env => (env.network.vpc.cidr = '10.0.0.0/8'),
    path: `${P}.network.vpc.cidr`,
    pass: env => (env.network.vpc.cidr = '10.30.0.0/16'),
  },
  {
    rule: 'subnet-outside-vpc',
    name: 'a database subnet in another /16',
    fail: env => (env.network.subnets.database![0].cidr = '10.31.128.0/24'),
    path: `${P}.network.subnets.database[0].cidr`,
    problem: /outside the VPC 10\.30\.0\.0\/16/,
    pass: env => (env.network.subnets.database![0].cidr = '10.30.200.0/24'),
  },
  {
    rule: 'subnet-overlap',
    name: 'a database subnet inside a private /20',
    fail: env => (env.network.subnets.database![1].cidr = '10.30.20.0/24'),
    path: `${P}.network.subnets.database[1].cidr`,
    problem: /overlaps private\[0\] 10\.30\.16\.0\/20/,
    pass: env => (env.network.subnets.database![1].cidr = '10.30.131.0/24'),
  },
  {
    rule: 'subnet-az-coverage',
    name: 'a zone without a private subnet',
    fail: env => env.network.subnets.private.pop(),
    path: `${P}.network.subnets.private`,
    problem: /no private subnet in us-east-1c/,
  },
  {
    rule: 'subnet-az-coverage',
    name: 'two public subnets in one zone',
    fail: env => (env.network.subnets.public![2].az = 'us-east-1a'),
    path: `${P}.network.subnets.public[2].az`,
  },
  {
    rule: 'az-region',
    name: 'a zone of another region',
    fail: env => (env.network.vpc.availabilityZones[2] = 'us-west-2c'),
    path: `${P}.network.vpc.availabilityZones[2]`,
  },
  {
    rule: 'eks-min-azs',
    name: 'a single zone',
    fail: env => {
      env.network.vpc.availabilityZones = ['us-east-1a'];
      for (const tier of ['public', 'private', 'database'] as const) {
        env.network.subnets[tier] = env.network.subnets[tier]!.slice(0, 1);
      }
    },
    path: `${P}.network.vpc.availabilityZones`,
  },
  {
    rule: 'database-subnets',
    name: 'databases without a database subnet tier',
    fail: env => delete env.network.subnets.database,
    path: `${P}.network.subnets`,
    severity: 'warning',
  },
  {
    rule: 'nat-public-subnets',
    name: 'NAT gateways without public subnets',
    fail: env => {
      delete env.network.subnets.public;
      env.network.loadBalancers = [];
      env.workloads[0].expose = undefined;
    },
    path: `${P}.network.vpc.natGateways`,
  },
  {
    rule: 'lb-listeners',
    name: 'an HTTPS listener without a certificate',
    fail: env => delete env.network.loadBalancers![0].listeners[0].certificate,
    path: `${P}.network.loadBalancers[0].listeners[0]`,
  },
  {
    rule: 'lb-listeners',
    name: 'a TCP listener on an ALB',
    fail: env => (env.network.loadBalancers![0].listeners[0].protocol = 'TCP'),
    path: `${P}.network.loadBalancers[0].listeners[0].protocol`,
  },
  {
    rule: 'lb-placement',
    name: 'an internet-facing load balancer without public subnets',
    fail: env => {
      delete env.network.subnets.public;
      env.network.vpc.natGateways = 'none';
    },
    path: `${P}.network.loadBalancers[0].scheme`,
    pass: env => (env.network.loadBalancers![0].scheme = 'internal'),
  },
  {
    rule: 'lb-targets',
    name: 'an unknown target',
    fail: env => (env.network.loadBalancers![0].targets = ['nope']),
    path: `${P}.network.loadBalancers[0].targets[0]`,
  },
  {
    rule: 'sg-reference',
    name: 'a rule from an unknown security group',
    fail: env =>
      (env.network.securityGroups![1].ingress[0].securityGroup = 'lb'),
    path: `${P}.network.securityGroups[1].ingress[0].securityGroup`,
  },
  {
    rule: 'sg-open-world',
    name: 'SSH open to 0.0.0.0/0',
    fail: env =>
      env.network.securityGroups![1].ingress.push({
        name: 'ssh',
        protocol: 'tcp',
        ports: 22,
        cidr: '0.0.0.0/0',
      }),
    path: `${P}.network.securityGroups[1].ingress[1]`,
    problem: /opens port 22 \(tcp\) to 0\.0\.0\.0\/0/,
    pass: env =>
      env.network.securityGroups![1].ingress.push({
        name: 'ssh',
        protocol: 'tcp',
        ports: 22,
        cidr: '10.30.0.0/16',
      }),
  },
  {
    rule: 'sg-open-world',
    name: 'all traffic open to ::/0',
    fail: env =>
      env.network.securityGroups![0].ingress.push({
        protocol: 'all',
        cidr: '::/0',
      }),
    path: `${P}.network.securityGroups[0].ingress[2]`,
    problem: /all ports/,
    pass: env =>
      env.network.securityGroups![0].ingress.push({
        protocol: 'tcp',
        ports: 443,
        cidr: '::/0',
      }),
  },
  {
    rule: 'nacl-rules',
    name: 'a repeated NACL rule number',
    fail: env =>
      (env.network.nacls = [
        {
          name: 'public',
          subnets: 'public',
          ingress: [
            {
              rule: 100,
              protocol: 'tcp',
              ports: 443,
              cidr: '0.0.0.0/0',
              action: 'allow',
            },
            {
              rule: 100,
              protocol: 'tcp',
              ports: 80,
              cidr: '0.0.0.0/0',
              action: 'allow',
            },
          ],
        },
      ]),
    path: `${P}.network.nacls[0].ingress[1].rule`,
    pass: env =>
      (env.network.nacls = [
        {
          name: 'public',
          subnets: 'public',
          ingress: [
            {
              rule: 100,
              protocol: 'tcp',
              ports: 443,
              cidr: '0.0.0.0/0',
              action: 'allow',
            },
            {
              rule: 110,
              protocol: 'tcp',
              ports: 80,
              cidr: '0.0.0.0/0',
              action: 'allow',
            },
          ],
        },
      ]),
  },
];

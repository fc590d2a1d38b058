/**
 * The network of a preset environment: a VPC over two zones (development)
 * or three, public, private and (with a database) database subnets in each,
 * one internet-facing load balancer for the main workload and the security
 * groups between the load balancer, the nodes and the data stores.
 */
import { carveSubnet } from '../../cidr';
import type { Tier } from '../../schema';
import type { PresetContext } from '../shared/presetContext';
import type { NetworkPlan, Subnet } from './schema';

const AVAILABILITY_ZONES: Record<Tier, number> = {
  development: 2,
  staging: 3,
  production: 3,
};

const DEFAULT_VPC: Record<Tier, string> = {
  development: '10.10.0.0/16',
  staging: '10.20.0.0/16',
  production: '10.30.0.0/16',
};

/**
 * The VPC block of a preset: the caller's, else the tier's default. It must
 * be a /16 to /20, the sizes {@link carveSubnets} can split.
 */
export function presetVpcCidr(tier: Tier, requested?: string): string {
  const vpc = requested ?? DEFAULT_VPC[tier];
  const vpcPrefix = Number(vpc.split('/')[1]);
  if (!(vpcPrefix >= 16 && vpcPrefix <= 20)) {
    throw new Error(
      `presetFor needs a VPC block between /16 and /20, got ${vpc}`,
    );
  }
  return vpc;
}

/**
 * Subnets carved from a VPC of prefix p: the VPC splits into 16 blocks of
 * p+4; private subnets take blocks 1, 2, 3…; block 0 splits again into p+8
 * public subnets 1, 2, 3…; block 8 into p+8 database subnets 0, 1, 2…
 * For a /16: public 10.x.1-3.0/24, private 10.x.16/32/48.0/20, database
 * 10.x.128-130.0/24.
 */
function carveSubnets(vpc: string, azs: string[], database: boolean) {
  const prefix = Number(vpc.split('/')[1]);
  const publicBlock = carveSubnet(vpc, prefix + 4, 0);
  const databaseBlock = carveSubnet(vpc, prefix + 4, 8);
  const make = (f: (i: number) => string): Subnet[] =>
    azs.map((az, i) => ({ az, cidr: f(i) }));
  return {
    public: make(i => carveSubnet(publicBlock, prefix + 8, i + 1)),
    private: make(i => carveSubnet(vpc, prefix + 4, i + 1)),
    ...(database
      ? { database: make(i => carveSubnet(databaseBlock, prefix + 8, i)) }
      : {}),
  };
}

export function presetNetwork(ctx: PresetContext): NetworkPlan {
  const { tier, region, vpcCidr, workload } = ctx;
  const production = tier === 'production';
  const azs = ['a', 'b', 'c']
    .slice(0, AVAILABILITY_ZONES[tier])
    .map(letter => `${region}${letter}`);
  return {
    vpc: {
      cidr: vpcCidr,
      availabilityZones: azs,
      natGateways: production ? 'one-per-az' : 'single',
      flowLogs: tier !== 'development',
    },
    subnets: carveSubnets(vpcCidr, azs, ctx.database),
    loadBalancers: [
      {
        name: 'public',
        type: 'application',
        scheme: 'internet-facing',
        listeners: [
          {
            port: 443,
            protocol: 'HTTPS',
            certificate: `${workload.name}-${tier}-tls`,
          },
          { port: 80, protocol: 'HTTP', redirectToHttps: true },
        ],
        targets: [workload.name],
        securityGroups: ['alb'],
      },
    ],
    securityGroups: [
      {
        name: 'alb',
        description:
          'Load balancer: HTTPS and HTTP (redirect) from the internet',
        ingress: [
          { name: 'https', protocol: 'tcp', ports: 443, cidr: '0.0.0.0/0' },
          { name: 'http', protocol: 'tcp', ports: 80, cidr: '0.0.0.0/0' },
        ],
      },
      {
        name: 'app',
        description: 'Worker nodes: application port from the load balancer',
        ingress: [
          {
            name: 'from-alb',
            protocol: 'tcp',
            ports: workload.port,
            securityGroup: 'alb',
          },
        ],
      },
      ...(ctx.database || ctx.cache
        ? [
            {
              name: 'data',
              description:
                'Databases and caches: reachable from the application only',
              ingress: [
                ...(ctx.database
                  ? [
                      {
                        name: 'postgres',
                        protocol: 'tcp' as const,
                        ports: 5432,
                        securityGroup: 'app',
                      },
                    ]
                  : []),
                ...(ctx.cache
                  ? [
                      {
                        name: 'redis',
                        protocol: 'tcp' as const,
                        ports: 6379,
                        securityGroup: 'app',
                      },
                    ]
                  : []),
              ],
            },
          ]
        : []),
    ],
  };
}

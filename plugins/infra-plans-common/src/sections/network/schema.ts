/**
 * The `network` section: the VPC, its subnets per tier and zone, load
 * balancers, security groups and network ACLs (`aws_vpc`, `aws_subnet`,
 * `aws_lb`, `aws_security_group`, `aws_network_acl`).
 */
import { z } from 'zod';
import {
  dnsName,
  duration,
  hinted,
  port,
  portRange,
  resourceName,
} from '../shared/schemaPrimitives';

/** One subnet in one availability zone. @public */
export const subnetSchema = z
  .object({
    az: z.string().min(1),
    cidr: z.string().min(1),
    name: resourceName.optional(),
  })
  .strict();

/** A security group rule: a protocol, ports and exactly one source/destination. */
const securityGroupRuleSchema = z
  .object({
    name: resourceName.optional(),
    description: z.string().optional(),
    protocol: z.enum(['tcp', 'udp', 'icmp', 'all']),
    ports: portRange.optional(),
    cidr: z.string().min(1).optional(),
    securityGroup: resourceName.optional(),
    self: z.boolean().optional(),
  })
  .strict()
  .superRefine((rule, ctx) => {
    const peers = [rule.cidr, rule.securityGroup, rule.self].filter(
      v => v !== undefined && v !== false,
    );
    if (peers.length !== 1) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        ...hinted(
          peers.length === 0
            ? 'the rule has no peer'
            : 'the rule has more than one peer',
          'set exactly one of cidr, securityGroup or self: true (write two rules for two peers)',
        ),
      });
    }
    if ((rule.protocol === 'tcp' || rule.protocol === 'udp') && !rule.ports) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['ports'],
        ...hinted(
          `a ${rule.protocol} rule needs ports`,
          'add ports: 443 or ports: "1024-65535"',
        ),
      });
    }
  });

/** @public */
export const securityGroupSchema = z
  .object({
    name: resourceName,
    description: z.string().optional(),
    ingress: z.array(securityGroupRuleSchema),
    egress: z.array(securityGroupRuleSchema).optional(),
  })
  .strict();

const naclRuleSchema = z
  .object({
    rule: z.number().int(),
    protocol: z.enum(['tcp', 'udp', 'icmp', 'all']),
    ports: portRange.optional(),
    cidr: z.string().min(1),
    action: z.enum(['allow', 'deny']),
  })
  .strict();

/** @public */
export const naclSchema = z
  .object({
    name: resourceName,
    subnets: z.enum(['public', 'private', 'database']),
    ingress: z.array(naclRuleSchema),
    egress: z.array(naclRuleSchema).optional(),
  })
  .strict();

/** @public */
export const loadBalancerSchema = z
  .object({
    name: dnsName,
    type: z.enum(['application', 'network']),
    scheme: z.enum(['internet-facing', 'internal']),
    /** Subnet tier the load balancer sits in; defaults from the scheme. */
    subnets: z.enum(['public', 'private']).optional(),
    listeners: z
      .array(
        z
          .object({
            port,
            protocol: z.enum(['HTTP', 'HTTPS', 'TCP', 'TLS', 'UDP']),
            /** ACM certificate ARN or a name the generator resolves. */
            certificate: z.string().optional(),
            redirectToHttps: z.boolean().optional(),
          })
          .strict(),
      )
      .min(1),
    /** Names of the workloads this load balancer routes to. */
    targets: z.array(dnsName).optional(),
    securityGroups: z.array(resourceName).optional(),
    idleTimeout: duration.optional(),
  })
  .strict();

/** @public */
export const networkSchema = z
  .object({
    vpc: z
      .object({
        cidr: z.string().min(1),
        availabilityZones: z.array(z.string().min(1)).min(1),
        natGateways: z.enum(['none', 'single', 'one-per-az']).optional(),
        flowLogs: z.boolean().optional(),
      })
      .strict(),
    subnets: z
      .object({
        public: z.array(subnetSchema).optional(),
        private: z.array(subnetSchema).min(1),
        database: z.array(subnetSchema).optional(),
      })
      .strict(),
    loadBalancers: z.array(loadBalancerSchema).optional(),
    securityGroups: z.array(securityGroupSchema).optional(),
    nacls: z.array(naclSchema).optional(),
  })
  .strict();

/** @public */
export type NetworkPlan = z.infer<typeof networkSchema>;
/** @public */
export type Subnet = z.infer<typeof subnetSchema>;
/** @public */
export type SubnetTier = 'public' | 'private' | 'database';
/** @public */
export type LoadBalancer = z.infer<typeof loadBalancerSchema>;
/** @public */
export type SecurityGroup = z.infer<typeof securityGroupSchema>;
/** @public */
export type SecurityGroupRule = SecurityGroup['ingress'][number];
/** @public */
export type Nacl = z.infer<typeof naclSchema>;

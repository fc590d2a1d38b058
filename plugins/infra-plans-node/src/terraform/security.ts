/**
 * security.tf: the plan's security groups with one rule resource per rule
 * (aws_vpc_security_group_ingress_rule / _egress_rule), network ACLs with
 * their numbered rules, the customer-managed KMS key when the plan asks for
 * one, and Secrets Manager secrets (names only; values are never generated).
 */
import {
  parsePortRange,
  type SecurityGroupRule,
} from '@gatehouse/plugin-infra-plans-common';
import { awsName, type RenderContext } from '../context';
import {
  BodyInput,
  HclValue,
  attr,
  block,
  identifier,
  ref,
  renderHclFile,
  template,
} from '../hcl/hcl';
import {
  awsDescription,
  days,
  nameTags,
  securityGroupRef,
  subnetIds,
} from './common';

const PROTOCOLS: Record<string, string> = {
  tcp: 'tcp',
  udp: 'udp',
  icmp: 'icmp',
  all: '-1',
};

function ruleBody(groupName: string, rule: SecurityGroupRule): BodyInput[] {
  const protocol = PROTOCOLS[rule.protocol];
  const range = parsePortRange(rule.ports);
  let ports: BodyInput[] = [];
  if (protocol === 'icmp') {
    ports = [attr('from_port', -1), attr('to_port', -1)];
  } else if (protocol !== '-1' && range) {
    ports = [attr('from_port', range.from), attr('to_port', range.to)];
  }
  let peer: BodyInput;
  if (rule.cidr) {
    peer = attr(rule.cidr.includes(':') ? 'cidr_ipv6' : 'cidr_ipv4', rule.cidr);
  } else if (rule.securityGroup) {
    peer = attr(
      'referenced_security_group_id',
      securityGroupRef(rule.securityGroup),
    );
  } else {
    peer = attr('referenced_security_group_id', securityGroupRef(groupName));
  }
  const description = rule.description ?? rule.name;
  return [
    attr('security_group_id', securityGroupRef(groupName)),
    description && attr('description', awsDescription(description)),
    attr('ip_protocol', protocol),
    ports,
    peer,
  ];
}

function ruleName(
  groupName: string,
  direction: string,
  rule: SecurityGroupRule,
  index: number,
  used: Set<string>,
): string {
  let name = identifier(
    `${groupName}_${direction}_${rule.name ?? String(index + 1)}`,
  );
  for (let n = 2; used.has(name); n++) name = `${name}_${n}`;
  used.add(name);
  return name;
}

function securityGroups(ctx: RenderContext): BodyInput[] {
  const used = new Set<string>();
  return (ctx.env.network.securityGroups ?? []).flatMap(sg => [
    block(
      'resource',
      ['aws_security_group', identifier(sg.name)],
      attr('name', awsName(ctx, sg.name, 255)),
      attr(
        'description',
        awsDescription(sg.description ?? `${sg.name} (${ctx.prefix})`),
      ),
      attr('vpc_id', ref('aws_vpc.this.id')),
      nameTags(awsName(ctx, sg.name, 255)),
    ),
    sg.ingress.map((rule, i) =>
      block(
        'resource',
        [
          'aws_vpc_security_group_ingress_rule',
          ruleName(sg.name, 'ingress', rule, i, used),
        ],
        ruleBody(sg.name, rule),
      ),
    ),
    // Terraform removes the default allow-all egress of a security group it
    // creates; without egress rules in the plan, put it back explicitly.
    (sg.egress?.length
      ? sg.egress
      : [{ name: 'all', protocol: 'all' as const, cidr: '0.0.0.0/0' }]
    ).map((rule, i) =>
      block(
        'resource',
        [
          'aws_vpc_security_group_egress_rule',
          ruleName(sg.name, 'egress', rule, i, used),
        ],
        ruleBody(sg.name, rule),
      ),
    ),
  ]);
}

function nacls(ctx: RenderContext): BodyInput[] {
  return (ctx.env.network.nacls ?? []).flatMap(nacl => {
    const name = identifier(nacl.name);
    const rules = [
      ...nacl.ingress.map(rule => ({ rule, egress: false })),
      ...(nacl.egress ?? []).map(rule => ({ rule, egress: true })),
    ];
    return [
      block(
        'resource',
        ['aws_network_acl', name],
        attr('vpc_id', ref('aws_vpc.this.id')),
        attr('subnet_ids', subnetIds(ctx, nacl.subnets)),
        nameTags(awsName(ctx, nacl.name, 255)),
      ),
      rules.map(({ rule, egress }) => {
        const protocol = PROTOCOLS[rule.protocol];
        const range = parsePortRange(rule.ports);
        return block(
          'resource',
          [
            'aws_network_acl_rule',
            `${name}_${egress ? 'egress' : 'ingress'}_${rule.rule}`,
          ],
          attr('network_acl_id', ref(`aws_network_acl.${name}.id`)),
          attr('rule_number', rule.rule),
          attr('egress', egress),
          attr('protocol', protocol),
          attr('rule_action', rule.action),
          attr(
            rule.cidr.includes(':') ? 'ipv6_cidr_block' : 'cidr_block',
            rule.cidr,
          ),
          protocol === 'icmp' && [attr('icmp_type', -1), attr('icmp_code', -1)],
          (protocol === 'tcp' || protocol === 'udp') &&
            range && [attr('from_port', range.from), attr('to_port', range.to)],
        );
      }),
    ];
  });
}

const KEY_USE = [
  'kms:Encrypt*',
  'kms:Decrypt*',
  'kms:ReEncrypt*',
  'kms:GenerateDataKey*',
  'kms:Describe*',
];

/**
 * The key policy: the account administers the key and lets its IAM policies
 * grant use (EKS, RDS, ElastiCache, S3, SQS use it that way); CloudWatch
 * Logs and the Auto Scaling service-linked role (encrypted node volumes)
 * are not IAM principals of the account and need their own statements.
 */
function kmsPolicy(ctx: RenderContext): BodyInput {
  const principals = (type: string, identifiers: HclValue) =>
    block(
      'principals',
      [],
      attr('type', type),
      attr('identifiers', identifiers),
    );
  return block(
    'data',
    ['aws_iam_policy_document', 'kms'],
    block(
      'statement',
      [],
      attr('sid', 'AccountAdministers'),
      attr('actions', ['kms:*']),
      attr('resources', ['*']),
      principals('AWS', [
        template(
          'arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:root',
        ),
      ]),
    ),
    block(
      'statement',
      [],
      attr('sid', 'CloudWatchLogs'),
      attr('actions', KEY_USE),
      attr('resources', ['*']),
      principals('Service', [`logs.${ctx.env.region}.amazonaws.com`]),
    ),
    block(
      'statement',
      [],
      attr('sid', 'AutoScalingVolumes'),
      attr('actions', [...KEY_USE, 'kms:CreateGrant']),
      attr('resources', ['*']),
      principals('AWS', [
        template(
          'arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling',
        ),
      ]),
    ),
  );
}

function kmsKey(ctx: RenderContext): BodyInput[] {
  if (!ctx.customerManagedKey) return [];
  return [
    kmsPolicy(ctx),
    block(
      'resource',
      ['aws_kms_key', 'this'],
      attr(
        'description',
        `Encryption at rest for ${ctx.service} (${ctx.envName}): EKS secrets, databases, caches, buckets, queues, logs`,
      ),
      attr('enable_key_rotation', true),
      attr('deletion_window_in_days', 30),
      attr('policy', ref('data.aws_iam_policy_document.kms.json')),
    ),
    block(
      'resource',
      ['aws_kms_alias', 'this'],
      attr('name', `alias/${ctx.prefix}`),
      attr('target_key_id', ref('aws_kms_key.this.key_id')),
    ),
  ];
}

function rotationNote(rotation: string | undefined): string | undefined {
  const d = days(rotation);
  return d === undefined ? undefined : `rotated every ${d} days`;
}

function secrets(ctx: RenderContext): BodyInput[] {
  const plan = ctx.env.security?.secrets;
  if (!plan || plan.manager !== 'aws-secrets-manager') return [];
  return (plan.items ?? []).map(item =>
    block(
      'resource',
      ['aws_secretsmanager_secret', identifier(item.name)],
      attr('name', `${ctx.service}/${ctx.envName}/${item.name}`),
      attr(
        'description',
        [
          item.description ?? `${item.name} of ${ctx.service} (${ctx.envName})`,
          rotationNote(item.rotation ?? plan.rotation),
        ]
          .filter(Boolean)
          .join('; '),
      ),
      ctx.customerManagedKey && attr('kms_key_id', ref('aws_kms_key.this.arn')),
      attr('recovery_window_in_days', ctx.env.tier === 'development' ? 0 : 30),
    ),
  );
}

/** Whether security.tf has anything to hold. */
export function hasSecurity(ctx: RenderContext): boolean {
  const s = ctx.env.security?.secrets;
  return (
    (ctx.env.network.securityGroups ?? []).length > 0 ||
    (ctx.env.network.nacls ?? []).length > 0 ||
    ctx.customerManagedKey ||
    (s?.manager === 'aws-secrets-manager' && (s.items ?? []).length > 0)
  );
}

export function renderSecurity(ctx: RenderContext): string {
  return renderHclFile(
    [securityGroups(ctx), nacls(ctx), kmsKey(ctx), secrets(ctx)],
    {
      header: `${ctx.header}\nSecurity groups named by a load balancer go on it; groups opening a database or cache port go on the data stores; the others go on the worker nodes.`,
    },
  );
}

/**
 * Priced equals built (issue #13): for every example plan and environment,
 * and every option combination of the environment template, the resources
 * the cost estimate lists (priced, free or unpriced) are exactly the
 * resources the generated repository builds, by type, region and count,
 * read from the generated HCL (and, for ALBs the controller creates, from
 * the Ingresses). Types the estimator does not list must be in FREE_UNLISTED,
 * each with the reason it costs nothing by itself.
 *
 * It lives here because this package is the one that uses both the
 * generator and the estimator.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  parsePlan,
  presetPlan,
  type InfraPlan,
  type Tier,
} from '@gatehouse/plugin-infra-plans-common';
import {
  controllerLoadBalancers,
  renderEnvironmentRepository,
  terraformResources,
  type BuiltResource,
} from '@gatehouse/plugin-infra-plans-node';
import {
  estimateInfraPlan,
  supportedResourceTypes,
} from '@gatehouse/plugin-cost-node';

jest.setTimeout(120_000);

const AS_OF = new Date('2026-12-07T12:00:00Z');

/**
 * Resource types the generator builds and the estimator does not list,
 * because they have no charge of their own (configuration, identity,
 * networking plumbing). Anything that costs money must be listed by the
 * estimator instead (priced, or unpriced with a reason).
 */
const FREE_UNLISTED: Record<string, string> = {
  aws_db_subnet_group: 'configuration',
  aws_eks_addon:
    'the add-on is free; its pods run on the node groups already priced',
  aws_elasticache_parameter_group: 'configuration',
  aws_elasticache_subnet_group: 'configuration',
  aws_iam_role: 'IAM has no charge',
  aws_iam_role_policy: 'IAM has no charge',
  aws_iam_role_policy_attachment: 'IAM has no charge',
  aws_internet_gateway: 'no hourly charge (traffic is billed as transfer)',
  aws_kms_alias: 'aliases are free; the key is listed',
  aws_launch_template:
    'configuration; the instances are priced with the node group',
  aws_lb_listener: 'part of the load balancer, priced with it',
  aws_lb_listener_rule: 'part of the load balancer, priced with it',
  aws_lb_target_group: 'part of the load balancer, priced with it',
  aws_network_acl: 'configuration',
  aws_network_acl_rule: 'configuration',
  aws_route_table: 'configuration',
  aws_route_table_association: 'configuration',
  aws_s3_bucket_lifecycle_configuration: 'configuration of a listed bucket',
  aws_s3_bucket_public_access_block: 'configuration of a listed bucket',
  aws_s3_bucket_replication_configuration:
    'configuration of a listed bucket; the replica bucket is listed',
  aws_s3_bucket_server_side_encryption_configuration:
    'configuration of a listed bucket',
  aws_s3_bucket_versioning: 'configuration of a listed bucket',
  aws_vpc_security_group_egress_rule: 'configuration',
  aws_vpc_security_group_ingress_rule: 'configuration',
  aws_wafv2_web_acl_association: 'the web ACL is listed',
};

type Case = { name: string; plan: InfraPlan; environment: string };

function exampleCases(): Case[] {
  const dir = join(__dirname, '../../../examples/plans');
  return readdirSync(dir)
    .sort()
    .flatMap(service => {
      const text = readFileSync(join(dir, service, 'infra-plan.yaml'), 'utf8');
      const { plan } = parsePlan(text, { asOf: AS_OF });
      if (!plan) throw new Error(`examples/plans/${service} does not parse`);
      return Object.keys(plan.spec.environments).map(environment => ({
        name: `example ${service} / ${environment}`,
        plan,
        environment,
      }));
    });
}

/** The environment template's options, as its tests enumerate them (72). */
function templateCases(): Case[] {
  const tiers: Tier[] = ['development', 'staging', 'production'];
  const switches = [false, true];
  const strategies = ['rolling', 'blue-green', 'canary'] as const;
  return tiers.flatMap(tier =>
    switches.flatMap(database =>
      switches.flatMap(cache =>
        switches.flatMap(objectStorage =>
          strategies.map(delivery => ({
            name: `template ${tier}, database ${database}, cache ${cache}, storage ${objectStorage}, ${delivery}`,
            environment: tier,
            plan: presetPlan({
              service: 'payments-api',
              owner: 'team-payments',
              system: 'payments',
              tiers: [tier],
              database,
              cache,
              objectStorage,
              delivery,
              workload: { name: 'api', host: 'pay.example.com' },
              asOf: AS_OF,
            }),
          })),
        ),
      ),
    ),
  );
}

/** `type @ region` → how many, sorted, so a failure shows the difference. */
function tally(resources: Array<{ type: string; region: string }>) {
  const counts: Record<string, number> = {};
  for (const { type, region } of resources) {
    const key = `${type} @ ${region}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(counts).sort());
}

async function built({ plan, environment }: Case): Promise<BuiltResource[]> {
  const region = plan.spec.environments[environment].region;
  const { files } = renderEnvironmentRepository({ plan, environment });
  return [
    ...(await terraformResources(files, region)),
    ...controllerLoadBalancers(files, region),
  ];
}

function listed({ plan, environment }: Case) {
  const estimate = estimateInfraPlan(plan, { environment, asOf: AS_OF });
  return estimate.resources.map(r => ({ type: r.type, region: r.region }));
}

const examples = exampleCases();
const templates = templateCases();

describe('priced equals built', () => {
  it('covers every example plan environment and template combination', () => {
    expect(new Set(examples.map(c => c.plan.metadata.service)).size).toBe(4);
    expect(examples.length).toBeGreaterThanOrEqual(12);
    expect(templates).toHaveLength(72);
  });

  it('keeps the free list free: no type in it is priced or listed', () => {
    const priced = new Set(supportedResourceTypes());
    for (const type of Object.keys(FREE_UNLISTED)) {
      expect(priced.has(type)).toBe(false);
    }
  });

  it.each([...examples, ...templates])('$name', async c => {
    const estimated = listed(c);
    const listedTypes = new Set(estimated.map(r => r.type));
    for (const type of listedTypes) expect(FREE_UNLISTED[type]).toBeUndefined();

    const resources = await built(c);
    const unexplained = resources.filter(
      r => !listedTypes.has(r.type) && FREE_UNLISTED[r.type] === undefined,
    );
    expect(unexplained).toEqual([]);

    const counted = resources.filter(r => FREE_UNLISTED[r.type] === undefined);
    expect(tally(estimated)).toEqual(tally(counted));
  });
});

/**
 * Every statement the generated documents and README make about
 * autoscaling, disaster recovery, backups and security is backed by a
 * resource the repository builds (issue #13): a table of claim (text in the
 * documents) → what must be built when the text is there, checked over the
 * example plans and the environment template's combinations.
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
  terraformResources,
  type BuiltResource,
} from './checks/builtResources';
import { renderEnvironmentRepository } from './renderEnvironmentRepository';

const AS_OF = new Date('2026-12-07T12:00:00Z');

type Built = { resources: BuiltResource[]; region: string; drRegion?: string };

type Claim = {
  what: string;
  /** Text in docs/* or README.md that makes the claim. */
  text: RegExp;
  /** Whether the repository builds what backs it. */
  backedBy: (built: Built) => boolean;
};

const has = (built: Built, type: string, name?: string, region?: string) =>
  built.resources.some(
    r =>
      r.type === type &&
      (name === undefined || r.name === name) &&
      (region === undefined || r.region === region),
  );

const CLAIMS: Claim[] = [
  {
    what: 'nodes are added or removed automatically',
    text: /cluster autoscaler|karpenter|adds nodes when/i,
    // Nothing generated runs a node autoscaler, so the claim may not appear.
    backedBy: () => false,
  },
  {
    what: 'HorizontalPodAutoscalers scale on CPU or memory',
    // The README lists kubernetes/<workload>/hpa.yaml when one is generated.
    text: /HorizontalPodAutoscaler \(autoscaling\/v2\)/,
    backedBy: b => has(b, 'aws_eks_addon', 'metrics-server'),
  },
  {
    what: 'backups are copied to the DR region',
    text: /copied cross-region/,
    backedBy: b =>
      has(
        b,
        'aws_db_instance_automated_backups_replication',
        undefined,
        b.drRegion,
      ),
  },
  {
    what: 'a database replica runs in another region',
    text: /cross-region-read-replica|global-database/,
    backedBy: b => has(b, 'aws_db_instance', undefined, b.drRegion),
  },
  {
    what: 'objects are replicated to another region',
    text: /\*\*Object storage replication:\*\* yes/,
    backedBy: b =>
      has(b, 'aws_s3_bucket_replication_configuration') &&
      b.resources.some(
        r => r.type === 'aws_s3_bucket' && r.region !== b.region,
      ),
  },
  {
    what: 'data is encrypted with a customer-managed key',
    text: /customer-managed KMS key/,
    backedBy: b => has(b, 'aws_kms_key', 'this'),
  },
  {
    what: 'a WAF protects the load balancers',
    // The rules table of Infrastructure_Requirements.md.
    text: /\| WAF rule \|/,
    backedBy: b => has(b, 'aws_wafv2_web_acl'),
  },
];

type Case = { name: string; plan: InfraPlan; environment: string };

function cases(): Case[] {
  const dir = join(__dirname, '../../../examples/plans');
  const examples = readdirSync(dir)
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
  const tiers: Tier[] = ['development', 'staging', 'production'];
  const switches = [false, true];
  const templates = tiers.flatMap(tier =>
    switches.flatMap(database =>
      switches.flatMap(cache =>
        switches.flatMap(objectStorage =>
          (['rolling', 'blue-green', 'canary'] as const).map(delivery => ({
            name: `template ${tier}, database ${database}, cache ${cache}, storage ${objectStorage}, ${delivery}`,
            environment: tier,
            plan: presetPlan({
              service: 'payments-api',
              owner: 'team-payments',
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
  return [...examples, ...templates];
}

const all = cases();

describe('claims of the generated documents', () => {
  it('are checked over every example environment and template combination', () => {
    expect(all).toHaveLength(12 + 72);
  });

  it('recognise an unbacked claim', () => {
    const nothing: Built = { resources: [], region: 'us-east-1' };
    expect(CLAIMS.some(c => c.backedBy(nothing))).toBe(false);
  });

  it.each(all)('$name: every claim is built', async ({ plan, environment }) => {
    const env = plan.spec.environments[environment];
    const { files } = renderEnvironmentRepository({ plan, environment });
    const text = files
      .filter(f => f.path.startsWith('docs/') || f.path === 'README.md')
      .map(f => f.content)
      .join('\n');
    const built: Built = {
      resources: await terraformResources(files, env.region),
      region: env.region,
      drRegion: env.disasterRecovery?.drRegion,
    };
    const unbacked = CLAIMS.filter(c => c.text.test(text))
      .filter(c => !c.backedBy(built))
      .map(c => c.what);
    expect(unbacked).toEqual([]);
  });
});

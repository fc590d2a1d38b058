import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CostEstimate, roundMoney } from '@gatehouse/plugin-cost-common';
import type { InfraPlan } from '@gatehouse/plugin-infra-plans-common';
import { InvalidInputError } from '../errors';
import { defaultPriceBook } from '../pricing/loadPricing';
import { estimateInfraPlan } from './estimateInfraPlan';
import { InvalidInfraPlanError, readInfraPlan } from './readInfraPlan';

const EXAMPLES = join(__dirname, '../../../../examples/plans');
const examplePlan = (service: string) =>
  readInfraPlan(
    readFileSync(join(EXAMPLES, service, 'infra-plan.yaml'), 'utf8'),
  );
const clone = (plan: InfraPlan): InfraPlan => JSON.parse(JSON.stringify(plan));

/**
 * Public on-demand prices the expectations below are written with. The
 * first test checks that the shipped pricing file still has them, so a
 * price change fails loudly instead of moving every expectation.
 */
const PINNED: Array<[string, string, number]> = [
  ['us-east-1', 'eks:cluster', 0.1],
  ['us-east-1', 'vpc:nat:hour', 0.045],
  ['us-east-1', 'vpc:nat:data', 0.045],
  ['us-east-1', 'vpc:public-ipv4:hour', 0.005],
  ['us-east-1', 'elb:application:hour', 0.0225],
  ['us-east-1', 'elb:application:lcu', 0.008],
  ['us-east-1', 'ec2:instance:t3.small', 0.0208],
  ['us-east-1', 'ec2:instance:t3.medium', 0.0416],
  ['us-east-1', 'ec2:instance:t3.large', 0.0832],
  ['us-east-1', 'ec2:instance:c6i.large', 0.085],
  ['us-east-1', 'ec2:instance:c6i.xlarge', 0.17],
  ['us-east-1', 'ebs:gp2:storage', 0.1],
  ['us-east-1', 'rds:postgres:db.t4g.micro', 0.016],
  ['us-east-1', 'rds:postgres:db.t4g.medium', 0.065],
  ['us-east-1', 'rds:postgres:db.r6g.xlarge', 0.45],
  ['us-west-2', 'rds:postgres:db.r6g.xlarge', 0.45],
  ['us-east-1', 'rds:storage:gp3', 0.115],
  ['us-west-2', 'rds:storage:gp3', 0.115],
  ['us-east-1', 'rds:backup', 0.095],
  ['us-east-1', 'elasticache:cache.t4g.micro', 0.016],
  ['us-east-1', 'elasticache:cache.t4g.small', 0.032],
  ['us-east-1', 'elasticache:cache.r6g.large', 0.206],
  ['us-east-1', 's3:STANDARD:storage', 0.023],
  ['us-west-2', 's3:STANDARD:storage', 0.023],
  ['us-east-1', 's3:STANDARD:put', 0.005],
  ['us-east-1', 's3:STANDARD:get', 0.0004],
];

// Monthly costs from the pinned prices, written out from the README's
// formulas (730 hours a month; usage at its documented typical default).
const H = 730;
const EKS = 0.1 * H;
/** NAT gateway hour + 100 GB processed + its public IPv4 address. */
const nat = (count: number) => count * (0.045 * H + 100 * 0.045 + 0.005 * H);
/** ALB hour + 1 LCU on average. */
const alb = 0.0225 * H + 1 * H * 0.008;
/** Desired nodes × (instance hours + root volume, 20 GB gp2 by default). */
const nodes = (hourly: number, desired: number, diskGb = 20) =>
  desired * (hourly * H + diskGb * 0.1);
/** RDS instance + gp3 storage; Multi-AZ doubles both. No backup beyond the free allowance. */
const rds = (hourly: number, storageGb: number, multiAz: boolean) =>
  (multiAz ? 2 : 1) * (hourly * H + storageGb * 0.115);
/** A read replica: Single-AZ, the source's storage. */
const replica = (hourly: number, storageGb: number) =>
  hourly * H + storageGb * 0.115;
const cache = (hourly: number, count: number) => count * hourly * H;
/** 100 GB Standard, 10,000 PUT and 100,000 GET requests. */
const BUCKET = 100 * 0.023 + 10 * 0.005 + 100 * 0.0004;

type Expectation = { monthly: number; unpriced: string[] };

const EXPECTED: Record<string, Record<string, Expectation>> = {
  'knowledge-store': {
    development: {
      monthly:
        EKS +
        nat(1) +
        alb +
        nodes(0.0208, 2) +
        rds(0.016, 20, false) +
        cache(0.016, 1) +
        BUCKET,
      unpriced: ['aws_cloudwatch_log_group'],
    },
    staging: {
      monthly:
        EKS +
        nat(1) +
        alb +
        nodes(0.0416, 3) +
        rds(0.065, 50, true) +
        cache(0.032, 2) +
        BUCKET,
      unpriced: [
        'aws_flow_log',
        'aws_cloudwatch_log_group',
        'aws_cloudwatch_log_group',
        'aws_secretsmanager_secret',
      ],
    },
    production: {
      // Multi-AZ primary and one read replica (no cross-region replica: the
      // plan copies backups to us-west-2 instead); 3 shards × 2 nodes of
      // cache; the bucket and its replica.
      monthly:
        EKS +
        nat(3) +
        alb +
        nodes(0.0832, 6) +
        rds(0.45, 200, true) +
        replica(0.45, 200) +
        cache(0.206, 6) +
        2 * BUCKET,
      unpriced: [
        'aws_flow_log',
        'aws_cloudwatch_log_group',
        'aws_cloudwatch_log_group',
        'aws_kms_key',
        'aws_db_instance_automated_backups_replication',
        'aws_kms_key',
        'aws_secretsmanager_secret',
        'aws_secretsmanager_secret',
      ],
    },
  },
  'operator-console': {
    development: {
      monthly: EKS + nat(1) + alb + nodes(0.0208, 2),
      unpriced: ['aws_cloudwatch_log_group'],
    },
    staging: {
      monthly: EKS + nat(1) + alb + nodes(0.0416, 3),
      unpriced: [
        'aws_flow_log',
        'aws_cloudwatch_log_group',
        'aws_cloudwatch_log_group',
        'aws_wafv2_web_acl',
        'aws_secretsmanager_secret',
      ],
    },
    production: {
      monthly: EKS + nat(3) + alb + nodes(0.0832, 3),
      unpriced: [
        'aws_flow_log',
        'aws_cloudwatch_log_group',
        'aws_cloudwatch_log_group',
        'aws_wafv2_web_acl',
        'aws_secretsmanager_secret',
      ],
    },
  },
  'orchestrator-api': {
    development: {
      monthly: EKS + nat(1) + alb + nodes(0.0208, 2) + cache(0.016, 1),
      unpriced: ['aws_cloudwatch_log_group'],
    },
    staging: {
      monthly: EKS + nat(1) + alb + nodes(0.0416, 3) + cache(0.032, 2),
      unpriced: [
        'aws_flow_log',
        'aws_cloudwatch_log_group',
        'aws_cloudwatch_log_group',
        'aws_wafv2_web_acl',
        'aws_secretsmanager_secret',
      ],
    },
    production: {
      // diskSize: 50Gi on the node group.
      monthly: EKS + nat(3) + alb + nodes(0.0832, 6, 50) + cache(0.206, 2),
      unpriced: [
        'aws_flow_log',
        'aws_cloudwatch_log_group',
        'aws_cloudwatch_log_group',
        'aws_kms_key',
        'aws_wafv2_web_acl',
        'aws_secretsmanager_secret',
        'aws_secretsmanager_secret',
      ],
    },
  },
  'task-runner': {
    development: {
      monthly: EKS + nat(1) + nodes(0.0208, 2) + BUCKET,
      unpriced: ['aws_cloudwatch_log_group', 'aws_sqs_queue', 'aws_sqs_queue'],
    },
    staging: {
      // The batch group is spot, priced on-demand as an upper bound.
      monthly: EKS + nat(1) + nodes(0.0416, 3) + nodes(0.085, 1) + BUCKET,
      unpriced: [
        'aws_flow_log',
        'aws_cloudwatch_log_group',
        'aws_cloudwatch_log_group',
        'aws_sqs_queue',
        'aws_sqs_queue',
        'aws_secretsmanager_secret',
      ],
    },
    production: {
      monthly: EKS + nat(3) + nodes(0.0832, 3) + nodes(0.17, 2) + 2 * BUCKET,
      unpriced: [
        'aws_flow_log',
        'aws_cloudwatch_log_group',
        'aws_cloudwatch_log_group',
        'aws_sqs_queue',
        'aws_sqs_queue',
        'aws_kms_key',
        'aws_secretsmanager_secret',
      ],
    },
  },
};

const CASES = Object.entries(EXPECTED).flatMap(([service, envs]) =>
  Object.entries(envs).map(
    ([environment, expectation]) =>
      [service, environment, expectation] as [string, string, Expectation],
  ),
);

const resource = (estimate: CostEstimate, address: string) => {
  const found = estimate.resources.find(r => r.address === address);
  if (!found) throw new Error(`no ${address} in the estimate`);
  return found;
};

describe('estimateInfraPlan', () => {
  it.each(PINNED)('uses the pinned %s %s price %p', (region, key, price) => {
    expect(defaultPriceBook().price(region, key)?.price).toBe(price);
  });

  it('covers every environment of every example plan', () => {
    for (const [service, envs] of Object.entries(EXPECTED)) {
      expect(Object.keys(examplePlan(service).spec.environments)).toEqual(
        Object.keys(envs),
      );
    }
  });

  it.each(CASES)(
    'prices %s %s exactly from the pinned prices',
    (service, environment, expected) => {
      const estimate = estimateInfraPlan(examplePlan(service), {
        environment,
      });
      expect(estimate.totals.monthlyBefore).toBe(0);
      expect(estimate.totals.monthlyAfter).toBe(roundMoney(expected.monthly));
      expect(estimate.totals.delta).toBe(roundMoney(expected.monthly));
      expect(estimate.unpriced.map(u => u.type)).toEqual(expected.unpriced);
      for (const item of estimate.unpriced) {
        expect(item.reason).not.toMatch(/not supported by the estimator/);
      }
      expect(estimate.infraPlan?.environments).toEqual([
        expect.objectContaining({
          name: environment,
          change: 'added',
          monthlyAfter: roundMoney(expected.monthly),
          unpricedCount: expected.unpriced.length,
        }),
      ]);
      // Every resource is in the environment's module, each address once.
      const addresses = estimate.resources.map(r => r.address);
      expect(new Set(addresses).size).toBe(addresses.length);
      expect(
        estimate.resources.every(
          r => r.moduleAddress === `module.${environment}`,
        ),
      ).toBe(true);
    },
  );

  it('gives node groups a min–max range and usage items their default ranges', () => {
    const estimate = estimateInfraPlan(examplePlan('knowledge-store'), {
      environment: 'development',
    });
    // general: t3.small, min 1, desired 2, max 3.
    expect(
      resource(
        estimate,
        'module.development.aws_eks_node_group.nodes["general"]',
      ).range,
    ).toEqual({
      low: roundMoney(nodes(0.0208, 1)),
      high: roundMoney(nodes(0.0208, 3)),
    });
    const natLow = 0.045 * H + 10 * 0.045 + 0.005 * H;
    const natHigh = 0.045 * H + 1000 * 0.045 + 0.005 * H;
    const albLow = 0.0225 * H;
    const albHigh = 0.0225 * H + 10 * H * 0.008;
    const dbHigh = rds(0.016, 20, false) + 20 * 0.095; // backups up to the storage size
    const bucketHigh = 1000 * 0.023 + 1000 * 0.005 + 10_000 * 0.0004;
    expect(estimate.totals.range).toEqual({
      low: roundMoney(
        EKS +
          natLow +
          albLow +
          nodes(0.0208, 1) +
          rds(0.016, 20, false) +
          cache(0.016, 1),
      ),
      high: roundMoney(
        EKS +
          natHigh +
          albHigh +
          nodes(0.0208, 3) +
          dbHigh +
          cache(0.016, 1) +
          bucketHigh,
      ),
    });
    expect(estimate.infraPlan!.environments[0]).toMatchObject({
      range: estimate.totals.range,
      budgetMonthly: 400,
      overBudget: false,
    });
  });

  it('estimates every environment at once, each in its own module', () => {
    const estimate = estimateInfraPlan(examplePlan('task-runner'));
    const expected = EXPECTED['task-runner'];
    expect(
      estimate.infraPlan!.environments.map(e => [e.name, e.monthlyAfter]),
    ).toEqual(
      Object.entries(expected).map(([name, e]) => [
        name,
        roundMoney(e.monthly),
      ]),
    );
    expect(estimate.totals.monthlyAfter).toBe(
      roundMoney(
        Object.values(expected).reduce((sum, e) => sum + e.monthly, 0),
      ),
    );
  });

  it('shows workloads as a share of their node group without adding them to the totals', () => {
    const plan = examplePlan('knowledge-store');
    const estimate = estimateInfraPlan(plan, { environment: 'production' });
    // store: 3 replicas (HPA 3–15) of 500m / 1Gi on t3.large (2 vCPU, 8 GiB):
    // CPU decides, a pod takes 0.25 of a node.
    const node = 0.0832 * H;
    expect(estimate.infraPlan!.workloads).toEqual([
      {
        environment: 'production',
        nodeGroup: 'general',
        instanceType: 't3.large',
        desiredNodes: 6,
        nodeGroupMonthly: roundMoney(6 * node),
        requestedMonthly: roundMoney(3 * 0.25 * node),
        requestedRange: {
          low: roundMoney(3 * 0.25 * node),
          high: roundMoney(15 * 0.25 * node),
        },
        shareOfNodeGroup: 0.125,
        workloads: [
          expect.objectContaining({
            name: 'store',
            replicas: 3,
            replicaRange: { min: 3, max: 15 },
            podShareOfNode: 0.25,
            dominantResource: 'cpu',
          }),
        ],
        unpriced: [],
      },
    ]);
    expect(estimate.totals.monthlyAfter).toBe(
      roundMoney(EXPECTED['knowledge-store'].production.monthly),
    );
  });

  it('puts tolerating workloads on their own group and reports idle groups', () => {
    const estimate = estimateInfraPlan(examplePlan('task-runner'), {
      environment: 'staging',
    });
    const [general, batch] = estimate.infraPlan!.workloads;
    expect(general).toMatchObject({
      nodeGroup: 'general',
      workloads: [],
      requestedMonthly: 0,
      shareOfNodeGroup: 0,
    });
    // runner: 2 replicas of 500m / 1Gi on c6i.large (2 vCPU, 4 GiB): 0.25 each.
    expect(batch).toMatchObject({
      nodeGroup: 'batch',
      instanceType: 'c6i.large',
      requestedMonthly: roundMoney(2 * 0.25 * 0.085 * H),
      shareOfNodeGroup: 0.5,
    });
  });

  it('warns when the workloads need more than the desired nodes', () => {
    const plan = examplePlan('knowledge-store');
    plan.spec.environments.development.workloads[0].replicas = 20;
    const estimate = estimateInfraPlan(plan, { environment: 'development' });
    // 20 pods × 0.125 of a t3.small = 2.5 nodes, on 2.
    expect(estimate.warnings).toEqual([
      expect.stringContaining(
        'development/general: the workloads request 125% of the 2 desired t3.small nodes',
      ),
    ]);
  });

  describe('against a prior revision', () => {
    function withNodeGroupMax(max: number) {
      const plan = examplePlan('operator-console');
      plan.spec.environments.production.compute.nodeGroups[0].maxSize = max;
      return plan;
    }

    it('widens the range when a node group may grow, at no change in cost', () => {
      const prior = withNodeGroupMax(10);
      const proposed = clone(prior);
      proposed.metadata.revision = 2;
      proposed.spec.environments.production.compute.nodeGroups[0].maxSize = 20;
      const estimate = estimateInfraPlan(proposed, {
        environment: 'production',
        priorPlan: prior,
      });
      const group = resource(
        estimate,
        'module.production.aws_eks_node_group.nodes["general"]',
      );
      expect(group.action).toBe('update');
      expect(group.delta).toBe(0);
      expect(group.before.range).toEqual({
        low: roundMoney(nodes(0.0832, 3)),
        high: roundMoney(nodes(0.0832, 10)),
      });
      expect(group.range).toEqual({
        low: roundMoney(nodes(0.0832, 3)),
        high: roundMoney(nodes(0.0832, 20)),
      });
      expect(estimate.totals.delta).toBe(0);
      expect(estimate.totals.monthlyBefore).toBe(estimate.totals.monthlyAfter);
      // At the top of the range, ten more nodes.
      expect(estimate.totals.deltaRange.high).toBe(
        roundMoney(nodes(0.0832, 10)),
      );
      expect(estimate.summary).toMatchObject({ update: 1, create: 0 });
      expect(estimate.infraPlan).toMatchObject({
        revision: 2,
        priorRevision: 1,
        comparedWithPrior: true,
        environments: [expect.objectContaining({ change: 'changed' })],
      });
    });

    it('adds the cost of a new database', () => {
      const prior = examplePlan('operator-console');
      const proposed = clone(prior);
      proposed.spec.environments.production.data = {
        databases: [
          {
            name: 'sessions',
            engine: 'postgres',
            version: '15.4',
            instanceClass: 'db.t4g.medium',
            storage: { allocated: '50Gi', type: 'gp3' },
            multiAz: true,
            backup: { retention: '7d' },
          },
        ],
      };
      const estimate = estimateInfraPlan(proposed, {
        environment: 'production',
        priorPlan: prior,
      });
      const database = resource(
        estimate,
        'module.production.aws_db_instance.db["sessions"]',
      );
      expect(database.action).toBe('create');
      expect(database.after.monthly).toBe(roundMoney(rds(0.065, 50, true)));
      expect(estimate.totals.monthlyBefore).toBe(
        roundMoney(EXPECTED['operator-console'].production.monthly),
      );
      expect(estimate.totals.delta).toBe(roundMoney(rds(0.065, 50, true)));
      expect(estimate.summary).toMatchObject({ create: 1, update: 0 });
      expect(estimate.summary.noop).toBe(estimate.resources.length - 1);
    });

    it('deletes what the proposed revision drops', () => {
      const prior = examplePlan('orchestrator-api');
      const proposed = clone(prior);
      delete proposed.spec.environments.development.data;
      const estimate = estimateInfraPlan(proposed, {
        environment: 'development',
        priorPlan: prior,
      });
      const dropped = resource(
        estimate,
        'module.development.aws_elasticache_replication_group.cache["api-cache"]',
      );
      expect(dropped).toMatchObject({ action: 'delete' });
      expect(dropped.after.monthly).toBe(0);
      expect(estimate.totals.delta).toBe(roundMoney(-cache(0.016, 1)));
    });

    it('says nothing changed for an identical revision', () => {
      const plan = examplePlan('task-runner');
      const estimate = estimateInfraPlan(plan, { priorPlan: clone(plan) });
      expect(estimate.totals.delta).toBe(0);
      expect(estimate.summary.noop).toBe(estimate.resources.length);
      expect(estimate.infraPlan!.environments.map(e => e.change)).toEqual([
        'unchanged',
        'unchanged',
        'unchanged',
      ]);
    });
  });

  it('refuses an environment the plan does not have', () => {
    expect(() =>
      estimateInfraPlan(examplePlan('task-runner'), { environment: 'qa' }),
    ).toThrow(
      new InvalidInputError(
        'Environment "qa" is not in the plan (it has development, staging, production)',
      ),
    );
  });
});

describe('readInfraPlan', () => {
  it('reports a plan that does not validate with located issues', () => {
    const text = readFileSync(
      join(EXAMPLES, 'task-runner', 'infra-plan.yaml'),
      'utf8',
    ).replace('desiredSize: 2\n', 'desiredSize: two\n');
    let error: unknown;
    try {
      readInfraPlan(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidInfraPlanError);
    const issues = (error as InvalidInfraPlanError).issues;
    expect(issues).toEqual([
      expect.objectContaining({
        path: 'spec.environments.development.compute.nodeGroups[0].desiredSize',
        severity: 'error',
        line: expect.any(Number),
      }),
    ]);
    expect((error as Error).message).toMatch(
      /^Invalid infrastructure plan: 1 error: \d+:\d+ spec\.environments\.development\.compute\.nodeGroups\[0\]\.desiredSize: /,
    );
  });
});

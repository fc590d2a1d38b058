import { readInfraPlan } from '@gatehouse/plugin-cost-node';
import type { InfraPlan } from '@gatehouse/plugin-infra-plans-common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assessRisk } from './assessRisk';
import {
  InvalidInfraPlanInputError,
  readSubmittedInfraPlan,
  reviewInfraPlan,
} from './infraPlan';

/** The date these plans are validated on: support calendars depend on it. */
const ON = new Date('2026-12-07T12:00:00Z');

/** knowledge-store: a service with a database, a cache, a bucket and security groups. */
const text = readFileSync(
  join(__dirname, '../../../../examples/plans/knowledge-store/infra-plan.yaml'),
  'utf8',
);
const noResources = {
  create: 0,
  update: 0,
  delete: 0,
  replace: 0,
  resources: [],
};

/** The risk of changing `environment` from the example plan to `edit(plan)`. */
function riskOf(
  environment: string,
  edit: (plan: InfraPlan) => void,
  costDelta = 10,
) {
  const plan = readInfraPlan(text, '', { asOf: ON });
  edit(plan);
  const submitted = readSubmittedInfraPlan(
    { plan: plan as any, priorPlan: text },
    environment,
    ON,
  );
  return assessRisk({
    environment: { name: environment, tier: submitted.current.tier },
    summary: noResources,
    cost: { delta: costDelta, deltaHigh: costDelta },
    infraPlan: submitted,
  });
}

describe('infrastructure plan risk', () => {
  it('finds nothing in a small change outside production', () => {
    expect(
      riskOf('staging', plan => {
        plan.spec.environments.staging.compute.nodeGroups[0].desiredSize = 5;
      }),
    ).toEqual({ level: 'low', reasons: [] });
  });

  it('rates removing or replacing a data store high, naming it', () => {
    const risk = riskOf('staging', plan => {
      const staging = plan.spec.environments.staging;
      staging.data!.databases = [];
      staging.data!.caches![0].engine = 'valkey';
      // A Valkey release on the support calendar (Redis's 7.1 is not one).
      staging.data!.caches![0].version = '8.1';
      staging.workloads![0].uses = staging.workloads![0].uses!.filter(
        name => name !== 'memory-db',
      );
    });
    expect(risk.level).toBe('high');
    expect(risk.reasons).toEqual([
      'removes database memory-db: its data is deleted with it',
      'replaces cache memory-cache (engine redis → valkey): AWS builds a new, empty one',
    ]);
  });

  it('rates new ingress rules medium outside production, high in it, and opening to the internet high anywhere', () => {
    const internal = riskOf('staging', plan => {
      plan.spec.environments.staging.network.securityGroups![1].ingress.push({
        name: 'metrics',
        protocol: 'tcp',
        ports: 9090,
        cidr: '10.0.0.0/8',
      });
    });
    expect(internal).toEqual({
      level: 'medium',
      reasons: [
        'adds ingress rules to security groups (app: tcp 9090 from 10.0.0.0/8)',
      ],
    });
    const inProduction = riskOf('production', plan => {
      plan.spec.environments.production.network.securityGroups![1].ingress.push(
        { protocol: 'tcp', ports: 9090, cidr: '10.0.0.0/8' },
      );
    });
    expect(inProduction.level).toBe('high');
    expect(inProduction.reasons).toEqual([
      'changes production',
      'adds ingress rules to security groups (app: tcp 9090 from 10.0.0.0/8)',
    ]);
    const opened = riskOf('staging', plan => {
      plan.spec.environments.staging.network.securityGroups![0].ingress[0].cidr =
        '0.0.0.0/0';
    });
    expect(opened).toEqual({
      level: 'high',
      reasons: [
        'opens security group alb to the internet: rule https now allows tcp 443 from 0.0.0.0/0',
      ],
    });
  });

  it('flags instance class changes in production only', () => {
    const resize = (environment: 'staging' | 'production') =>
      riskOf(environment, plan => {
        const env = plan.spec.environments[environment];
        env.data!.databases![0].instanceClass = 'db.r6g.2xlarge';
        env.compute.nodeGroups[0].instanceTypes = ['m6i.2xlarge'];
      });
    expect(resize('staging')).toEqual({ level: 'low', reasons: [] });
    const production = resize('production');
    expect(production.level).toBe('medium');
    expect(production.reasons).toEqual([
      'changes production',
      'changes the instance types of node group general in production (t3.large, t3.xlarge → m6i.2xlarge): its nodes are replaced',
      'changes the instance class of database memory-db in production (db.r6g.xlarge → db.r6g.2xlarge): it restarts or fails over',
    ]);
  });

  it('treats a production-tier environment under another name as production', () => {
    const plan = readInfraPlan(text, '', { asOf: ON });
    plan.spec.environments['prod-eu'] = plan.spec.environments.production;
    const submitted = readSubmittedInfraPlan(
      { plan: plan as any },
      'prod-eu',
      ON,
    );
    const risk = assessRisk({
      environment: { name: 'prod-eu', tier: submitted.current.tier },
      summary: noResources,
      cost: { delta: 6000, deltaHigh: 6000 },
      infraPlan: submitted,
    });
    expect(risk.reasons[0]).toBe(
      'changes prod-eu, a production-tier environment',
    );
    // A new environment: its rules are all new, and in production each counts.
    expect(risk.reasons).toContain(
      'adds ingress rules to security groups (alb: tcp 443 from 10.0.0.0/8; app: tcp 8080 from security group alb; data: tcp 5432 from security group app; and 1 more)',
    );
    expect(risk.reasons).toContain('raises monthly cost by 6000 USD');
    expect(risk.level).toBe('high');
  });
});

describe('reading a submitted infrastructure plan', () => {
  it('lists the changes of the request environment and the plan, and counts the rest', () => {
    const plan = readInfraPlan(text, '', { asOf: ON });
    plan.metadata.revision = 2;
    plan.spec.environments.staging.compute.nodeGroups[0].desiredSize = 4;
    plan.spec.environments.production.compute.nodeGroups[0].desiredSize = 4;
    const review = reviewInfraPlan(
      readSubmittedInfraPlan(
        { plan: plan as any, priorPlan: text },
        'staging',
        ON,
      ),
    );
    expect(review).toMatchObject({
      service: 'knowledge-store',
      revision: 2,
      priorRevision: 1,
      tier: 'staging',
      otherEnvironmentChanges: 1,
    });
    expect(review.changes.map(c => c.summary)).toEqual([
      'revision 1 → 2',
      'node group general: desired 3 → 4',
    ]);
  });

  it('refuses an invalid plan with its located issues', () => {
    let error: unknown;
    try {
      readSubmittedInfraPlan(
        {
          plan: text.replace(
            'instanceClass: db.t4g.micro',
            'instanceClass: big',
          ),
        },
        'development',
        ON,
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidInfraPlanInputError);
    const invalid = error as InvalidInfraPlanInputError;
    expect(invalid.input).toBe('infraPlan.plan');
    expect(invalid.issues).toEqual([
      expect.objectContaining({
        path: 'spec.environments.development.data.databases[0].instanceClass',
        line:
          text.split('\n').indexOf('            instanceClass: db.t4g.micro') +
          1,
      }),
    ]);
  });
});

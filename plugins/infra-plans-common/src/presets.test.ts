import { FIXTURE_DATE } from './__fixtures__/plans';
import { presetEnvironmentPlan, presetFor, presetPlan } from './presets';
import type { DeliveryStrategy, InfraPlan, Tier } from './schema';
import { validatePlan } from './validate';

const asOf = FIXTURE_DATE;

const tiers: Tier[] = ['development', 'staging', 'production'];
const strategies: DeliveryStrategy[] = ['rolling', 'blue-green', 'canary'];
const flags = [false, true];

function wrap(tier: Tier, env = presetFor(tier, { asOf })): InfraPlan {
  return {
    apiVersion: 'gatehouse.io/v1alpha1',
    kind: 'InfrastructurePlan',
    metadata: { service: 'svc', owner: 'team-a' },
    spec: {
      provider: 'aws',
      regions: ['us-east-1', 'us-west-2'],
      environments: { [tier]: env },
    },
  };
}

describe('the Kubernetes version of a preset', () => {
  it('is the newest in EKS standard support on the day it is made', () => {
    const on = (iso: string) =>
      presetFor('staging', { asOf: new Date(`${iso}T08:00:00Z`) }).compute
        .cluster.kubernetesVersion;
    expect(on('2026-12-07')).toBe('1.35');
    // 1.34 is still in standard support until 2026-12-02, 1.35 not out yet.
    expect(on('2025-12-01')).toBe('1.34');
    expect(on('2025-06-01')).toBe('1.33');
  });

  it('gives every tier of a plan the same version', () => {
    const plan = presetPlan({
      service: 'svc',
      owner: 'team-a',
      asOf: new Date('2025-06-01T00:00:00Z'),
    });
    expect(
      Object.values(plan.spec.environments).map(
        env => env.compute.cluster.kubernetesVersion,
      ),
    ).toEqual(['1.33', '1.33', '1.33']);
  });

  it('falls back to the newest released version when none is in standard support, and validation says so', () => {
    const later = new Date('2027-06-01T00:00:00Z');
    const env = presetFor('staging', { asOf: later });
    expect(env.compute.cluster.kubernetesVersion).toBe('1.35');
    const issues = validatePlan(wrap('staging', env), { asOf: later }).issues;
    expect(issues.map(i => [i.rule, i.severity])).toEqual([
      ['version-extended-support', 'warning'],
    ]);
  });
});

describe('presetFor', () => {
  const combos = tiers.flatMap(tier =>
    strategies.flatMap(delivery =>
      flags.flatMap(database =>
        flags.flatMap(cache =>
          flags.map(objectStorage => ({
            tier,
            delivery,
            database,
            cache,
            objectStorage,
          })),
        ),
      ),
    ),
  );

  it.each(combos)(
    '$tier / $delivery / db $database / cache $cache / s3 $objectStorage validates with zero errors',
    options => {
      const result = validatePlan(
        wrap(options.tier, presetFor(options.tier, { ...options, asOf })),
        { asOf },
      );
      expect(result.issues.filter(i => i.severity === 'error')).toEqual([]);
    },
  );

  it('sizes development like the reference: t3.small ×2, single-AZ database', () => {
    const env = presetFor('development', { asOf });
    expect(env.compute.nodeGroups[0]).toMatchObject({
      instanceTypes: ['t3.small'],
      desiredSize: 2,
    });
    expect(env.data!.databases![0].multiAz).toBe(false);
    expect(env.network.vpc.availabilityZones).toHaveLength(2);
  });

  it('sizes staging like the reference: t3.medium ×3, multi-AZ database', () => {
    const env = presetFor('staging', { asOf });
    expect(env.compute.nodeGroups[0]).toMatchObject({
      instanceTypes: ['t3.medium'],
      desiredSize: 3,
    });
    expect(env.data!.databases![0].multiAz).toBe(true);
    expect(env.observability!.metrics).toBeDefined();
  });

  it('sizes production like the reference: t3.large/t3.xlarge ×6, multi-AZ with replicas, 30-day backups, RPO 1h / RTO 4h', () => {
    const env = presetFor('production', { asOf });
    expect(env.compute.nodeGroups[0]).toMatchObject({
      instanceTypes: ['t3.large', 't3.xlarge'],
      desiredSize: 6,
    });
    expect(env.data!.databases![0]).toMatchObject({
      multiAz: true,
      readReplicas: 1,
      backup: { retention: '30d', pointInTimeRecovery: true },
    });
    expect(env.disasterRecovery).toMatchObject({
      rpo: '1h',
      rto: '4h',
      drRegion: 'us-west-2',
      testCadence: 'quarterly',
    });
    expect(env.network.vpc.availabilityZones).toEqual([
      'us-east-1a',
      'us-east-1b',
      'us-east-1c',
    ]);
  });

  it('is parameterised by region, VPC and workload', () => {
    const env = presetFor('production', {
      asOf,
      region: 'eu-west-1',
      vpcCidr: '10.50.0.0/16',
      workload: {
        name: 'api',
        port: 3000,
        image: 'ghcr.io/x/api:1.0.0',
        host: 'api.example.com',
      },
    });
    expect(env.region).toBe('eu-west-1');
    expect(env.network.vpc.availabilityZones[0]).toBe('eu-west-1a');
    expect(env.network.subnets.public![0].cidr).toBe('10.50.1.0/24');
    expect(env.network.subnets.private[1].cidr).toBe('10.50.32.0/20');
    expect(env.network.subnets.database![2].cidr).toBe('10.50.130.0/24');
    expect(env.workloads[0]).toMatchObject({
      name: 'api',
      ports: [{ containerPort: 3000 }],
      expose: { host: 'api.example.com' },
    });
    const plan = wrap('production', env);
    plan.spec.regions = ['eu-west-1', 'us-west-2'];
    expect(validatePlan(plan, { asOf }).errorCount).toBe(0);
  });

  it('leaves out the data stores that are not wanted', () => {
    const env = presetFor('staging', { asOf, database: false });
    expect(env.data).toBeUndefined();
    expect(env.network.subnets.database).toBeUndefined();
    expect(env.workloads[0].uses).toBeUndefined();
  });

  it('builds the delivery section for each strategy', () => {
    expect(
      presetFor('production', {
        asOf,
        delivery: 'canary',
      }).delivery!.canary!.steps.map(s => s.weight),
    ).toEqual([10, 25, 50]);
    expect(
      presetFor('production', { asOf, delivery: 'blue-green' }).delivery!
        .blueGreen,
    ).toBeDefined();
    expect(presetFor('production', { asOf }).delivery!.rolling).toEqual({
      maxSurge: 1,
      maxUnavailable: 0,
    });
  });

  it('rejects VPC blocks it cannot carve', () => {
    expect(() =>
      presetFor('staging', { asOf, vpcCidr: '10.0.0.0/24' }),
    ).toThrow(/between \/16 and \/20/);
  });
});

describe('presetPlan', () => {
  it('builds a three-environment plan that validates without any issue', () => {
    const plan = presetPlan({
      asOf,
      service: 'svc',
      owner: 'team-a',
      system: 'sys',
      cache: true,
      objectStorage: true,
      delivery: 'canary',
    });
    expect(Object.keys(plan.spec.environments)).toEqual([
      'development',
      'staging',
      'production',
    ]);
    expect(plan.spec.regions).toEqual(['us-east-1', 'us-west-2']);
    const result = validatePlan(plan, { asOf });
    expect(result.issues).toEqual([]);
  });
});

describe('presetEnvironmentPlan', () => {
  it('builds a valid one-environment plan under the chosen name', () => {
    const plan = presetEnvironmentPlan({
      asOf,
      service: 'orchestrator-api',
      owner: 'team-agents',
      environment: 'perf-test',
      tier: 'staging',
      region: 'eu-west-1',
      database: true,
      cache: true,
      delivery: 'canary',
    });
    expect(Object.keys(plan.spec.environments)).toEqual(['perf-test']);
    const env = plan.spec.environments['perf-test'];
    expect(env).toMatchObject({ tier: 'staging', region: 'eu-west-1' });
    expect(env.delivery?.strategy).toBe('canary');
    expect(env.data?.caches).toHaveLength(1);
    expect(plan.spec.regions[0]).toBe('eu-west-1');
    const result = validatePlan(plan, { asOf });
    expect(result.errorCount).toBe(0);
  });
});

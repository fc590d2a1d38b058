import mixedPlan from '../__fixtures__/plan-mixed.json';
import regionsPlan from '../__fixtures__/plan-regions.json';
import autoscalingPlan from '../__fixtures__/plan-autoscaling.json';
import { createPlan, planOf } from '../__fixtures__/planBuilder';
import { estimateTerraformPlan } from './estimateTerraformPlan';

function byAddress(
  estimate: ReturnType<typeof estimateTerraformPlan>,
  address: string,
) {
  const resource = estimate.resources.find(
    candidate => candidate.address === address,
  );
  if (!resource) throw new Error(`no ${address} in estimate`);
  return resource;
}

describe('estimateTerraformPlan on a mixed plan', () => {
  const estimate = estimateTerraformPlan(mixedPlan);

  it('reports every resource change, none dropped', () => {
    expect(estimate.resources.map(resource => resource.address)).toEqual(
      mixedPlan.resource_changes.map(change => change.address),
    );
    expect(estimate.summary).toEqual({
      create: 13,
      update: 1,
      delete: 1,
      replace: 1,
      noop: 1,
      read: 1,
      forget: 0,
      counts: { total: 18, priced: 12, free: 3, unpriced: 3 },
    });
  });

  it('computes totals from priced resources', () => {
    expect(estimate).toMatchObject({
      schemaVersion: 1,
      currency: 'USD',
      pricingVersion: '2025-06-01.1',
      pricingEffectiveDate: '2025-06-01',
      region: 'us-east-1',
      hoursPerMonth: 730,
    });
    expect(estimate.totals).toEqual({
      monthlyBefore: 213.74,
      monthlyAfter: 930.781,
      delta: 717.041,
      range: { low: 843.421, high: 1213.111 },
      deltaRange: { low: 629.681, high: 989.871 },
      // Every price this plan uses is cited in the shipped file.
      pricedComponents: 26,
      approximateComponents: 0,
    });
    const priced = estimate.resources.filter(
      resource => resource.status === 'priced',
    );
    const sum = priced.reduce(
      (total, resource) => total + resource.after.monthly,
      0,
    );
    expect(sum).toBeCloseTo(estimate.totals.monthlyAfter, 6);
  });

  it('prices count instances separately, with a note for the AMI root volume', () => {
    const web0 = byAddress(estimate, 'aws_instance.web[0]');
    expect(web0).toMatchObject({
      action: 'create',
      index: 0,
      status: 'priced',
      delta: 31.008,
    });
    expect(web0.before).toEqual({ monthly: 0, components: [] });
    expect(
      web0.after.components.map(component => [
        component.name,
        component.monthlyCost,
      ]),
    ).toEqual([
      ['Instance usage (Linux, on-demand, t3.medium)', 30.368],
      ['Root volume storage (gp3)', 0.64],
    ]);
    expect(web0.notes).toEqual([
      'root volume size comes from the AMI; assumed 8 GB gp3',
    ]);
    expect(byAddress(estimate, 'aws_instance.web[1]').index).toBe(1);
  });

  it('prices updates before and after, inside for_each modules', () => {
    const worker = byAddress(
      estimate,
      'module.app.aws_instance.worker["blue"]',
    );
    expect(worker).toMatchObject({
      moduleAddress: 'module.app',
      index: 'blue',
      action: 'update',
      before: { monthly: 71.68 },
      after: { monthly: 141.76 },
      delta: 70.08,
    });
    expect(worker.notes).toBeUndefined();
  });

  it('prices replacements, with Multi-AZ doubling instance and storage', () => {
    const db = byAddress(estimate, 'aws_db_instance.main');
    expect(db.action).toBe('replace');
    expect(db.before.monthly).toBe(64.06);
    expect(db.after.monthly).toBe(282.88);
    expect(db.after.components[0]).toMatchObject({
      name: 'Database instance (PostgreSQL, db.m5.large, Multi-AZ)',
      unitPrice: 0.356,
      monthlyCost: 259.88,
    });
    expect(db.after.components[1]).toMatchObject({
      name: 'Storage (gp3, Multi-AZ)',
      monthlyCost: 23,
    });
    expect(db.range).toEqual({ low: 282.88, high: 292.38 });
  });

  it('prices deletes as savings', () => {
    expect(byAddress(estimate, 'aws_ebs_volume.old')).toMatchObject({
      action: 'delete',
      before: { monthly: 5 },
      after: { monthly: 0, components: [] },
      delta: -5,
    });
  });

  it('prices unchanged resources on both sides', () => {
    expect(byAddress(estimate, 'aws_eks_cluster.main')).toMatchObject({
      action: 'no-op',
      before: { monthly: 73 },
      after: { monthly: 73 },
      delta: 0,
    });
  });

  it('gives node groups a min–max range in nested modules', () => {
    const nodes = byAddress(
      estimate,
      'module.eks.module.nodes.aws_eks_node_group.this["default"]',
    );
    expect(nodes).toMatchObject({
      moduleAddress: 'module.eks.module.nodes',
      index: 'default',
      after: { monthly: 150.16 },
      range: { low: 75.08, high: 300.32 },
    });
    expect(nodes.after.components[0]).toMatchObject({
      monthlyQuantity: 1460,
      range: { low: 70.08, high: 280.32 },
      rangeReason: 'node group scales between 1 and 4 instances',
    });
  });

  it('shows usage-based components with default ranges', () => {
    const nat = byAddress(estimate, 'aws_nat_gateway.main');
    expect(nat.after.monthly).toBe(37.35);
    expect(nat.range).toEqual({ low: 33.3, high: 77.85 });
    expect(nat.after.components[1]).toMatchObject({
      name: 'Data processed',
      monthlyQuantity: 100,
      usage: { key: 'monthly_data_processed_gb', source: 'default' },
    });
    expect(byAddress(estimate, 'aws_lb.public')).toMatchObject({
      after: { monthly: 22.265 },
      range: { low: 16.425, high: 74.825 },
    });
    expect(byAddress(estimate, 'aws_s3_bucket.logs')).toMatchObject({
      after: { monthly: 2.39 },
      range: { low: 0, high: 32 },
    });
  });

  it('prices read replicas with the engine and storage of their source', () => {
    const replica = byAddress(estimate, 'aws_db_instance.replica');
    expect(replica.after.components.map(component => component.name)).toEqual([
      'Database instance (PostgreSQL, db.t3.medium, Single-AZ, read replica)',
      'Storage (gp3, Single-AZ)',
    ]);
    expect(replica.after.monthly).toBe(64.06);
  });

  it('lists what it cannot price, with the reason', () => {
    expect(estimate.unpriced).toEqual([
      {
        address: 'aws_kinesis_stream.events',
        type: 'aws_kinesis_stream',
        action: 'create',
        reason:
          'resource type aws_kinesis_stream is not supported by the estimator',
      },
      {
        address: 'aws_instance.mystery',
        type: 'aws_instance',
        action: 'create',
        reason: 'instance_type is unknown until apply',
      },
      {
        address: 'google_storage_bucket.assets',
        type: 'google_storage_bucket',
        action: 'create',
        reason: 'provider of google_storage_bucket is not supported (AWS only)',
      },
    ]);
    expect(byAddress(estimate, 'aws_instance.mystery')).toMatchObject({
      status: 'unpriced',
      delta: 0,
      unpriced: { reason: 'instance_type is unknown until apply' },
    });
  });

  it('reports data sources and free resources as free, not unpriced', () => {
    expect(byAddress(estimate, 'data.aws_ami.ubuntu')).toMatchObject({
      mode: 'data',
      action: 'read',
      status: 'free',
      after: { monthly: 0 },
    });
    expect(byAddress(estimate, 'aws_security_group.web').status).toBe('free');
    expect(byAddress(estimate, 'aws_iam_role.node').free).toEqual({
      reason: 'aws_iam_* resources have no charge of their own',
    });
  });

  it('gives the same result for the plan as JSON text', () => {
    expect(estimateTerraformPlan(JSON.stringify(mixedPlan))).toEqual(estimate);
  });
});

describe('regions', () => {
  it('reads the default region through a root variable, aliases and module providers', () => {
    const estimate = estimateTerraformPlan(regionsPlan);
    expect(estimate.region).toBe('eu-west-1');
    expect(byAddress(estimate, 'aws_instance.default')).toMatchObject({
      region: 'eu-west-1',
      after: { monthly: 33.992 }, // 0.0456 × 730 + 8 × 0.088
    });
    expect(byAddress(estimate, 'aws_instance.west')).toMatchObject({
      region: 'us-west-2',
      after: { monthly: 31.008 },
    });
    expect(
      byAddress(estimate, 'module.mumbai.aws_nat_gateway.this'),
    ).toMatchObject({
      region: 'ap-south-1',
      status: 'unpriced',
      unpriced: {
        reason:
          'no prices for region ap-south-1 in pricing 2025-06-01.1 (has eu-west-1, us-east-1, us-west-2)',
      },
    });
  });

  it('lets an option force the region', () => {
    const estimate = estimateTerraformPlan(regionsPlan, {
      region: 'us-east-1',
    });
    expect(estimate.region).toBe('us-east-1');
    expect(estimate.resources.map(resource => resource.region)).toEqual([
      'us-east-1',
      'us-east-1',
      'us-east-1',
    ]);
    expect(estimate.summary.counts.unpriced).toBe(0);
  });

  it('defaults to us-east-1 when the plan has no provider region', () => {
    const plan = { format_version: '1.2', resource_changes: [] };
    expect(estimateTerraformPlan(plan).region).toBe('us-east-1');
    expect(
      estimateTerraformPlan(plan, { defaultRegion: 'eu-west-1' }).region,
    ).toBe('eu-west-1');
  });
});

describe('autoscaling groups and launch templates', () => {
  const estimate = estimateTerraformPlan(autoscalingPlan);

  it('follows the configuration reference to a launch template created in the same module instance', () => {
    const asg = byAddress(
      estimate,
      'module.web["eu"].aws_autoscaling_group.web',
    );
    expect(asg.after.components[0]).toMatchObject({
      name: 'Instance usage (Linux, on-demand, c6i.large)',
      monthlyQuantity: 1460, // desired_capacity unknown: min_size 2
      range: { low: 124.1, high: 372.3 },
      rangeReason: 'autoscaling group scales between 2 and 6 instances',
    });
  });

  it('finds launch configurations by name on both sides of an update', () => {
    expect(byAddress(estimate, 'aws_autoscaling_group.legacy')).toMatchObject({
      before: { monthly: 70.08, range: { low: 70.08, high: 210.24 } },
      after: { monthly: 210.24 },
      delta: 140.16,
      range: { low: 140.16, high: 350.4 },
    });
  });

  it('reads a node group instance type from its launch template', () => {
    const nodes = byAddress(estimate, 'aws_eks_node_group.lt');
    expect(nodes.after.components).toHaveLength(1);
    expect(nodes.after.components[0]).toMatchObject({
      name: 'Instance usage (Linux, on-demand, r6g.large)',
      monthlyCost: 220.752,
      range: { low: 220.752, high: 735.84 },
    });
  });

  it('lists a group whose launch template is outside the plan as unpriced', () => {
    expect(
      byAddress(estimate, 'aws_autoscaling_group.orphan').unpriced?.reason,
    ).toBe(
      'launch template lt-0123456789 is not in this plan, so its instance type is unknown',
    );
  });

  it('uses the usage file instance count instead of the range', () => {
    const withUsage = estimateTerraformPlan(autoscalingPlan, {
      usage: { 'module.web.aws_autoscaling_group.web': { instances: 4 } },
    });
    const asg = byAddress(
      withUsage,
      'module.web["eu"].aws_autoscaling_group.web',
    );
    expect(asg.after.monthly).toBe(248.2);
    expect(asg.range).toBeUndefined();
    expect(withUsage.warnings).toEqual([]);
  });
});

describe('unknown values', () => {
  it('assumes min_size for an unknown node group desired size, and says so', () => {
    const estimate = estimateTerraformPlan(
      createPlan(
        'aws_eks_node_group.x',
        {
          instance_types: ['t3.large'],
          scaling_config: [{ min_size: 2, max_size: 5 }],
        },
        { scaling_config: [{ desired_size: true }] },
      ),
    );
    expect(estimate.resources[0].notes).toContain(
      'scaling_config.desired_size is unknown until apply; assumed min_size 2',
    );
    expect(estimate.resources[0].after.components[0].monthlyQuantity).toBe(
      1460,
    );
  });

  it('marks a resource unpriced when a price-relevant attribute has no default', () => {
    const estimate = estimateTerraformPlan(
      createPlan(
        'aws_db_instance.x',
        { engine: 'postgres', allocated_storage: 20 },
        { instance_class: true },
      ),
    );
    expect(estimate.unpriced[0].reason).toBe(
      'instance_class is unknown until apply',
    );
  });

  it('treats a whole unknown block as unknown', () => {
    const estimate = estimateTerraformPlan(
      createPlan(
        'aws_eks_node_group.x',
        { instance_types: ['t3.large'] },
        { scaling_config: true },
      ),
    );
    expect(estimate.unpriced[0].reason).toBe(
      'scaling_config[0].min_size is unknown until apply',
    );
  });
});

describe('forget', () => {
  it('keeps the cost of a resource removed from state only', () => {
    const estimate = estimateTerraformPlan(
      planOf([
        {
          address: 'aws_eks_cluster.old',
          actions: ['forget'],
          before: { name: 'old' },
          after: null,
        },
      ]),
    );
    expect(estimate.resources[0]).toMatchObject({
      action: 'forget',
      before: { monthly: 73 },
      after: { monthly: 73 },
    });
    expect(estimate.summary.forget).toBe(1);
    expect(estimate.totals.delta).toBe(0);
  });
});

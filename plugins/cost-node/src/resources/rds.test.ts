import { createPlan, planOf } from '../__fixtures__/planBuilder';
import { estimateTerraformPlan } from '../terraform/estimateTerraformPlan';

const base = {
  engine: 'mysql',
  instance_class: 'db.t3.micro',
  allocated_storage: 20,
  storage_type: 'gp2',
  multi_az: false,
  backup_retention_period: 0,
};

function price(
  after: Record<string, unknown>,
  usage?: Record<string, Record<string, unknown>>,
) {
  return estimateTerraformPlan(createPlan('aws_db_instance.db', after), {
    usage,
  }).resources[0];
}

describe('RDS instances', () => {
  it('prices a single-AZ MySQL instance and its storage', () => {
    const db = price(base);
    expect(
      db.after.components.map(component => [
        component.name,
        component.monthlyCost,
      ]),
    ).toEqual([
      ['Database instance (MySQL, db.t3.micro, Single-AZ)', 12.41],
      ['Storage (gp2, Single-AZ)', 2.3],
    ]);
  });

  it('doubles instance and storage for Multi-AZ', () => {
    const single = price(base).after.monthly;
    expect(price({ ...base, multi_az: true }).after.monthly).toBe(2 * single);
  });

  it('prices io1 IOPS', () => {
    const db = price({
      ...base,
      engine: 'postgres',
      storage_type: 'io1',
      allocated_storage: 100,
      iops: 1000,
    });
    expect(
      db.after.components.map(component => [
        component.name,
        component.monthlyCost,
      ]),
    ).toEqual([
      ['Database instance (PostgreSQL, db.t3.micro, Single-AZ)', 13.14],
      ['Storage (io1, Single-AZ)', 12.5],
      ['Provisioned IOPS (io1, Single-AZ)', 100],
    ]);
  });

  it('prices gp3 performance above the baseline', () => {
    const db = price({
      ...base,
      storage_type: 'gp3',
      allocated_storage: 500,
      iops: 15000,
      storage_throughput: 600,
    });
    expect(
      db.after.components
        .slice(2)
        .map(component => [component.name, component.monthlyQuantity]),
    ).toEqual([
      ['Provisioned IOPS above gp3 baseline (Single-AZ)', 3000],
      ['Provisioned throughput above gp3 baseline (Single-AZ)', 100],
    ]);
  });

  it('prices backup storage beyond the allowance from usage, with a default range', () => {
    const withDefault = price({ ...base, backup_retention_period: 7 });
    expect(withDefault.after.components[2]).toMatchObject({
      name: 'Backup storage beyond the free allowance',
      monthlyCost: 0,
      range: { low: 0, high: 1.9 },
      usage: { key: 'additional_backup_storage_gb', source: 'default' },
    });
    const fromUsage = price(
      { ...base, backup_retention_period: 7 },
      { 'aws_db_instance.db': { additional_backup_storage_gb: 200 } },
    );
    expect(fromUsage.after.components[2]).toMatchObject({
      monthlyCost: 19,
      usage: { source: 'usage-file' },
    });
    expect(fromUsage.after.components[2].range).toBeUndefined();
  });

  it('lists unsupported engines as unpriced', () => {
    expect(
      price({ ...base, engine: 'aurora-postgresql' }).unpriced?.reason,
    ).toBe(
      'RDS engine "aurora-postgresql" is not priced (PostgreSQL and MySQL only)',
    );
  });

  it('lists a replica of a database outside the plan as unpriced', () => {
    const estimate = estimateTerraformPlan(
      planOf([
        {
          address: 'aws_db_instance.replica',
          after: {
            instance_class: 'db.t3.micro',
            replicate_source_db: 'elsewhere',
          },
          afterUnknown: { engine: true, allocated_storage: true },
        },
      ]),
    );
    expect(estimate.unpriced[0].reason).toBe(
      'read replica engine is unknown: source database elsewhere is not in this plan',
    );
  });

  it('finds a replica source through the configuration reference', () => {
    const plan = planOf([
      {
        address: 'aws_db_instance.primary',
        after: { ...base, identifier: null },
        afterUnknown: { identifier: true },
      },
      {
        address: 'aws_db_instance.replica',
        after: { instance_class: 'db.t3.micro', backup_retention_period: 0 },
        afterUnknown: {
          engine: true,
          allocated_storage: true,
          replicate_source_db: true,
        },
      },
    ]);
    (plan.configuration.root_module as any).resources = [
      {
        address: 'aws_db_instance.replica',
        mode: 'managed',
        type: 'aws_db_instance',
        name: 'replica',
        expressions: {
          replicate_source_db: {
            references: [
              'aws_db_instance.primary.identifier',
              'aws_db_instance.primary',
            ],
          },
        },
      },
    ];
    const replica = estimateTerraformPlan(plan).resources[1];
    expect(replica.after.components[0].name).toBe(
      'Database instance (MySQL, db.t3.micro, Single-AZ, read replica)',
    );
    expect(replica.after.monthly).toBe(14.71);
  });
});

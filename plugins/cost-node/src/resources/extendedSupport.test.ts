import { createPlan } from '../__fixtures__/planBuilder';
import { estimateTerraformPlan } from '../terraform/estimateTerraformPlan';

const at = (iso: string) => new Date(`${iso}T12:00:00Z`);

function priced(type: string, after: Record<string, unknown>, asOf: Date) {
  const estimate = estimateTerraformPlan(createPlan(`${type}.x`, after), {
    asOf,
  });
  return estimate.resources[0];
}

describe('EKS extended support', () => {
  const cluster = (version: string, asOf: Date) =>
    priced('aws_eks_cluster', { name: 'c', version }, asOf);

  it('prices the control plane at 0.10 USD/h in standard support', () => {
    const r = cluster('1.35', at('2026-12-07'));
    expect(
      r.after.components.map(c => [c.priceKey, c.unitPrice, c.monthlyCost]),
    ).toEqual([['eks:cluster', 0.1, 73]]);
  });

  it('prices it at 0.60 USD/h (six times) in extended support', () => {
    const r = cluster('1.34', at('2026-12-07'));
    expect(
      r.after.components.map(c => [
        c.name,
        c.priceKey,
        c.unitPrice,
        c.monthlyCost,
      ]),
    ).toEqual([
      [
        'EKS cluster control plane (Kubernetes 1.34, extended support)',
        'eks:cluster:extended-support',
        0.6,
        438,
      ],
    ]);
    expect(r.after.monthly).toBe(438);
    expect(r.notes).toContain(
      'Kubernetes 1.34 is in extended support on 2026-12-07 (standard support ended 2026-12-02, extended support ends 2027-12-02); priced at the extended-support rate',
    );
  });

  it('the same version a week earlier is standard', () => {
    expect(cluster('1.34', at('2026-12-01')).after.monthly).toBe(73);
  });
});

describe('RDS extended support', () => {
  const db = {
    engine: 'mysql',
    instance_class: 'db.r5.large',
    allocated_storage: 20,
    storage_type: 'gp2',
    multi_az: true,
    backup_retention_period: 0,
  };

  it('adds nothing in standard support', () => {
    const r = priced(
      'aws_db_instance',
      { ...db, engine_version: '8.4.3' },
      at('2026-12-07'),
    );
    expect(r.after.components.map(c => c.priceKey)).toEqual([
      'rds:mysql:db.r5.large',
      'rds:storage:gp2',
    ]);
  });

  it('adds 0.10 USD per vCPU-hour in years 1–2, for the standby too', () => {
    const r = priced(
      'aws_db_instance',
      { ...db, engine_version: '8.0.35' },
      at('2026-12-07'),
    );
    const surcharge = r.after.components.find(c =>
      c.priceKey.startsWith('rds:extended-support'),
    )!;
    // db.r5.large has 2 vCPU; Multi-AZ doubles: 2 × 730 h × 0.10 × 2.
    expect(surcharge).toMatchObject({
      name: 'RDS Extended Support (MySQL 8.0.35, year 1, 2 vCPU, Multi-AZ)',
      priceKey: 'rds:extended-support:yr1-yr2',
      unit: 'vCPU-hours',
      monthlyQuantity: 1460,
      unitPrice: 0.2,
      monthlyCost: 292,
    });
  });

  it('doubles the rate in year 3', () => {
    const r = priced(
      'aws_db_instance',
      { ...db, multi_az: false, engine_version: '5.7.44' },
      at('2026-12-07'),
    );
    const surcharge = r.after.components.find(c =>
      c.priceKey.startsWith('rds:extended-support'),
    )!;
    expect([
      surcharge.priceKey,
      surcharge.unitPrice,
      surcharge.monthlyCost,
    ]).toEqual(['rds:extended-support:yr3', 0.2, 292]);
  });
});

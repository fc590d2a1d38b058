import { createPlan } from '../__fixtures__/planBuilder';
import { estimateTerraformPlan } from '../terraform/estimateTerraformPlan';

function componentsOf(
  after: Record<string, unknown>,
  afterUnknown: unknown = {},
  region?: string,
) {
  const estimate = estimateTerraformPlan(
    createPlan('aws_ebs_volume.v', after, afterUnknown, region),
  );
  return estimate.resources[0].after.components.map(component => [
    component.name,
    component.monthlyQuantity,
    component.monthlyCost,
  ]);
}

describe('EBS volumes', () => {
  it('prices gp2 storage and defaults the type to gp2', () => {
    expect(componentsOf({ size: 100 })).toEqual([
      ['Volume storage (gp2)', 100, 10],
    ]);
  });

  it('prices gp3 storage with its included 3,000 IOPS and 125 MB/s', () => {
    expect(
      componentsOf(
        { size: 100, type: 'gp3' },
        { iops: true, throughput: true },
      ),
    ).toEqual([['Volume storage (gp3)', 100, 8]]);
  });

  it('prices gp3 IOPS and throughput above the baseline', () => {
    expect(
      componentsOf({ size: 100, type: 'gp3', iops: 6000, throughput: 250 }),
    ).toEqual([
      ['Volume storage (gp3)', 100, 8],
      ['Volume provisioned IOPS above 3,000 (gp3)', 3000, 15],
      ['Volume provisioned throughput above 125 MB/s (gp3)', 125, 5],
    ]);
  });

  it('prices io1 storage and IOPS', () => {
    expect(componentsOf({ size: 200, type: 'io1', iops: 4000 })).toEqual([
      ['Volume storage (io1)', 200, 25],
      ['Volume provisioned IOPS (io1)', 4000, 260],
    ]);
  });

  it('prices io2 IOPS in tiers', () => {
    expect(componentsOf({ size: 100, type: 'io2', iops: 70000 })).toEqual([
      ['Volume storage (io2)', 100, 12.5],
      ['Volume provisioned IOPS up to 32,000 (io2)', 32000, 2080],
      ['Volume provisioned IOPS 32,001 to 64,000 (io2)', 32000, 1456],
      ['Volume provisioned IOPS above 64,000 (io2)', 6000, 191.1],
    ]);
  });

  it('uses regional prices', () => {
    expect(componentsOf({ size: 100, type: 'gp3' }, {}, 'eu-west-1')).toEqual([
      ['Volume storage (gp3)', 100, 8.8],
    ]);
  });

  it('cannot price a volume whose size comes from a snapshot', () => {
    const estimate = estimateTerraformPlan(
      createPlan('aws_ebs_volume.v', { type: 'gp3' }, { size: true }),
    );
    expect(estimate.unpriced[0].reason).toBe('size is unknown until apply');
  });

  it('cannot price io1 without IOPS', () => {
    const estimate = estimateTerraformPlan(
      createPlan('aws_ebs_volume.v', { type: 'io1', size: 10 }),
    );
    expect(estimate.unpriced[0].reason).toBe('iops is not set');
  });
});

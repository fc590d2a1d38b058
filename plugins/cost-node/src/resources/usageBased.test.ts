import { createPlan } from '../__fixtures__/planBuilder';
import { estimateTerraformPlan } from '../terraform/estimateTerraformPlan';
import type { UsageData } from '../usage/usageFile';

function first(
  address: string,
  after: Record<string, unknown>,
  usage?: UsageData,
) {
  return estimateTerraformPlan(createPlan(address, after), { usage })
    .resources[0];
}

describe('usage-based resources', () => {
  it('prices NAT data processed from the usage file without a range', () => {
    const nat = first(
      'aws_nat_gateway.main',
      {},
      { 'aws_nat_gateway.main': { monthly_data_processed_gb: 500 } },
    );
    expect(nat.after.monthly).toBe(55.35); // 32.85 + 500 × 0.045
    expect(nat.range).toBeUndefined();
    expect(nat.after.components[1].usage).toEqual({
      key: 'monthly_data_processed_gb',
      source: 'usage-file',
    });
  });

  it('adds internet egress only when the usage file gives it', () => {
    expect(first('aws_nat_gateway.main', {}).after.components).toHaveLength(2);
    const nat = first(
      'aws_nat_gateway.main',
      {},
      { 'aws_nat_gateway.main': { monthly_outbound_internet_gb: 1000 } },
    );
    expect(nat.after.components[2]).toMatchObject({
      name: 'Data transfer out to the internet',
      monthlyCost: 90,
    });
  });

  it('prices NLB capacity units', () => {
    const nlb = first(
      'aws_lb.n',
      { load_balancer_type: 'network' },
      { 'aws_lb.n': { average_lcus: 2 } },
    );
    expect(
      nlb.after.components.map(component => [
        component.name,
        component.monthlyCost,
      ]),
    ).toEqual([
      ['Network Load Balancer', 16.425],
      ['Load balancer capacity units (NLCU)', 8.76],
    ]);
  });

  it('lists gateway load balancers as unpriced', () => {
    expect(
      first('aws_lb.g', { load_balancer_type: 'gateway' }).unpriced?.reason,
    ).toContain('not priced');
  });

  it('prices S3 storage classes from the usage file', () => {
    const bucket = first(
      'aws_s3_bucket.archive',
      {},
      {
        'aws_s3_bucket.archive': {
          storage_classes: {
            STANDARD_IA: {
              storage_gb: 1000,
              monthly_get_requests: 10000,
              monthly_retrieval_gb: 50,
            },
            DEEP_ARCHIVE: { storage_gb: 10000, monthly_put_requests: 1000 },
          },
        },
      },
    );
    expect(
      bucket.after.components.map(component => [
        component.name,
        component.monthlyCost,
      ]),
    ).toEqual([
      ['Standard-IA storage', 12.5],
      ['Standard-IA PUT, COPY, POST, LIST requests', 0],
      ['Standard-IA GET and other requests', 0.01],
      ['Standard-IA data retrieval', 0.5],
      ['Glacier Deep Archive storage', 9.9],
      ['Glacier Deep Archive PUT, COPY, POST, LIST requests', 0.05],
      ['Glacier Deep Archive GET and other requests', 0],
    ]);
    expect(bucket.range).toBeUndefined();
  });

  it('lists an unknown S3 storage class in the usage file as unpriced', () => {
    const bucket = first(
      'aws_s3_bucket.b',
      {},
      { 'aws_s3_bucket.b': { storage_classes: { INTELLIGENT_TIERING: {} } } },
    );
    expect(bucket.unpriced?.reason).toMatch(
      /usage storage class "INTELLIGENT_TIERING" is not priced/,
    );
  });

  it('prices CloudFront at global rates with default ranges', () => {
    const distribution = first('aws_cloudfront_distribution.cdn', {
      enabled: true,
    });
    expect(
      distribution.after.components.map(component => [
        component.name,
        component.monthlyCost,
      ]),
    ).toEqual([
      ['Data transfer out to the internet', 8.5],
      ['HTTPS requests', 1],
    ]);
    expect(distribution.range).toEqual({ low: 0, high: 95 });
  });

  it('prices elastic IPs as public IPv4 hours', () => {
    expect(first('aws_eip.nat', { domain: 'vpc' }).after.monthly).toBe(3.65);
  });
});

import { HOURS_PER_MONTH, roundMoney } from '@gatehouse/plugin-cost-common';
import { createPlan } from '../__fixtures__/planBuilder';
import { estimateTerraformPlan } from '../terraform/estimateTerraformPlan';
import { defaultPriceBook } from './loadPricing';

/**
 * Public on-demand prices of known SKUs. A change to the pricing file that
 * moves one of these must be deliberate.
 */
const PINNED_HOURLY: Array<[string, string, number]> = [
  ['us-east-1', 'ec2:instance:t3.micro', 0.0104],
  ['us-east-1', 'ec2:instance:t3.medium', 0.0416],
  ['us-east-1', 'ec2:instance:t4g.small', 0.0168],
  ['us-east-1', 'ec2:instance:m5.large', 0.096],
  ['us-east-1', 'ec2:instance:m6i.xlarge', 0.192],
  ['us-east-1', 'ec2:instance:m7i.large', 0.1008],
  ['us-east-1', 'ec2:instance:c5.large', 0.085],
  ['us-east-1', 'ec2:instance:c6i.2xlarge', 0.34],
  ['us-east-1', 'ec2:instance:r5.large', 0.126],
  ['us-east-1', 'ec2:instance:r6g.large', 0.1008],
  ['us-west-2', 'ec2:instance:t3.medium', 0.0416],
  ['us-west-2', 'ec2:instance:m5.large', 0.096],
  ['eu-west-1', 'ec2:instance:t3.medium', 0.0456],
  ['eu-west-1', 'ec2:instance:m5.large', 0.107],
  ['eu-west-1', 'ec2:instance:c5.large', 0.096],
  ['eu-west-1', 'ec2:instance:r5.large', 0.141],
  ['us-east-1', 'eks:cluster', 0.1],
  ['eu-west-1', 'eks:cluster', 0.1],
  ['us-east-1', 'vpc:nat:hour', 0.045],
  ['eu-west-1', 'vpc:nat:hour', 0.048],
  ['us-east-1', 'elb:application:hour', 0.0225],
  ['us-east-1', 'elb:network:hour', 0.0225],
  ['us-east-1', 'rds:postgres:db.t3.micro', 0.018],
  ['us-east-1', 'rds:mysql:db.t3.micro', 0.017],
  ['us-east-1', 'rds:postgres:db.m5.large', 0.178],
  ['us-east-1', 'rds:mysql:db.r5.large', 0.24],
  ['us-east-1', 'elasticache:cache.t3.micro', 0.017],
  ['us-east-1', 'elasticache:cache.r6g.large', 0.206],
];

const PINNED_OTHER: Array<[string, string, number]> = [
  ['us-east-1', 'ebs:gp3:storage', 0.08],
  ['us-east-1', 'ebs:gp2:storage', 0.1],
  ['us-east-1', 'ebs:gp3:iops', 0.005],
  ['us-east-1', 'ebs:gp3:throughput', 0.04],
  ['us-east-1', 'ebs:io1:storage', 0.125],
  ['us-east-1', 'ebs:io1:iops', 0.065],
  ['eu-west-1', 'ebs:gp3:storage', 0.088],
  ['us-east-1', 'elb:application:lcu', 0.008],
  ['us-east-1', 'vpc:nat:data', 0.045],
  ['us-east-1', 'rds:storage:gp2', 0.115],
  ['us-east-1', 'rds:backup', 0.095],
  ['us-east-1', 's3:STANDARD:storage', 0.023],
  ['us-east-1', 's3:DEEP_ARCHIVE:storage', 0.00099],
  ['us-east-1', 'transfer:internet-out', 0.09],
];

describe('pinned public on-demand prices', () => {
  const book = defaultPriceBook();

  it.each(PINNED_HOURLY)(
    '%s %s is %p USD/h and %p × 730 a month',
    (region, key, hourly) => {
      const entry = book.price(region, key);
      expect(entry).toMatchObject({ price: hourly, unit: 'hour' });
      expect(roundMoney(entry!.price * HOURS_PER_MONTH)).toBe(
        roundMoney(hourly * 730),
      );
    },
  );

  it.each(PINNED_OTHER)('%s %s is %p USD', (region, key, price) => {
    expect(book.price(region, key)?.price).toBe(price);
  });

  it.each([
    ['t3.medium', 30.368],
    ['m5.large', 70.08],
    ['c5.large', 62.05],
    ['r5.large', 91.98],
  ])(
    'prices an aws_instance %s at %p USD/month in us-east-1',
    (instanceType, monthly) => {
      const estimate = estimateTerraformPlan(
        createPlan('aws_instance.x', {
          instance_type: instanceType,
          root_block_device: [{ volume_size: 8, volume_type: 'gp3' }],
        }),
      );
      const [instanceHours, rootVolume] =
        estimate.resources[0].after.components;
      expect(instanceHours).toMatchObject({
        unit: 'hours',
        monthlyQuantity: 730,
        unitPrice: book.price('us-east-1', `ec2:instance:${instanceType}`)!
          .price,
        monthlyCost: monthly,
        priceKey: `ec2:instance:${instanceType}`,
      });
      expect(rootVolume.monthlyCost).toBe(0.64);
      expect(estimate.totals.monthlyAfter).toBe(roundMoney(monthly + 0.64));
    },
  );

  it('prices the EKS control plane at 73 USD/month', () => {
    const estimate = estimateTerraformPlan(
      createPlan('aws_eks_cluster.main', { name: 'main' }),
    );
    expect(estimate.totals.monthlyAfter).toBe(73);
  });
});

import smallPlan from '../__fixtures__/plan-small.json';
import { estimateTerraformPlan } from '../terraform/estimateTerraformPlan';
import { formatEstimateTable } from './table';

describe('formatEstimateTable', () => {
  const estimate = estimateTerraformPlan(smallPlan);

  it('renders a fixed-width table with components, totals, unpriced and free resources', () => {
    expect(formatEstimateTable(estimate)).toBe(
      [
        'Monthly cost estimate in USD (730 hours a month), pricing 2025-06-01.1 (effective 2025-06-01), region us-east-1',
        '',
        'Resource                Action  Before  After   Delta  Range (after)',
        '----------------------  ------  ------  -----  ------  ---------------',
        'aws_instance.app        create    0.00  31.97  +31.97',
        '    Instance usage (Linux, on-demand, t3.medium): 730 hours x 0.0416 = 30.37',
        '    Root volume storage (gp3): 20 GB-months x 0.08 = 1.60',
        'aws_nat_gateway.main    create    0.00  37.35  +37.35  33.30 .. 77.85',
        '    NAT gateway: 730 hours x 0.045 = 32.85',
        '    Data processed: 100 GB x 0.045 = 4.50  (0.45 .. 45.00)',
        'aws_ebs_volume.scratch  delete    8.00   0.00   -8.00',
        '    Volume storage (gp3): 100 GB-months x 0.08 = 8.00',
        '----------------------  ------  ------  -----  ------  ---------------',
        'Total                             8.00  69.32  +61.32  65.27 .. 109.82',
        'Delta range: +57.27 .. +101.82',
        '',
        'Not priced (1), excluded from the totals:',
        '  aws_sqs_queue.jobs (create): resource type aws_sqs_queue is not supported by the estimator',
        '',
        'Free: 1 resource (data sources and types with no charge of their own)',
        '',
        'Plan: 4 to create, 0 to update, 0 to replace, 1 to delete, 0 unchanged.',
        '',
      ].join('\n'),
    );
  });

  it('can leave out components', () => {
    const text = formatEstimateTable(estimate, { components: false });
    expect(text).not.toContain('Instance usage');
    expect(text).toContain(
      'aws_instance.app        create    0.00  31.97  +31.97\naws_nat_gateway.main',
    );
  });

  it('rounds to cents only for display', () => {
    expect(estimate.totals.monthlyAfter).toBe(69.318);
    expect(formatEstimateTable(estimate)).toContain('69.32');
  });
});

import smallPlan from '../__fixtures__/plan-small.json';
import { planOf } from '../__fixtures__/planBuilder';
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
        '0 of 5 components use approximate prices.',
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

  it('marks approximate prices per component and resource and counts them', () => {
    // The shipped file's db.t4g.medium price is approximate; its storage is not.
    const withApproximate = estimateTerraformPlan(
      planOf([
        {
          address: 'aws_db_instance.main',
          after: {
            engine: 'postgres',
            instance_class: 'db.t4g.medium',
            allocated_storage: 20,
            storage_type: 'gp2',
            multi_az: false,
            backup_retention_period: 0,
          },
        },
      ]),
    );
    const lines = formatEstimateTable(withApproximate).split('\n');
    expect(lines.slice(2, 8)).toEqual([
      'Resource              Action  Before  After   Delta  Range (after)  Prices',
      '--------------------  ------  ------  -----  ------  -------------  -------------',
      'aws_db_instance.main  create    0.00  49.75  +49.75                 1 approximate',
      '    Database instance (PostgreSQL, db.t4g.medium, Single-AZ): 730 hours x 0.065 = 47.45  [approximate price]',
      '    Storage (gp2, Single-AZ): 20 GB-months x 0.115 = 2.30',
      '--------------------  ------  ------  -----  ------  -------------  -------------',
    ]);
    expect(lines).toContain(
      '1 of 2 components use approximate prices (marked [approximate price]), not checked against the AWS price list:',
    );
    expect(lines).toContain(
      '  rds:postgres:db.t4g.medium: approximate: recalled from the public price page, not checked against the price list; refresh with scripts/import-aws-price-list.ts',
    );
  });

  it('says when an estimate does not record provenance', () => {
    const old = estimateTerraformPlan(smallPlan);
    delete old.totals.pricedComponents;
    delete old.totals.approximateComponents;
    expect(formatEstimateTable(old)).toContain(
      'Price provenance was not recorded for this estimate; some prices may be approximate.',
    );
  });

  it('rounds to cents only for display', () => {
    expect(estimate.totals.monthlyAfter).toBe(69.318);
    expect(formatEstimateTable(estimate)).toContain('69.32');
  });
});

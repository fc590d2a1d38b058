import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import type { CostEstimate } from '@gatehouse/plugin-cost-common';
import { EstimateBreakdown } from './EstimateBreakdown';

const estimate: CostEstimate = {
  schemaVersion: 1,
  currency: 'USD',
  pricingVersion: '2025-06-01.1',
  pricingEffectiveDate: '2025-06-01',
  region: 'us-east-1',
  hoursPerMonth: 730,
  totals: {
    monthlyBefore: 150.758,
    monthlyAfter: 167.942,
    delta: 17.184,
    range: { low: 140, high: 400 },
    deltaRange: { low: 0, high: 17.184 },
  },
  resources: [],
  unpriced: [],
  summary: {
    create: 0,
    update: 1,
    delete: 0,
    replace: 0,
    noop: 17,
    read: 0,
    forget: 0,
    counts: { total: 18, priced: 8, free: 9, unpriced: 1 },
  },
  warnings: [],
  infraPlan: {
    service: 'task-runner',
    revision: 2,
    priorRevision: 1,
    comparedWithPrior: true,
    environments: [
      {
        name: 'development',
        tier: 'development',
        region: 'us-east-1',
        change: 'changed',
        monthlyBefore: 150.758,
        monthlyAfter: 167.942,
        delta: 17.184,
        range: { low: 140, high: 400 },
        budgetMonthly: 150,
        overBudget: true,
        unpricedCount: 1,
      },
    ],
    workloads: [
      {
        environment: 'development',
        nodeGroup: 'general',
        instanceType: 't3.small',
        desiredNodes: 3,
        nodeGroupMonthly: 45.552,
        requestedMonthly: 3.796,
        requestedRange: { low: 3.796, high: 3.796 },
        shareOfNodeGroup: 0.083333,
        workloads: [
          {
            kind: 'Deployment',
            name: 'runner',
            namespace: 'task-runner',
            replicas: 1,
            podRequests: { cpuCores: 0.25, memoryGiB: 0.5 },
            podShareOfNode: 0.25,
            dominantResource: 'memory',
            monthlyPerPod: 3.796,
            monthly: 3.796,
          },
        ],
        unpriced: [],
      },
    ],
  },
};

describe('EstimateBreakdown', () => {
  it('shows an infrastructure plan estimate per environment and node group', async () => {
    await renderInTestApp(<EstimateBreakdown estimate={estimate} />);
    expect(
      screen.getByText('Environments of task-runner (revision 1 → 2)'),
    ).toBeInTheDocument();
    const environments = screen.getByRole('table', {
      name: 'Environments and their budgets',
    });
    const row = within(environments).getByText('development').closest('tr')!;
    expect(row).toHaveTextContent('changed');
    expect(row).toHaveTextContent('150.76 USD');
    expect(row).toHaveTextContent('167.94 USD');
    expect(row).toHaveTextContent('+17.18 USD');
    expect(row).toHaveTextContent('150.00 USD (112%, over)');
    expect(row).toHaveTextContent('1 not priced');
    const groups = screen.getByRole('table', {
      name: 'Workloads by node group',
    });
    expect(groups).toHaveTextContent('development/general3 × t3.small');
    expect(groups).toHaveTextContent('3.80 USD (8%)');
    expect(groups).toHaveTextContent('runner: 1 × 3.80 USD');
  });

  it('marks approximate prices on the resource, its components and the totals', async () => {
    const approximateSource =
      'Amazon RDS for PostgreSQL On-Demand pricing page, Single-AZ, US East (N. Virginia): USD 0.065 per RDS db.t4g.medium Single-AZ instance hour (or partial hour) running PostgreSQL';
    const withApproximate: CostEstimate = {
      ...estimate,
      infraPlan: undefined,
      totals: {
        ...estimate.totals,
        pricedComponents: 2,
        approximateComponents: 1,
      },
      resources: [
        {
          address: 'aws_db_instance.main',
          type: 'aws_db_instance',
          name: 'main',
          mode: 'managed',
          action: 'create',
          region: 'us-east-1',
          status: 'priced',
          before: { monthly: 0, components: [] },
          after: {
            monthly: 49.75,
            components: [
              {
                name: 'Database instance (PostgreSQL, db.t4g.medium, Single-AZ)',
                unit: 'hours',
                monthlyQuantity: 730,
                unitPrice: 0.065,
                monthlyCost: 47.45,
                priceKey: 'rds:postgres:db.t4g.medium',
                priceSource: approximateSource,
                priceProvenance: {
                  kind: 'approximate',
                  source: approximateSource,
                  reason:
                    'approximate: recalled from the public price page, not checked against the price list',
                },
              },
              {
                name: 'Storage (gp2, Single-AZ)',
                unit: 'GB-months',
                monthlyQuantity: 20,
                unitPrice: 0.115,
                monthlyCost: 2.3,
                priceKey: 'rds:storage:gp2',
                priceSource: 'Amazon RDS pricing page',
                priceProvenance: {
                  kind: 'price-list',
                  source: 'AWS Price List AmazonRDS 2025-06-01T00:00:00Z',
                  publicationDate: '2025-06-01T00:00:00Z',
                },
              },
            ],
          },
          delta: 49.75,
          approximateComponents: 1,
        },
      ],
    };
    await renderInTestApp(<EstimateBreakdown estimate={withApproximate} />);

    expect(
      screen.getByText(
        '1 of 2 components use approximate prices, not checked against the AWS price list.',
      ),
    ).toBeInTheDocument();
    const row = screen.getByText('aws_db_instance.main').closest('tr')!;
    expect(within(row).getByText('1 approximate price')).toBeInTheDocument();

    await userEvent.click(
      screen.getByRole('button', {
        name: 'Components of aws_db_instance.main',
      }),
    );
    const components = screen.getByRole('table', {
      name: 'Cost components of aws_db_instance.main',
    });
    const instance = within(components)
      .getByText('Database instance (PostgreSQL, db.t4g.medium, Single-AZ)')
      .closest('tr')!;
    const chip = within(instance).getByText('approximate');
    expect(chip.closest('[aria-label]')).toHaveAttribute(
      'aria-label',
      `Approximate price: recalled from the public price page, not checked against the price list. Source named: ${approximateSource}`,
    );
    await userEvent.hover(chip);
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      'Approximate price: recalled from the public price page',
    );
    const storage = within(components)
      .getByText('Storage (gp2, Single-AZ)')
      .closest('tr')!;
    expect(storage).toHaveTextContent('AWS price list, published 2025-06-01');
    expect(within(storage).queryByText('approximate')).not.toBeInTheDocument();
  });

  it('says when an estimate does not record price provenance', async () => {
    await renderInTestApp(
      <EstimateBreakdown estimate={{ ...estimate, infraPlan: undefined }} />,
    );
    expect(
      screen.getByText(
        'Price provenance was not recorded for this estimate; some prices may be approximate.',
      ),
    ).toBeInTheDocument();
  });
});

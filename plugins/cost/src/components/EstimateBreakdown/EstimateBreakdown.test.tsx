import { screen, within } from '@testing-library/react';
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
});

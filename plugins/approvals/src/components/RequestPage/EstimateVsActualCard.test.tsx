import { screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import type { ChangeRequest } from '@gatehouse/plugin-approvals-common';
import type { CostApi, EstimateAccuracy } from '@gatehouse/plugin-cost-common';
import { costApiRef } from '@gatehouse/plugin-cost-react';
import { changeRequest, fakeApprovalsApi } from '../../__testUtils__/fixtures';
import { renderWithApprovals } from '../../__testUtils__/render';
import { EstimateVsActualCard } from './EstimateVsActualCard';
import { RequestView } from './RequestPage';

jest.setTimeout(20_000);

const APPROVED_AT = '2026-03-01T10:15:00.000Z';

/** The fixture request, approved by the platform approver on 1 March. */
function approvedRequest(): ChangeRequest {
  const request = changeRequest({ status: 'approved' });
  return {
    ...request,
    audit: [
      ...request.audit,
      {
        sequence: 5,
        action: 'approve',
        actor: 'user:default/alice',
        revision: 2,
        contentHash: request.contentHash,
        comment: null,
        statusAfter: 'approved',
        createdAt: APPROVED_AT,
      },
      {
        sequence: 6,
        action: 'follow-up-started',
        actor: 'service:approvals',
        revision: 2,
        contentHash: request.contentHash,
        comment: null,
        statusAfter: 'approved',
        createdAt: '2026-03-01T10:16:00.000Z',
      },
    ],
  };
}

const MONTH = 730 / 24;

function accuracy(overrides: Partial<EstimateAccuracy>): EstimateAccuracy {
  return {
    entityRef: 'component:default/payments',
    service: 'payments',
    environment: 'production',
    currency: 'USD',
    approvedOn: '2026-03-01',
    settleAfterDays: 7,
    settlesOn: '2026-03-08',
    dataUpTo: '2026-03-15',
    status: 'settled',
    before: {
      from: '2026-02-15',
      to: '2026-02-28',
      days: 14,
      total: 140,
      monthlyRunRate: 10 * MONTH,
    },
    after: {
      from: '2026-03-02',
      to: '2026-03-15',
      days: 14,
      total: 196,
      monthlyRunRate: 14 * MONTH,
    },
    estimate: { monthly: 420.5, delta: 120.5 },
    actual: { monthly: 14 * MONTH, delta: 4 * MONTH },
    error: {
      monthly: {
        difference: 420.5 - 14 * MONTH,
        percent: ((420.5 - 14 * MONTH) / (14 * MONTH)) * 100,
      },
      delta: {
        difference: 120.5 - 4 * MONTH,
        percent: ((120.5 - 4 * MONTH) / (4 * MONTH)) * 100,
      },
    },
    ...overrides,
  };
}

function fakeCost(answer: EstimateAccuracy) {
  return { accuracy: jest.fn().mockResolvedValue(answer) } as Partial<
    jest.Mocked<CostApi>
  > as jest.Mocked<CostApi>;
}

function render(request: ChangeRequest, cost?: CostApi) {
  return renderInTestApp(<EstimateVsActualCard request={request} />, {
    apis: (cost ? [[costApiRef, cost]] : []) as any,
  });
}

describe('EstimateVsActualCard', () => {
  it('compares the approved estimate with the spend since the approval', async () => {
    const cost = fakeCost(accuracy({}));
    await render(approvedRequest(), cost);
    const figures = await screen.findByLabelText('Estimate accuracy');
    // The approval is the first audit line that left the revision approved.
    expect(cost.accuracy).toHaveBeenCalledWith({
      entityRef: 'component:default/payments',
      environment: 'production',
      since: APPROVED_AT,
      estimatedMonthly: 420.5,
      estimatedDelta: 120.5,
    });
    expect(screen.getByText('Estimate vs actual')).toBeInTheDocument();
    expect(
      within(figures).getByLabelText('Estimated monthly'),
    ).toHaveTextContent('420.50 USD');
    // 14 a day over a 730-hour month.
    expect(within(figures).getByLabelText('Actual monthly')).toHaveTextContent(
      '425.83 USD',
    );
    expect(within(figures).getByLabelText('Estimate error')).toHaveTextContent(
      '1% low (-5.33 USD)',
    );
    expect(within(figures).getByLabelText('Actual change')).toHaveTextContent(
      '+121.67 USD',
    );
    expect(within(figures).getByLabelText('Change error')).toHaveTextContent(
      '1% low (-1.17 USD)',
    );
    expect(figures).toHaveTextContent(
      'run rate after approval: 425.83 USD a month (196.00 USD over 14 days, 2026-03-02 to 2026-03-15)',
    );
  });

  it('says when the comparison settles while billing data is short', async () => {
    const cost = fakeCost(
      accuracy({
        status: 'settling',
        approvedOn: '2026-03-12',
        settlesOn: '2026-03-19',
        after: {
          from: '2026-03-13',
          to: '2026-03-15',
          days: 3,
          total: 42,
          monthlyRunRate: 14 * MONTH,
        },
        error: null,
      }),
    );
    await render(approvedRequest(), cost);
    expect(
      await screen.findByText(/Not enough data yet — settles on 2026-03-19/),
    ).toHaveTextContent(
      'after 7 days of billing data following the approval on 2026-03-12. So far: 425.83 USD a month (42.00 USD over 3 days, 2026-03-13 to 2026-03-15).',
    );
    expect(screen.queryByLabelText('Estimate error')).not.toBeInTheDocument();
  });

  it('shows nothing for a request that is not approved', async () => {
    const cost = fakeCost(accuracy({}));
    await render(changeRequest({ status: 'pending' }), cost);
    expect(screen.queryByText('Estimate vs actual')).not.toBeInTheDocument();
    expect(cost.accuracy).not.toHaveBeenCalled();
  });

  it('explains what is missing without an estimate or the cost plugin', async () => {
    const withoutEstimate = approvedRequest();
    withoutEstimate.current = { ...withoutEstimate.current, estimate: null };
    const cost = fakeCost(accuracy({}));
    const first = await render(withoutEstimate, cost);
    expect(
      screen.getByText(/This change had no cost estimate/),
    ).toBeInTheDocument();
    expect(cost.accuracy).not.toHaveBeenCalled();
    first.unmount();

    await render(approvedRequest());
    expect(
      screen.getByText(/The cost plugin is not installed/),
    ).toBeInTheDocument();
  });

  it('is part of the request page of an approved request', async () => {
    renderWithApprovals(<RequestView id="req-1" />, {
      api: fakeApprovalsApi({
        get: jest.fn().mockResolvedValue(approvedRequest()),
      }),
    });
    expect(await screen.findByText('Estimate vs actual')).toBeInTheDocument();
  });
});

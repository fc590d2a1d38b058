import { screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { discoveryApiRef, fetchApiRef } from '@backstage/frontend-plugin-api';
import type {
  ChangeRequest,
  ChangeRequestSummary,
} from '@gatehouse/plugin-approvals-common';
import type {
  CostApi,
  CostEstimate,
  EstimateAccuracy,
} from '@gatehouse/plugin-cost-common';
import { costApiRef } from '@gatehouse/plugin-cost-react';
import { ApprovedChangesTable } from './ApprovedChangesTable';

jest.setTimeout(20_000);

const ENTITY = 'component:default/task-runner';
const MONTH = 730 / 24;

function estimate(monthlyAfter: number, delta: number): CostEstimate {
  return {
    schemaVersion: 1,
    currency: 'USD',
    pricingVersion: '2025-06-01.1',
    pricingEffectiveDate: '2025-06-01',
    region: 'us-east-1',
    hoursPerMonth: 730,
    totals: {
      monthlyBefore: monthlyAfter - delta,
      monthlyAfter,
      delta,
      range: { low: monthlyAfter, high: monthlyAfter },
      deltaRange: { low: delta, high: delta },
    },
    resources: [],
    unpriced: [],
    summary: {
      create: 0,
      update: 1,
      delete: 0,
      replace: 0,
      noop: 0,
      read: 0,
      forget: 0,
      counts: { total: 1, priced: 1, free: 0, unpriced: 0 },
    },
    warnings: [],
  };
}

function request(
  id: string,
  title: string,
  status: 'approved' | 'auto-approved',
  approvedAt: string,
  costEstimate: CostEstimate | null,
): { summary: ChangeRequestSummary; full: ChangeRequest } {
  const summary: ChangeRequestSummary = {
    id,
    title,
    entityRef: ENTITY,
    environment: 'production',
    status,
    submitter: 'user:default/bob',
    submitterKind: 'user',
    revision: 1,
    contentHash: 'a'.repeat(64),
    riskLevel: 'low',
    costDelta: costEstimate?.totals.delta ?? null,
    createdAt: '2026-03-01T08:00:00.000Z',
    updatedAt: approvedAt,
    expiresAt: '2026-03-08T08:00:00.000Z',
    policySummary: 'approved',
  };
  const full = {
    ...summary,
    current: { revision: 1, estimate: costEstimate } as any,
    audit: [
      {
        sequence: 1,
        action: 'submitted',
        actor: 'user:default/bob',
        revision: 1,
        contentHash: summary.contentHash,
        comment: null,
        statusAfter: status === 'approved' ? 'pending' : 'auto-approved',
        createdAt: status === 'approved' ? summary.createdAt : approvedAt,
      },
      ...(status === 'approved'
        ? [
            {
              sequence: 2,
              action: 'approve',
              actor: 'user:default/alice',
              revision: 1,
              contentHash: summary.contentHash,
              comment: null,
              statusAfter: 'approved',
              createdAt: approvedAt,
            },
          ]
        : []),
    ],
  } as ChangeRequest;
  return { summary, full };
}

const bigger = request(
  'r-1',
  'More batch nodes',
  'approved',
  '2026-03-01T10:00:00.000Z',
  estimate(800, 150),
);
const tidy = request(
  'r-2',
  'Tidy tags',
  'auto-approved',
  '2026-03-12T09:00:00.000Z',
  null,
);
const cache = request(
  'r-3',
  'Add a cache',
  'approved',
  '2026-03-13T16:00:00.000Z',
  estimate(900, 100),
);

/** The approvals backend, as the ApprovalsClient reaches it through fetch. */
function approvalsFetch() {
  const calls: string[] = [];
  const fetch = jest.fn(async (input: string) => {
    const url = new URL(input);
    calls.push(`${url.pathname}${url.search}`);
    const all = [bigger, tidy, cache];
    if (url.pathname === '/api/approvals/requests') {
      const items = all
        .filter(r => r.summary.status === url.searchParams.get('status'))
        .map(r => r.summary);
      return new Response(JSON.stringify({ items, total: items.length }));
    }
    const id = url.pathname.split('/').pop();
    const found = all.find(r => r.summary.id === id);
    return new Response(JSON.stringify(found!.full));
  });
  return { fetch, calls };
}

function answer(overrides: Partial<EstimateAccuracy>): EstimateAccuracy {
  return {
    entityRef: ENTITY,
    service: 'task-runner',
    environment: 'production',
    currency: 'USD',
    approvedOn: '2026-03-01',
    settleAfterDays: 7,
    settlesOn: '2026-03-08',
    dataUpTo: '2026-03-15',
    status: 'settled',
    before: null,
    after: null,
    estimate: { monthly: 0, delta: null },
    actual: null,
    error: null,
    ...overrides,
  };
}

describe('ApprovedChangesTable', () => {
  it('lists the latest approved changes with their estimate against actual spend', async () => {
    const approvals = approvalsFetch();
    const cost = {
      accuracy: jest.fn(async query =>
        query.since.startsWith('2026-03-01')
          ? answer({
              after: {
                from: '2026-03-02',
                to: '2026-03-15',
                days: 14,
                total: 14 * 28,
                monthlyRunRate: 28 * MONTH,
              },
              estimate: { monthly: 800, delta: 150 },
              actual: { monthly: 28 * MONTH, delta: 6 * MONTH },
              error: {
                monthly: {
                  difference: 800 - 28 * MONTH,
                  percent: ((800 - 28 * MONTH) / (28 * MONTH)) * 100,
                },
                delta: null,
              },
            })
          : answer({
              status: 'settling',
              approvedOn: '2026-03-13',
              settlesOn: '2026-03-20',
            }),
      ),
    } as Partial<jest.Mocked<CostApi>> as jest.Mocked<CostApi>;

    await renderInTestApp(<ApprovedChangesTable entityRef={ENTITY} />, {
      apis: [
        [costApiRef, cost],
        [fetchApiRef, { fetch: approvals.fetch }],
        [
          discoveryApiRef,
          { getBaseUrl: async (id: string) => `http://backend/api/${id}` },
        ],
      ] as any,
    });

    const newest = (await screen.findByText('Add a cache')).closest('tr')!;
    expect(newest).toHaveTextContent(
      'not enough data yet — settles on 2026-03-20',
    );
    const older = screen.getByText('More batch nodes').closest('tr')!;
    // 28 a day is 851.67 a month against 800 estimated: 6% low.
    expect(within(older).getByText('800.00 USD')).toBeInTheDocument();
    expect(within(older).getByText('851.67 USD')).toBeInTheDocument();
    expect(older).toHaveTextContent('6% low (-51.67 USD)');
    expect(older).toHaveTextContent('+150.00 USD / +182.50 USD');
    expect(older).toHaveTextContent('settled (14 days)');
    expect(screen.getByText('Tidy tags').closest('tr')).toHaveTextContent(
      'no estimate to compare',
    );

    // Newest approval first; the estimate's proposed monthly and delta were asked about.
    const titles = screen
      .getAllByRole('row')
      .slice(1)
      .map(row => row.querySelector('td:first-child')?.textContent);
    expect(titles).toEqual(['Add a cache', 'Tidy tags', 'More batch nodes']);
    expect(cost.accuracy).toHaveBeenCalledTimes(2);
    expect(cost.accuracy).toHaveBeenCalledWith({
      entityRef: ENTITY,
      environment: 'production',
      since: '2026-03-01T10:00:00.000Z',
      estimatedMonthly: 800,
      estimatedDelta: 150,
    });
    // Two lists (approved, auto-approved), then each of the latest in full.
    const ref = encodeURIComponent(ENTITY);
    expect(approvals.calls.sort()).toEqual([
      '/api/approvals/requests/r-1',
      '/api/approvals/requests/r-2',
      '/api/approvals/requests/r-3',
      `/api/approvals/requests?entityRef=${ref}&status=approved&view=all&limit=5`,
      `/api/approvals/requests?entityRef=${ref}&status=auto-approved&view=all&limit=5`,
    ]);
  });
});

import { screen, within } from '@testing-library/react';
import {
  dashboard,
  fakeClustersApi,
  fakeUnapprovedChangesApi,
  unapprovedChange,
} from '../../__testUtils__/fixtures';
import { renderWithClusters } from '../../__testUtils__/render';
import { SreDashboardPage } from './SreDashboardPage';
import { UnapprovedChangesCard } from './UnapprovedChangesCard';

describe('SreDashboardPage', () => {
  it('shows each environment with its clusters, problems, changes and spend', async () => {
    const api = fakeClustersApi();
    await renderWithClusters(<SreDashboardPage />, { api });

    const production = await screen.findByRole('region', {
      name: 'Environment production',
    });
    // The cluster links to its catalog Resource.
    expect(
      within(production).getByRole('link', { name: 'eks-production-use1' }),
    ).toHaveAttribute('href', '/catalog/default/resource/eks-production-use1');
    // The failing pod, with its reason, under the service it belongs to.
    const pod = within(production).getByLabelText(
      'Failing pod task-runner-7c9d-x2x4k',
    );
    expect(within(pod).getByText('CrashLoopBackOff')).toBeInTheDocument();
    expect(within(pod).getByText(/7 restarts/)).toBeInTheDocument();
    expect(
      within(production).getByRole('link', { name: 'task-runner' }),
    ).toHaveAttribute('href', '/catalog/default/component/task-runner');
    expect(
      within(production).getByRole('link', { name: 'Pods, logs and events' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/task-runner/kubernetes',
    );
    expect(
      within(production).getByText(
        'Deployment task-runner: 3 of 4 replicas ready',
      ),
    ).toBeInTheDocument();
    expect(
      within(production).getByText('1 healthy service.'),
    ).toBeInTheDocument();
    // What is waiting for approval, linked to the request and the service.
    const pending = within(production).getByRole('list', {
      name: 'Pending change requests',
    });
    expect(
      within(pending).getByRole('link', {
        name: 'Scale the API to 8 replicas',
      }),
    ).toHaveAttribute('href', '/approvals/requests/req-1');
    expect(
      within(pending).getByRole('link', {
        name: 'component:default/orchestrator-api',
      }),
    ).toHaveAttribute('href', '/catalog/default/component/orchestrator-api');
    expect(
      within(production).getByLabelText('Spend in production'),
    ).toHaveTextContent('9,000.00 USD');
    expect(within(production).getByRole('progressbar')).toHaveAttribute(
      'aria-valuenow',
      '75',
    );

    // A cluster that did not answer shows its error; its environment is still there.
    const staging = screen.getByRole('region', { name: 'Environment staging' });
    expect(
      within(staging).getByLabelText('Cluster eks-staging-use1 error'),
    ).toHaveTextContent(
      'eks-staging-use1 did not answer (timeout): did not answer within 3000 ms',
    );
    expect(
      within(staging).getByText(/1 cluster not answering/),
    ).toBeInTheDocument();

    // Service budgets across environments link to the service.
    const across = screen.getByRole('region', { name: 'Across environments' });
    expect(
      within(across).getByRole('link', { name: 'task-runner (service)' }),
    ).toHaveAttribute('href', '/catalog/default/component/task-runner');
  });

  it('says when approvals or cost could not be asked, and shows the rest', async () => {
    const api = fakeClustersApi();
    api.dashboard.mockResolvedValue({
      ...dashboard,
      sources: {
        approvals: { status: 'error', message: 'approvals did not answer' },
        cost: { status: 'ok' },
      },
    });
    await renderWithClusters(<SreDashboardPage />, { api });
    expect(
      (
        await screen.findAllByText(
          'Change requests are unavailable: approvals did not answer',
        )
      ).length,
    ).toBe(2);
    expect(
      screen.getByLabelText('Failing pod task-runner-7c9d-x2x4k'),
    ).toBeInTheDocument();
  });
});

describe('unapproved changes on the SRE dashboard', () => {
  const section = () =>
    screen.findByRole('region', { name: 'Unapproved changes' });

  it('lists the newest unapproved changes across environments, as an error', async () => {
    const approvals = fakeUnapprovedChangesApi(
      [
        unapprovedChange,
        {
          ...unapprovedChange,
          id: 4,
          entityRef: 'resource:default/task-runner-staging',
          commit: 'abcdef0123456789abcdef0123456789abcdef01',
          author: 'eve <eve@example.com>',
          summary: 'Revert to an unapproved revision',
          reason: 'change request 5d1c0a6e is rejected, not approved',
          requestId: '5d1c0a6e',
        },
      ],
      3,
    );
    await renderWithClusters(<SreDashboardPage />, {
      api: fakeClustersApi(),
      approvals,
    });
    const alerts = await section();
    const list = await within(alerts).findByRole('list', {
      name: 'Unapproved commits',
    });
    expect(approvals.unapprovedChanges).toHaveBeenCalledWith({ limit: 20 });
    // The error severity (class names carry a suffix without the app theme).
    expect(within(alerts).getByRole('alert').className).toMatch(
      /MuiAlert-standardError/,
    );
    expect(alerts).toHaveTextContent(
      '3 commits on environment branches that no approved change request accounts for; owners and platform approvers were notified. The newest 2 are listed.',
    );
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    const first = within(items[0]);
    expect(first.getByText('c0ffee1')).toHaveAttribute(
      'title',
      unapprovedChange.commit,
    );
    expect(items[0]).toHaveTextContent('Raise the node group by hand');
    expect(
      first.getByRole('link', {
        name: 'resource:default/orchestrator-production',
      }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/resource/orchestrator-production',
    );
    expect(items[0]).toHaveTextContent(
      'main · by mallory <mallory@example.com> · it carries no Gatehouse-Change trailer · detected',
    );
    expect(items[0].querySelector('time')).toHaveAttribute(
      'dateTime',
      '2026-05-01T11:30:00Z',
    );
    expect(items[1]).toHaveTextContent(
      'change request 5d1c0a6e is rejected, not approved',
    );
    // The environments are still shown below.
    expect(
      screen.getByRole('region', { name: 'Environment production' }),
    ).toBeInTheDocument();
  });

  it('tells when each was detected', async () => {
    await renderWithClusters(
      <UnapprovedChangesCard
        refreshMs={60_000}
        now={Date.parse('2026-05-01T12:00:00Z')}
      />,
      {
        api: fakeClustersApi(),
        approvals: fakeUnapprovedChangesApi([unapprovedChange]),
      },
    );
    const item = await screen.findByRole('listitem');
    expect(item).toHaveTextContent('detected 30 minutes ago');
  });

  it('says so when none were detected', async () => {
    await renderWithClusters(<SreDashboardPage />, { api: fakeClustersApi() });
    expect(
      await within(await section()).findByText(
        'No unapproved changes detected',
      ),
    ).toBeInTheDocument();
    expect(
      within(await section()).queryByRole('list', {
        name: 'Unapproved commits',
      }),
    ).toBeNull();
  });

  it('says when the approvals backend could not be asked, and shows the rest', async () => {
    await renderWithClusters(<SreDashboardPage />, {
      api: fakeClustersApi(),
      approvals: {
        unapprovedChanges: jest
          .fn()
          .mockRejectedValue(new Error('approvals did not answer')),
      },
    });
    expect(
      await within(await section()).findByText(
        'Unapproved changes are unavailable: approvals did not answer',
      ),
    ).toBeInTheDocument();
    expect(
      await screen.findByLabelText('Failing pod task-runner-7c9d-x2x4k'),
    ).toBeInTheDocument();
  });
});

import { screen, within } from '@testing-library/react';
import { dashboard, fakeClustersApi } from '../../__testUtils__/fixtures';
import { renderWithClusters } from '../../__testUtils__/render';
import { SreDashboardPage } from './SreDashboardPage';

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

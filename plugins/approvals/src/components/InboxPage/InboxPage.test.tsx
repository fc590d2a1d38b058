import {
  act,
  fireEvent,
  screen,
  waitFor,
  within,
} from '@testing-library/react';
import { APPROVALS_INBOX_CHANNEL } from '@gatehouse/plugin-approvals-common';
import userEvent from '@testing-library/user-event';
import { fakeApprovalsApi, summary } from '../../__testUtils__/fixtures';
import { fakeSignals, renderWithApprovals } from '../../__testUtils__/render';
import { InboxPage } from './InboxPage';

const rows = [
  summary(),
  summary({
    id: 'req-2',
    title: 'Shrink the staging cache',
    entityRef: 'component:default/cache',
    environment: 'staging',
    status: 'changes-requested',
    riskLevel: 'low',
    costDelta: -42,
    submitter: 'user:default/ci-bot',
    submitterKind: 'pipeline',
    policySummary: '0 of 1; needs sre',
    revision: 1,
  }),
];

/** Wait until the list and the counts have answered. */
async function settled() {
  await waitFor(() => {
    expect(
      screen.queryByLabelText('Loading change requests'),
    ).not.toBeInTheDocument();
    expect(
      screen.getByRole('tab', { name: /^Waiting for me \(/ }),
    ).toBeVisible();
  });
}

function setup() {
  const api = fakeApprovalsApi({
    list: jest.fn().mockResolvedValue({ items: rows, total: 2 }),
    counts: jest.fn().mockResolvedValue({ waitingForMe: 3, mine: 2, open: 11 }),
  });
  return api;
}

describe('InboxPage', () => {
  it('lists what waits for me, with every column', async () => {
    const api = setup();
    renderWithApprovals(<InboxPage />, { api });

    const title = await screen.findByRole('link', {
      name: 'Grow the payments database',
    });
    expect(title).toHaveAttribute('href', '/approvals/requests/req-1');
    await settled();
    expect(api.list).toHaveBeenCalledWith(
      expect.objectContaining({ view: 'waiting', status: 'open', offset: 0 }),
    );

    const first = screen.getByTestId('request-row-req-1');
    expect(
      within(first).getByRole('link', { name: 'payments' }),
    ).toHaveAttribute('href', '/catalog/default/component/payments');
    expect(within(first).getByText('production')).toBeInTheDocument();
    expect(within(first).getByText('Pending')).toBeInTheDocument();
    expect(within(first).getByText('High risk')).toBeInTheDocument();
    const cost = within(first).getByText('+$120.50/mo');
    expect(cost).toHaveStyle({ color: '#c62828' });
    expect(within(first).getByText('5h')).toBeInTheDocument();
    expect(
      within(first).getByText('1 of 2; needs platform-approvers'),
    ).toBeInTheDocument();
    expect(within(first).getByText('jane.doe')).toBeInTheDocument();

    const second = screen.getByTestId('request-row-req-2');
    expect(within(second).getByText('Changes requested')).toBeInTheDocument();
    expect(within(second).getByText('−$42.00/mo')).not.toHaveStyle({
      color: '#c62828',
    });
    expect(
      within(second).getByText('ci-bot (CI pipeline)'),
    ).toBeInTheDocument();

    // Rows stay in the backend's order (high risk first, then oldest).
    const titles = screen
      .getAllByRole('row')
      .slice(1)
      .map(r => within(r).getAllByRole('cell')[0].textContent);
    expect(titles[0]).toContain('Grow the payments database');
    expect(titles[1]).toContain('Shrink the staging cache');
  });

  it('shows the count of each view in its tab', async () => {
    renderWithApprovals(<InboxPage />, { api: setup() });
    await settled();
    expect(
      await screen.findByRole('tab', { name: 'Waiting for me (3)' }),
    ).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tab', { name: 'My requests (2)' })).toBeVisible();
    expect(screen.getByRole('tab', { name: 'All (11 open)' })).toBeVisible();
  });

  it('switches views, asking the backend for each', async () => {
    const api = setup();
    renderWithApprovals(<InboxPage />, { api });
    await screen.findByText('Grow the payments database');
    await settled();

    await userEvent.click(screen.getByRole('tab', { name: /My requests/ }));
    await waitFor(() =>
      expect(api.list).toHaveBeenLastCalledWith(
        expect.objectContaining({ view: 'mine', status: 'open' }),
      ),
    );
    await settled();
    expect(screen.getByRole('tab', { name: /My requests/ })).toHaveAttribute(
      'aria-selected',
      'true',
    );

    await userEvent.click(screen.getByRole('tab', { name: /All/ }));
    await waitFor(() =>
      expect(api.list).toHaveBeenLastCalledWith(
        expect.objectContaining({ view: 'all' }),
      ),
    );
    await settled();
  });

  it('reads the view and filters from the URL', async () => {
    const api = setup();
    renderWithApprovals(<InboxPage />, {
      api,
      initialRouteEntries: [
        '/approvals?view=mine&risk=high&environment=production&minCostDelta=100&olderThanHours=24&status=any',
      ],
    });
    await screen.findByText('Grow the payments database');
    await settled();
    expect(api.list).toHaveBeenCalledWith(
      expect.objectContaining({
        view: 'mine',
        risk: 'high',
        environment: 'production',
        minCostDelta: 100,
        olderThanHours: 24,
        status: 'any',
      }),
    );
  });

  it('applies typed filters once typing settles, and leaves out invalid ones', async () => {
    const api = setup();
    renderWithApprovals(<InboxPage />, { api });
    await screen.findByText('Grow the payments database');
    await settled();

    fireEvent.change(screen.getByLabelText('Environment'), {
      target: { value: 'production' },
    });
    fireEvent.change(screen.getByLabelText('Max cost delta'), {
      target: { value: '500' },
    });
    fireEvent.change(screen.getByLabelText('Service'), {
      target: { value: 'payments' },
    });
    await waitFor(() =>
      expect(api.list).toHaveBeenLastCalledWith(
        expect.objectContaining({
          view: 'waiting',
          environment: 'production',
          maxCostDelta: 500,
          entityRef: undefined,
        }),
      ),
    );
    await settled();
    expect(
      screen.getByText('A full entity ref, e.g. component:default/payments'),
    ).toBeInTheDocument();

    fireEvent.change(screen.getByLabelText('Service'), {
      target: { value: 'component:default/payments' },
    });
    await waitFor(() =>
      expect(api.list).toHaveBeenLastCalledWith(
        expect.objectContaining({ entityRef: 'component:default/payments' }),
      ),
    );
    await settled();
  });

  it('filters by risk and status from their lists', async () => {
    const api = setup();
    renderWithApprovals(<InboxPage />, { api });
    await screen.findByText('Grow the payments database');
    await settled();

    fireEvent.mouseDown(screen.getByLabelText('Risk'));
    await userEvent.click(
      within(await screen.findByRole('listbox')).getByText('High'),
    );
    await waitFor(() =>
      expect(api.list).toHaveBeenLastCalledWith(
        expect.objectContaining({ risk: 'high', status: 'open' }),
      ),
    );
    await settled();

    fireEvent.mouseDown(screen.getByLabelText('Status'));
    await userEvent.click(
      within(await screen.findByRole('listbox')).getByText('Rejected'),
    );
    await waitFor(() =>
      expect(api.list).toHaveBeenLastCalledWith(
        expect.objectContaining({ risk: 'high', status: 'rejected' }),
      ),
    );
    await settled();
  });

  it('says so when nothing waits', async () => {
    const api = fakeApprovalsApi();
    renderWithApprovals(<InboxPage />, { api });
    expect(
      await screen.findByText('Nothing is waiting for you.'),
    ).toBeInTheDocument();
    await settled();
  });

  it('reloads the list and the counts once per inbox signal', async () => {
    const api = setup();
    const signals = fakeSignals();
    renderWithApprovals(<InboxPage />, { api, signals: signals.api });
    await screen.findByText('Grow the payments database');
    await settled();
    expect(api.list).toHaveBeenCalledTimes(1);
    expect(api.counts).toHaveBeenCalledTimes(1);

    act(() => signals.publish(APPROVALS_INBOX_CHANNEL, { type: 'changed' }));
    await waitFor(() => expect(api.list).toHaveBeenCalledTimes(2));
    expect(api.counts).toHaveBeenCalledTimes(2);
    await settled();

    // A new view asks once, without replaying the old signal.
    await userEvent.click(screen.getByRole('tab', { name: /My requests/ }));
    await settled();
    expect(api.list).toHaveBeenCalledTimes(3);
    expect(api.counts).toHaveBeenCalledTimes(2);
  });
});

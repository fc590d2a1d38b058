import { act, screen, waitFor } from '@testing-library/react';
import { SidebarOpenStateProvider } from '@backstage/core-components';
import { APPROVALS_INBOX_CHANNEL } from '@gatehouse/plugin-approvals-common';
import { fakeApprovalsApi } from '../../__testUtils__/fixtures';
import { fakeSignals, renderWithApprovals } from '../../__testUtils__/render';
import { ApprovalsSidebarItem } from './ApprovalsSidebarItem';

const sidebar = (
  <SidebarOpenStateProvider value={{ isOpen: true, setOpen: () => {} }}>
    <ApprovalsSidebarItem />
  </SidebarOpenStateProvider>
);

describe('ApprovalsSidebarItem', () => {
  it('shows how many requests wait for me, linking to that view', async () => {
    const api = fakeApprovalsApi({
      counts: jest
        .fn()
        .mockResolvedValue({ waitingForMe: 7, mine: 2, open: 9 }),
    });
    renderWithApprovals(sidebar, { api });
    expect(await screen.findByText('7')).toBeInTheDocument();
    expect(screen.getByLabelText('7 waiting for you')).toBeInTheDocument();
    expect(screen.getByRole('link')).toHaveAttribute(
      'href',
      '/approvals?view=waiting',
    );
  });

  it('shows no badge when nothing waits', async () => {
    const api = fakeApprovalsApi();
    renderWithApprovals(sidebar, { api });
    await waitFor(() => expect(api.counts).toHaveBeenCalled());
    await act(async () => {});
    expect(screen.getByText('Approvals')).toBeInTheDocument();
    expect(screen.queryByText('0')).not.toBeInTheDocument();
    expect(screen.queryByLabelText(/waiting for you/)).not.toBeInTheDocument();
  });

  it('asks again when the inbox signal arrives', async () => {
    const counts = jest
      .fn()
      .mockResolvedValueOnce({ waitingForMe: 1, mine: 0, open: 1 })
      .mockResolvedValue({ waitingForMe: 4, mine: 0, open: 4 });
    const signals = fakeSignals();
    renderWithApprovals(sidebar, {
      api: fakeApprovalsApi({ counts }),
      signals: signals.api,
    });
    expect(await screen.findByText('1')).toBeInTheDocument();
    act(() => signals.publish(APPROVALS_INBOX_CHANNEL, { type: 'changed' }));
    expect(await screen.findByText('4')).toBeInTheDocument();
    expect(counts).toHaveBeenCalledTimes(2);
  });
});

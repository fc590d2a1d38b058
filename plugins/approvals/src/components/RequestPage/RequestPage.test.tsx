import {
  act,
  fireEvent,
  screen,
  waitFor,
  within,
} from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { approvalRequestChannel } from '@gatehouse/plugin-approvals-common';
import {
  changeRequest,
  fakeApprovalsApi,
  HASH_1,
  HASH_2,
  responseError,
} from '../../__testUtils__/fixtures';
import { fakeSignals, renderWithApprovals } from '../../__testUtils__/render';
import { RequestPage, RequestView } from './RequestPage';
import { POLL_INTERVAL_MS } from './useLiveRequest';

async function loaded() {
  return screen.findByRole('heading', {
    level: 1,
    name: 'Grow the payments database',
  });
}

const section = (name: string) =>
  screen
    .getByText(name, {
      selector: '.MuiCardHeader-title, .MuiCardHeader-title *',
    })
    .closest('.MuiCard-root') as HTMLElement;

// A whole request page renders per test; give slow machines room.
jest.setTimeout(20_000);

describe('RequestPage', () => {
  it('loads the request of the route', async () => {
    const api = fakeApprovalsApi();
    renderWithApprovals(<RequestPage />, {
      api,
      mountPath: '/approvals/requests/:id',
      initialRouteEntries: ['/approvals/requests/req-1'],
    });
    await loaded();
    expect(api.get).toHaveBeenCalledWith('req-1');
  });

  it('shows the summary of the exact revision', async () => {
    renderWithApprovals(<RequestView id="req-1" />, {
      api: fakeApprovalsApi(),
    });
    await loaded();
    const summary = section('Summary');
    expect(
      within(summary).getByRole('link', { name: 'payments' }),
    ).toHaveAttribute('href', '/catalog/default/component/payments');
    expect(within(summary).getByLabelText('Environment')).toHaveTextContent(
      'production',
    );
    expect(within(summary).getByLabelText('Status')).toHaveTextContent(
      'Pending',
    );
    expect(within(summary).getByLabelText('Submitted by')).toHaveTextContent(
      'jane.doe (person)',
    );
    expect(within(summary).getByLabelText('Revision')).toHaveTextContent(
      'Revision 2 of 2',
    );
    expect(within(summary).getByLabelText('Content hash')).toHaveTextContent(
      HASH_2,
    );
    expect(
      within(summary).getByLabelText('Earlier revisions'),
    ).toHaveTextContent(`Revision 1 · ${HASH_1.slice(0, 12)}`);
    expect(within(summary).getByLabelText('Expires')).toHaveTextContent(
      /in 1d 23h|in 2d/,
    );
  });

  it('shows the resource changes with their counts', async () => {
    renderWithApprovals(<RequestView id="req-1" />, {
      api: fakeApprovalsApi(),
    });
    await loaded();
    const card = section('Resource changes');
    expect(within(card).getByText('1 to create')).toBeInTheDocument();
    expect(within(card).getByText('1 to update')).toBeInTheDocument();
    expect(within(card).getByText('0 to delete')).toBeInTheDocument();
    expect(within(card).getByText('1 to replace')).toBeInTheDocument();
    const table = within(card).getByRole('table', { name: 'Resource changes' });
    const row = within(table)
      .getByText('aws_db_parameter_group.payments')
      .closest('tr')!;
    expect(within(row).getByText('aws_db_parameter_group')).toBeInTheDocument();
    expect(within(row).getByText('replace')).toBeInTheDocument();
    // Reads are hidden until asked for.
    expect(within(table).queryByText('data.aws_vpc.main')).toBeNull();
    await userEvent.click(within(card).getByLabelText('Show 1 unchanged'));
    expect(within(table).getByText('data.aws_vpc.main')).toBeInTheDocument();
  });

  it('shows the cost from the estimate', async () => {
    renderWithApprovals(<RequestView id="req-1" />, {
      api: fakeApprovalsApi(),
    });
    await loaded();
    const totals = within(section('Cost')).getByLabelText('Estimate totals');
    expect(totals).toHaveTextContent('Current monthly300.00 USD');
    expect(totals).toHaveTextContent('Proposed monthly420.50 USD');
    expect(totals).toHaveTextContent('Change+120.50 USD');
  });

  it('says so when there is no estimate', async () => {
    const request = changeRequest();
    request.current = { ...request.current, estimate: null, estimateId: null };
    renderWithApprovals(<RequestView id="req-1" />, {
      api: fakeApprovalsApi({ get: jest.fn().mockResolvedValue(request) }),
    });
    await loaded();
    expect(
      within(section('Cost')).getByText(/No cost estimate for this revision/),
    ).toBeInTheDocument();
  });

  it('shows the risk, the policy and the whole audit trail', async () => {
    renderWithApprovals(<RequestView id="req-1" />, {
      api: fakeApprovalsApi(),
    });
    await loaded();

    const reasons = within(section('Risk')).getByRole('list', {
      name: 'Risk reasons',
    });
    expect(
      within(reasons)
        .getAllByRole('listitem')
        .map(li => li.textContent),
    ).toEqual([
      'Replaces aws_db_parameter_group.payments (a restart)',
      'Production environment',
    ]);

    const policy = section('Approval policy');
    expect(within(policy).getByLabelText('Policy summary')).toHaveTextContent(
      '1 of 2; needs platform-approvers',
    );
    const requirements = within(policy)
      .getByRole('list', { name: 'Policy requirements' })
      .querySelectorAll('li');
    expect(requirements[0]).toHaveTextContent('SRE: 1 of 1 from sre');
    expect(requirements[0]).toHaveTextContent('Approved by sam.ops');
    expect(within(requirements[0]).getByLabelText('Satisfied')).toBeVisible();
    expect(requirements[1]).toHaveTextContent('No approvals yet');
    expect(
      within(requirements[1]).getByLabelText('Not satisfied'),
    ).toBeVisible();

    const audit = within(section('Audit trail')).getByRole('list', {
      name: 'Audit trail',
    });
    const records = within(audit).getAllByRole('listitem');
    expect(records).toHaveLength(4);
    expect(records[0]).toHaveTextContent('jane.doe submitted the request');
    expect(records[0]).toHaveTextContent(`revision 1 · ${HASH_1.slice(0, 12)}`);
    expect(records[1]).toHaveTextContent('sam.ops asked for changes');
    expect(records[1]).toHaveTextContent('“Add an alarm on CPU”');
    expect(records[1]).toHaveTextContent('Status after:Changes requested');
    expect(records[2]).toHaveTextContent('submitted a new revision');
    expect(records[3]).toHaveTextContent(`sam.ops approved${''}`);
    expect(records[3]).toHaveTextContent(`revision 2 · ${HASH_2.slice(0, 12)}`);
  });

  it('renders each file diff with coloured lines, collapsible, and the plan link', async () => {
    const api = fakeApprovalsApi();
    renderWithApprovals(<RequestView id="req-1" />, { api });
    await loaded();
    const card = section('Files and plan');
    const diff = within(card).getByLabelText('Diff of terraform/db.tf', {
      selector: 'pre',
    });
    const lines = [...diff.querySelectorAll('[data-line-kind]')].map(line => [
      line.getAttribute('data-line-kind'),
      line.textContent,
    ]);
    expect(lines).toEqual([
      ['header', '--- a/terraform/db.tf'],
      ['header', '+++ b/terraform/db.tf'],
      ['hunk', '@@ -1,3 +1,3 @@'],
      ['context', ' resource "aws_db_instance" "payments" {'],
      ['removed', '-  instance_class = "db.r6g.large"'],
      ['added', '+  instance_class = "db.r6g.xlarge"'],
      ['context', ' }'],
    ]);
    expect(getComputedStyle(diff).fontFamily).toContain('monospace');
    expect(within(card).getByText('+1')).toBeInTheDocument();
    expect(within(card).getByText('−1')).toBeInTheDocument();

    await userEvent.click(
      within(card).getByRole('button', { name: 'Diff of terraform/db.tf' }),
    );
    await waitFor(() =>
      expect(
        within(card).queryByLabelText('Diff of terraform/db.tf', {
          selector: 'pre',
        }),
      ).toBeNull(),
    );

    const link = await within(card).findByRole('link', {
      name: /Download plan JSON/,
    });
    await waitFor(() =>
      expect(link).toHaveAttribute(
        'href',
        'http://localhost:7007/api/approvals/requests/req-1/revisions/2/plan',
      ),
    );
    expect(api.planUrl).toHaveBeenCalledWith('req-1', 2);
  });

  it('renders the notes as markdown without running or rendering their HTML', async () => {
    const request = changeRequest();
    request.current = {
      ...request.current,
      notes: {
        rollbackPlan:
          '**Revert** the commit.\n\n<script>window.__approvalsPwned = true</script>',
        testPlan:
          '<img src="x" onerror="window.__approvalsPwned = true">\n\n- smoke tests',
        timeline:
          '<a href="javascript:alert(1)">click</a> [go](javascript:alert(1))',
      },
    };
    const { container } = renderWithApprovals(<RequestView id="req-1" />, {
      api: fakeApprovalsApi({ get: jest.fn().mockResolvedValue(request) }),
    });
    await loaded();
    const notes = section('How it rolls out and back');

    const rollback = within(notes).getByRole('region', {
      name: 'Rollback plan',
    });
    expect(within(rollback).getByText('Revert').tagName).toBe('STRONG');
    expect(rollback).toHaveTextContent(
      '<script>window.__approvalsPwned = true</script>',
    );
    const testPlan = within(notes).getByRole('region', { name: 'Test plan' });
    expect(testPlan).toHaveTextContent(
      '<img src="x" onerror="window.__approvalsPwned = true">',
    );
    expect(within(testPlan).getByRole('listitem')).toHaveTextContent(
      'smoke tests',
    );

    expect(container.querySelector('script')).toBeNull();
    expect(notes.querySelector('img')).toBeNull();
    expect(notes.querySelector('[onerror]')).toBeNull();
    expect(notes.querySelector('a[href^="javascript"]')).toBeNull();
    expect((window as any).__approvalsPwned).toBeUndefined();
    expect(
      within(notes).getByRole('region', { name: 'Monitoring' }),
    ).toHaveTextContent('Not provided.');
  });

  describe('decision', () => {
    it('sends the decision for the exact revision shown', async () => {
      const decided = changeRequest({ status: 'approved' });
      const api = fakeApprovalsApi({
        decide: jest.fn().mockResolvedValue({
          ...decided,
          policy: { ...decided.policy, summary: '2 of 2', satisfied: true },
          viewer: { canDecide: false, reason: 'Already approved.' },
        }),
      });
      renderWithApprovals(<RequestView id="req-1" />, { api });
      await loaded();
      const card = section('Decision');
      await userEvent.click(within(card).getByLabelText('Comment'));
      await userEvent.paste('Checked the rollback');
      await userEvent.click(
        within(card).getByRole('button', { name: 'Approve' }),
      );

      expect(api.decide).toHaveBeenCalledTimes(1);
      expect(api.decide).toHaveBeenCalledWith('req-1', {
        decision: 'approve',
        comment: 'Checked the rollback',
        revisionHash: HASH_2,
      });
      expect(
        await within(card).findByText('You approved revision 2.'),
      ).toBeInTheDocument();
      expect(within(card).getByText('Policy: 2 of 2')).toBeInTheDocument();
      // The page now shows the answer: decided, so no form.
      expect(within(card).getByText('Already approved.')).toBeInTheDocument();
      expect(
        within(card).queryByRole('button', { name: 'Approve' }),
      ).toBeNull();
    });

    it('asks for a comment before rejecting or requesting changes', async () => {
      const api = fakeApprovalsApi({
        decide: jest.fn().mockResolvedValue(changeRequest()),
      });
      renderWithApprovals(<RequestView id="req-1" />, { api });
      await loaded();
      const card = section('Decision');
      await userEvent.click(
        within(card).getByRole('button', { name: 'Reject' }),
      );
      expect(api.decide).not.toHaveBeenCalled();
      expect(
        within(card).getByText(/Say why: the submitter needs to know/),
      ).toBeInTheDocument();

      await userEvent.click(within(card).getByLabelText('Comment'));
      await userEvent.paste('Add an alarm');
      await userEvent.click(
        within(card).getByRole('button', { name: 'Request changes' }),
      );
      expect(api.decide).toHaveBeenCalledWith('req-1', {
        decision: 'request-changes',
        comment: 'Add an alarm',
        revisionHash: HASH_2,
      });
    });

    it('explains a 409, reloads, and keeps the comment', async () => {
      const newer = changeRequest();
      newer.current = {
        ...newer.current,
        revision: 3,
        contentHash: 'f'.repeat(64),
      };
      const get = jest
        .fn()
        .mockResolvedValueOnce(changeRequest())
        .mockResolvedValue(newer);
      const api = fakeApprovalsApi({
        get,
        decide: jest
          .fn()
          .mockRejectedValue(responseError(409, 'the revision hash is stale')),
      });
      renderWithApprovals(<RequestView id="req-1" />, { api });
      await loaded();
      const card = section('Decision');
      await userEvent.click(within(card).getByLabelText('Comment'));
      await userEvent.paste('LGTM');
      await userEvent.click(
        within(card).getByRole('button', { name: 'Approve' }),
      );

      const alert = (
        await within(card).findByText(
          'Your decision was not recorded: the request has moved on.',
        )
      ).closest('[role="alert"]');
      expect(alert).toHaveTextContent(/A newer revision has been submitted/);
      expect(alert).toHaveTextContent(/already decided/);
      expect(alert).toHaveTextContent('the revision hash is stale');
      await waitFor(() => expect(get).toHaveBeenCalledTimes(2));
      expect(
        await within(card).findByText(
          /Revision 3 arrived while you were reviewing/,
        ),
      ).toBeInTheDocument();
      expect(within(card).getByLabelText('Comment')).toHaveValue('LGTM');
      expect(
        within(card).getByRole('button', { name: 'Approve' }),
      ).toBeDisabled();

      await userEvent.click(
        within(card).getByRole('button', { name: 'I have reviewed it' }),
      );
      await userEvent.click(
        within(card).getByRole('button', { name: 'Approve' }),
      );
      expect(api.decide).toHaveBeenLastCalledWith('req-1', {
        decision: 'approve',
        comment: 'LGTM',
        revisionHash: 'f'.repeat(64),
      });
    });

    it('shows what the backend said when it refuses', async () => {
      const api = fakeApprovalsApi({
        decide: jest
          .fn()
          .mockRejectedValue(
            responseError(403, 'you cannot approve your own request'),
          ),
      });
      renderWithApprovals(<RequestView id="req-1" />, { api });
      await loaded();
      const card = section('Decision');
      await userEvent.click(
        within(card).getByRole('button', { name: 'Approve' }),
      );
      const alert = await within(card).findByRole('alert');
      expect(alert).toHaveTextContent(
        'You are not allowed to decide on this request.',
      );
      expect(alert).toHaveTextContent('you cannot approve your own request');

      api.decide.mockRejectedValue(new Error('backend exploded'));
      await userEvent.click(
        within(card).getByRole('button', { name: 'Approve' }),
      );
      await waitFor(() =>
        expect(within(card).getByRole('alert')).toHaveTextContent(
          'Your decision was not recorded.backend exploded',
        ),
      );
    });

    it('shows why instead of the form when the viewer cannot decide', async () => {
      const api = fakeApprovalsApi({
        get: jest.fn().mockResolvedValue(
          changeRequest({
            viewer: {
              canDecide: false,
              reason: 'You submitted this request.',
            },
          }),
        ),
      });
      renderWithApprovals(<RequestView id="req-1" />, { api });
      await loaded();
      const card = section('Decision');
      expect(
        within(card).getByText('You submitted this request.'),
      ).toBeInTheDocument();
      expect(
        within(card).queryByRole('button', { name: 'Approve' }),
      ).toBeNull();
      expect(within(card).queryByLabelText('Comment')).toBeNull();
    });

    it('hides the form when the permission is denied', async () => {
      // Another id: permission answers are cached per resource.
      renderWithApprovals(<RequestView id="req-denied" />, {
        api: fakeApprovalsApi({
          get: jest.fn().mockResolvedValue(changeRequest({ id: 'req-denied' })),
        }),
        allowDecide: false,
      });
      await loaded();
      const card = section('Decision');
      expect(
        await within(card).findByText(
          'The permission policy does not allow you to decide on this request.',
        ),
      ).toBeInTheDocument();
      expect(
        within(card).queryByRole('button', { name: 'Approve' }),
      ).toBeNull();
    });
  });

  describe('live updates', () => {
    it('reloads on each message of the request channel', async () => {
      const signals = fakeSignals();
      const get = jest
        .fn()
        .mockResolvedValueOnce(changeRequest())
        .mockResolvedValue(
          changeRequest({ status: 'approved', policySummary: '2 of 2' }),
        );
      renderWithApprovals(<RequestView id="req-1" />, {
        api: fakeApprovalsApi({ get }),
        signals: signals.api,
      });
      await loaded();
      expect(signals.channels()).toContain(approvalRequestChannel('req-1'));
      expect(screen.getByText('● live')).toBeInTheDocument();

      act(() =>
        signals.publish(approvalRequestChannel('req-1'), { type: 'decided' }),
      );
      expect(
        await screen.findByText(/revision 2 · 2 of 2/),
      ).toBeInTheDocument();
      expect(get).toHaveBeenCalledTimes(2);
    });

    it('polls every 15 s when signals are unavailable', async () => {
      jest.useFakeTimers();
      try {
        const api = fakeApprovalsApi();
        renderWithApprovals(<RequestView id="req-1" />, { api });
        await loaded();
        expect(screen.getByText('↻ every 15 s')).toBeInTheDocument();
        expect(api.get).toHaveBeenCalledTimes(1);
        await act(async () => {
          jest.advanceTimersByTime(POLL_INTERVAL_MS);
        });
        expect(api.get).toHaveBeenCalledTimes(2);
        await act(async () => {
          jest.advanceTimersByTime(POLL_INTERVAL_MS);
        });
        expect(api.get).toHaveBeenCalledTimes(3);
      } finally {
        jest.useRealTimers();
      }
    });

    it('keeps showing the request when a reload fails', async () => {
      const signals = fakeSignals();
      const get = jest
        .fn()
        .mockResolvedValueOnce(changeRequest())
        .mockRejectedValue(new Error('network down'));
      renderWithApprovals(<RequestView id="req-1" />, {
        api: fakeApprovalsApi({ get }),
        signals: signals.api,
      });
      await loaded();
      act(() => signals.publish(approvalRequestChannel('req-1'), {}));
      expect(
        await screen.findByText(
          /Could not refresh this request \(network down\)/,
        ),
      ).toBeInTheDocument();
      expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(
        'Grow the payments database',
      );
      fireEvent.click(document.body);
    });
  });
});

import { screen, within } from '@testing-library/react';
import type {
  ChangeRequest,
  DeliveryEvent,
} from '@gatehouse/plugin-approvals-common';
import {
  changeRequest,
  deliveryEvent,
  fakeApprovalsApi,
} from '../../__testUtils__/fixtures';
import { renderWithApprovals } from '../../__testUtils__/render';
import { DeliveryCard } from './DeliveryCard';
import { RequestView } from './RequestPage';

jest.setTimeout(20_000);

// A script URL as a reporter could send one (built, so that the linter's
// rule against script URLs does not take the test's input for code).
const SCRIPT_URL = ['javascript', 'alert(1)'].join(':');

const NOW = Date.parse('2026-12-07T12:00:00Z');
const PR = 'https://git.example.com/platform/payments-env/pulls/42';
const LOG = 'https://ci.example.com/payments-env/runs/981';
const MERGE_COMMIT = '4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e';

const proposed = deliveryEvent({
  step: 'proposed',
  actor: 'user:default/jane.doe',
  occurredAt: '2026-12-07T09:00:00Z',
  link: PR,
  commit: '1a2b3c4d5e6f7a8b9c0d',
  detail: 'gatehouse/change-req-1 into main',
});
const merged = deliveryEvent({
  step: 'merged',
  actor: 'gatehouse:repository-watcher',
  occurredAt: '2026-12-07T10:00:00Z',
  commit: MERGE_COMMIT,
  detail: 'on main of git:http://git.example.com/payments-env.git',
});

function approved(
  events: DeliveryEvent[],
  overrides: Partial<ChangeRequest> = {},
): ChangeRequest {
  return changeRequest({
    status: 'approved',
    followUp: {
      templateRef: 'template:default/apply-environment-change',
      values: {},
    },
    delivery: events.length
      ? { state: events[events.length - 1].step, events }
      : null,
    ...overrides,
  });
}

function renderCard(request: ChangeRequest) {
  renderWithApprovals(<DeliveryCard request={request} now={NOW} />, {
    api: fakeApprovalsApi(),
  });
  return {
    step: (name: string) => screen.getByRole('group', { name }),
    queryStep: (name: string) => screen.queryByRole('group', { name }),
  };
}

describe('DeliveryCard', () => {
  it('says the change is not proposed yet, and how each step will be known', async () => {
    const { step, queryStep } = renderCard(approved([]));
    expect(await screen.findByText('Delivery')).toBeInTheDocument();
    expect(step('Proposed')).toHaveTextContent(
      "Not proposed yet: the follow-up proposes the change where the environment's repository lives",
    );
    expect(step('Merged')).toHaveTextContent(
      /Waiting for the merge into the target branch of the environment's repository: Gatehouse reads that branch, and looks at once when a forge webhook calls/,
    );
    expect(step('Applied')).toHaveTextContent(
      'Waiting for the pipeline to report the change applied, with gatehouse gate report',
    );
    expect(step('Live')).toHaveTextContent(
      'Waiting for the workloads whose manifests name this change to be ready in the clusters',
    );
    expect(queryStep('Failed')).toBeNull();
    expect(screen.queryByRole('link')).toBeNull();
  });

  it('does not promise a follow-up the request does not have', async () => {
    const { step } = renderCard(approved([], { followUp: null }));
    expect(await screen.findByText('Delivery')).toBeInTheDocument();
    expect(step('Proposed')).toHaveTextContent(
      'Not proposed yet: this request has no follow-up',
    );
    expect(step('Proposed')).not.toHaveTextContent('the follow-up proposes');
  });

  it('shows each reached step with when, who, its link and commit, and what the next waits for', async () => {
    const { step } = renderCard(approved([proposed, merged]));
    await screen.findByText('Delivery');

    const first = within(step('Proposed'));
    const pr = first.getByRole('link', { name: /^Pull request/ });
    expect(pr).toHaveAttribute('href', PR);
    expect(pr).toHaveAttribute('target', '_blank');
    expect(pr).toHaveAttribute('rel', 'noopener noreferrer');
    expect(first.getByText('1a2b3c4')).toHaveAttribute(
      'title',
      '1a2b3c4d5e6f7a8b9c0d',
    );
    expect(first.getByText('by jane.doe')).toBeInTheDocument();
    expect(step('Proposed').querySelector('time')).toHaveAttribute(
      'dateTime',
      '2026-12-07T09:00:00Z',
    );
    expect(step('Proposed')).toHaveTextContent('(3h ago)');
    expect(step('Proposed')).toHaveTextContent(
      'gatehouse/change-req-1 into main',
    );

    const second = within(step('Merged'));
    expect(second.getByText('by repository-watcher')).toBeInTheDocument();
    expect(second.getByText('4d5e6f7')).toHaveAttribute('title', MERGE_COMMIT);
    expect(step('Merged')).toHaveTextContent('(2h ago)');
    expect(step('Merged')).toHaveTextContent(
      'on main of git:http://git.example.com/payments-env.git',
    );
    expect(second.queryByRole('link')).toBeNull();
    expect(step('Merged')).not.toHaveTextContent('Waiting');

    expect(step('Applied')).toHaveTextContent(
      'Waiting for the pipeline to report the change applied',
    );
    expect(within(step('Applied')).queryByRole('link')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows the applied step with its pipeline log', async () => {
    const applied = deliveryEvent({
      step: 'applied',
      actor: 'user:default/deploy-bot',
      occurredAt: '2026-12-07T11:30:00Z',
      link: LOG,
    });
    const { step } = renderCard(approved([proposed, merged, applied]));
    await screen.findByText('Delivery');
    const log = within(step('Applied')).getByRole('link', {
      name: /^Pipeline log/,
    });
    expect(log).toHaveAttribute('href', LOG);
    expect(log).toHaveAttribute('target', '_blank');
    expect(step('Applied')).toHaveTextContent('by deploy-bot');
    expect(step('Applied')).toHaveTextContent('(30m ago)');
    // Only live is still ahead.
    expect(screen.getAllByText(/Waiting/).map(e => e.textContent)).toEqual([
      'Waiting for the workloads whose manifests name this change to be ready in the clusters',
    ]);
  });

  it('shows a failure in place of applied, with the error and the log', async () => {
    const failed = deliveryEvent({
      step: 'failed',
      actor: 'user:default/deploy-bot',
      occurredAt: '2026-12-07T11:00:00Z',
      link: LOG,
      detail: 'terraform apply: Error acquiring the state lock',
    });
    const { step, queryStep } = renderCard(
      approved([proposed, merged, failed]),
    );
    await screen.findByText('Delivery');
    expect(queryStep('Applied')).toBeNull();
    expect(
      within(step('Failed')).getByRole('link', { name: /^Pipeline log/ }),
    ).toHaveAttribute('href', LOG);
    // The step's label is marked as an error, not only coloured.
    expect(
      step('Failed').querySelector('.MuiStepLabel-label.Mui-error'),
    ).toHaveTextContent('Failed');
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Applying the change failed');
    expect(alert).toHaveTextContent(
      'terraform apply: Error acquiring the state lock',
    );
    expect(alert).toHaveTextContent('gatehouse gate report');
    expect(alert).toHaveClass('MuiAlert-standardError');
  });

  it('shows a later success after a failure as applied', async () => {
    const failed = deliveryEvent({ step: 'failed', link: LOG });
    const applied = deliveryEvent({
      step: 'applied',
      occurredAt: '2026-12-07T11:45:00Z',
    });
    const { step, queryStep } = renderCard(
      approved([proposed, merged, failed, applied]),
    );
    await screen.findByText('Delivery');
    expect(queryStep('Failed')).toBeNull();
    expect(step('Applied')).toHaveTextContent('(15m ago)');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows live only when an event says so', async () => {
    const live = deliveryEvent({
      step: 'live',
      actor: 'user:default/sre-bot',
      occurredAt: '2026-12-07T11:50:00Z',
    });
    const applied = deliveryEvent({ step: 'applied' });
    const { step } = renderCard(approved([proposed, merged, applied, live]));
    await screen.findByText('Delivery');
    expect(step('Live')).toHaveTextContent('by sre-bot');
    expect(step('Live')).toHaveTextContent('(10m ago)');
  });

  it('says a step passed over was not recorded, rather than waiting for it', async () => {
    const applied = deliveryEvent({ step: 'applied', link: LOG });
    const { step } = renderCard(approved([proposed, applied]));
    await screen.findByText('Delivery');
    expect(step('Merged')).toHaveTextContent(
      'Not recorded: a later step was reported first',
    );
    expect(step('Merged')).not.toHaveTextContent('Waiting');
  });

  it('never turns a link that is not a web address into a link', async () => {
    const { step } = renderCard(
      approved([deliveryEvent({ step: 'proposed', link: SCRIPT_URL })]),
    );
    await screen.findByText('Delivery');
    expect(within(step('Proposed')).queryByRole('link')).toBeNull();
    expect(step('Proposed')).toHaveTextContent(SCRIPT_URL);
  });
});

describe('the delivery on the request page', () => {
  const card = () =>
    screen
      .queryByText('Delivery', {
        selector: '.MuiCardHeader-title, .MuiCardHeader-title *',
      })
      ?.closest('.MuiCard-root') ?? null;

  it('is shown for approved and auto-approved requests', async () => {
    for (const status of ['approved', 'auto-approved'] as const) {
      const { unmount } = renderWithApprovals(<RequestView id="req-1" />, {
        api: fakeApprovalsApi({
          get: jest.fn().mockResolvedValue(approved([proposed], { status })),
        }),
      });
      await screen.findByRole('heading', { level: 1 });
      expect(card()).not.toBeNull();
      expect(
        within(card() as HTMLElement).getByRole('link', {
          name: /^Pull request/,
        }),
      ).toHaveAttribute('href', PR);
      unmount();
    }
  });

  it('is not shown before the request is approved', async () => {
    renderWithApprovals(<RequestView id="req-1" />, {
      api: fakeApprovalsApi(),
    });
    await screen.findByRole('heading', { level: 1 });
    expect(card()).toBeNull();
  });
});

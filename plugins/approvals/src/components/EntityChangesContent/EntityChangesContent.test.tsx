import { screen, within } from '@testing-library/react';
import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import {
  fakeApprovalsApi,
  responseError,
  summary,
  unapprovedChange,
} from '../../__testUtils__/fixtures';
import { renderWithApprovals } from '../../__testUtils__/render';
import { EntityOpenRequestsCard } from '../EntityOpenRequestsCard';
import { EntityChangesContent } from './EntityChangesContent';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments', namespace: 'default' },
  spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
};

describe('EntityChangesContent', () => {
  it("lists every request of the service, with the inbox's columns", async () => {
    const api = fakeApprovalsApi({
      list: jest.fn().mockResolvedValue({
        items: [
          summary(),
          summary({ id: 'req-0', title: 'Add a replica', status: 'approved' }),
        ],
        total: 2,
      }),
    });
    renderWithApprovals(
      <EntityProvider entity={entity}>
        <EntityChangesContent />
      </EntityProvider>,
      { api },
    );
    const table = await screen.findByRole('table', {
      name: 'Change requests of this service',
    });
    expect(api.list).toHaveBeenCalledWith(
      expect.objectContaining({
        entityRef: 'component:default/payments',
        view: 'all',
        status: 'any',
      }),
    );
    expect(
      within(table).getByRole('link', { name: 'Grow the payments database' }),
    ).toHaveAttribute('href', '/approvals/requests/req-1');
    expect(within(table).getByText('Approved')).toBeInTheDocument();
    expect(within(table).getAllByText('+$120.50/mo')).toHaveLength(2);
    expect(
      within(table).getAllByText('1 of 2; needs platform-approvers'),
    ).toHaveLength(2);
  });
});

describe('EntityChangesContent, delivery', () => {
  it('shows how far each approved change has got, in words', async () => {
    const api = fakeApprovalsApi({
      list: jest.fn().mockResolvedValue({
        items: [
          summary({ id: 'a', status: 'approved', deliveryState: 'failed' }),
          summary({ id: 'b', status: 'approved', deliveryState: 'applied' }),
          summary({ id: 'c', status: 'auto-approved', deliveryState: null }),
          summary({ id: 'd', status: 'rejected' }),
        ],
        total: 4,
      }),
    });
    renderWithApprovals(
      <EntityProvider entity={entity}>
        <EntityChangesContent />
      </EntityProvider>,
      { api },
    );
    const table = await screen.findByRole('table', {
      name: 'Change requests of this service',
    });
    expect(
      within(table).getByRole('columnheader', { name: 'Delivery' }),
    ).toBeInTheDocument();
    const row = (id: string) => within(table).getByTestId(`request-row-${id}`);
    const failed = within(row('a')).getByText('Failed');
    expect(within(row('b')).getByText('Applied')).toBeInTheDocument();
    expect(within(row('c')).getByText('Not proposed yet')).toBeInTheDocument();
    expect(row('d')).not.toHaveTextContent('Not proposed yet');
    // A failed delivery is in the error tone, the same as a rejection.
    const chipOf = (text: HTMLElement) => text.closest('.MuiChip-root')!;
    const rejected = within(row('d')).getByText('Rejected');
    expect(getComputedStyle(chipOf(failed)).backgroundColor).toBe(
      getComputedStyle(chipOf(rejected)).backgroundColor,
    );
    expect(getComputedStyle(chipOf(failed)).backgroundColor).not.toBe(
      getComputedStyle(chipOf(within(row('b')).getByText('Applied')))
        .backgroundColor,
    );
  });
});

describe('EntityChangesContent, unapproved changes', () => {
  it("lists the commits no approved change accounts for, above the service's requests", async () => {
    const api = fakeApprovalsApi({
      unapprovedChanges: jest.fn().mockResolvedValue({
        items: [
          unapprovedChange(),
          unapprovedChange({
            id: 8,
            commit: '0123456789abcdef0123456789abcdef01234567',
            author: 'eve <eve@example.com>',
            summary: 'Apply an old revision',
            reason:
              'its Gatehouse-Hash is not the approved content hash of 5d1c0a6e',
            requestId: '5d1c0a6e-0000-4000-8000-000000000001',
            detectedAt: '2026-12-07T11:00:00Z',
          }),
        ],
        total: 3,
      }),
    });
    renderWithApprovals(
      <EntityProvider entity={entity}>
        <EntityChangesContent />
      </EntityProvider>,
      { api },
    );
    const panel = await screen.findByRole('region', {
      name: 'Unapproved changes',
    });
    expect(api.unapprovedChanges).toHaveBeenCalledWith({
      entityRef: 'component:default/payments',
      limit: 20,
    });
    expect(panel).toHaveClass('MuiAlert-standardError');
    expect(panel).toHaveTextContent('3 unapproved changes');
    expect(panel).toHaveTextContent(
      "Commits on the environment's branch that no approved change request accounts for; owners and platform approvers were notified.",
    );
    expect(panel).toHaveTextContent('Showing the newest 2 of 3.');
    const items = within(
      within(panel).getByRole('list', { name: 'Unapproved commits' }),
    ).getAllByRole('listitem');
    expect(items).toHaveLength(2);

    const first = within(items[0]);
    expect(first.getByText('9f2c4e1')).toHaveAttribute(
      'title',
      '9f2c4e1d0b7a6c5e4f3a2b1c0d9e8f7a6b5c4d3e',
    );
    expect(items[0]).toHaveTextContent('Bump instance class by hand');
    expect(items[0]).toHaveTextContent('by mallory <mallory@example.com>');
    expect(items[0]).toHaveTextContent(
      'Why: it carries no Gatehouse-Change trailer',
    );
    expect(items[0]).toHaveTextContent(
      'payments-production: main of git:http://git.example.com/payments-environments.git',
    );
    expect(items[0].querySelector('time')).toHaveAttribute(
      'dateTime',
      '2026-12-07T10:00:00Z',
    );
    expect(first.queryByRole('link')).toBeNull();

    expect(items[1]).toHaveTextContent('0123456 Apply an old revision');
    expect(
      within(items[1]).getByRole('link', {
        name: 'the change request it names',
      }),
    ).toHaveAttribute(
      'href',
      '/approvals/requests/5d1c0a6e-0000-4000-8000-000000000001',
    );

    // The panel comes before the requests.
    const table = await screen.findByRole('table', {
      name: 'Change requests of this service',
    });
    expect(
      panel.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
  });

  it('shows no panel when every commit is accounted for', async () => {
    const api = fakeApprovalsApi();
    renderWithApprovals(
      <EntityProvider entity={entity}>
        <EntityChangesContent />
      </EntityProvider>,
      { api },
    );
    await screen.findByRole('table', {
      name: 'Change requests of this service',
    });
    expect(api.unapprovedChanges).toHaveBeenCalled();
    expect(
      screen.queryByRole('region', { name: 'Unapproved changes' }),
    ).toBeNull();
  });

  it('says so when unapproved changes could not be checked, and still lists the requests', async () => {
    const api = fakeApprovalsApi({
      unapprovedChanges: jest
        .fn()
        .mockRejectedValue(responseError(503, 'database unavailable')),
      list: jest.fn().mockResolvedValue({ items: [summary()], total: 1 }),
    });
    renderWithApprovals(
      <EntityProvider entity={entity}>
        <EntityChangesContent />
      </EntityProvider>,
      { api },
    );
    expect(
      await screen.findByText(
        'Could not check for unapproved changes (database unavailable).',
      ),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('link', { name: 'Grow the payments database' }),
    ).toBeInTheDocument();
  });
});

describe('EntityOpenRequestsCard', () => {
  it('counts the open requests and links to them', async () => {
    const api = fakeApprovalsApi({
      list: jest.fn().mockResolvedValue({
        items: [summary(), summary({ id: 'req-2', title: 'Rotate keys' })],
        total: 2,
      }),
    });
    renderWithApprovals(
      <EntityProvider entity={entity}>
        <EntityOpenRequestsCard />
      </EntityProvider>,
      { api },
    );
    expect(
      await screen.findByLabelText('2 open change requests'),
    ).toHaveTextContent('2');
    expect(api.list).toHaveBeenCalledWith(
      expect.objectContaining({
        entityRef: 'component:default/payments',
        view: 'all',
        status: 'open',
      }),
    );
    expect(screen.getByRole('link', { name: 'Rotate keys' })).toHaveAttribute(
      'href',
      '/approvals/requests/req-2',
    );
    expect(
      screen.getByRole('link', { name: /All changes of this service/ }),
    ).toHaveAttribute(
      'href',
      '/approvals?view=all&entityRef=component%3Adefault%2Fpayments',
    );
  });

  it('says so when nothing is open', async () => {
    renderWithApprovals(
      <EntityProvider entity={entity}>
        <EntityOpenRequestsCard />
      </EntityProvider>,
      { api: fakeApprovalsApi() },
    );
    expect(
      await screen.findByText('No open change requests for this service.'),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('0 open change requests')).toHaveTextContent(
      '0',
    );
  });
});

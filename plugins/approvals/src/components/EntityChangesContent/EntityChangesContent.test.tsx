import { screen, within } from '@testing-library/react';
import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { fakeApprovalsApi, summary } from '../../__testUtils__/fixtures';
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

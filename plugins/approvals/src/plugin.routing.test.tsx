import { screen } from '@testing-library/react';
import { mockApis, renderTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { approvalsApiRef } from './api';
import { approvalsPlugin } from './plugin';
import {
  changeRequest,
  fakeApprovalsApi,
  summary,
} from './__testUtils__/fixtures';

// Whole app per test.
jest.setTimeout(30_000);

function renderApp(path: string, api = fakeApprovalsApi()) {
  renderTestApp({
    features: [approvalsPlugin],
    apis: [[approvalsApiRef, api], mockApis.permission()] as any,
    initialRouteEntries: [path],
    // The catalog's entity page, which the service links point at.
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef as any },
  });
  return api;
}

describe('approvals plugin in an app', () => {
  it('serves the inbox at /approvals', async () => {
    const api = renderApp(
      '/approvals?view=all',
      fakeApprovalsApi({
        list: jest.fn().mockResolvedValue({ items: [summary()], total: 1 }),
      }),
    );
    expect(
      await screen.findByRole(
        'link',
        { name: 'Grow the payments database' },
        { timeout: 10_000 },
      ),
    ).toHaveAttribute('href', '/approvals/requests/req-1');
    expect(api.list).toHaveBeenCalledWith(
      expect.objectContaining({ view: 'all' }),
    );
  });

  it('serves a request at /approvals/requests/:id', async () => {
    const api = renderApp(
      '/approvals/requests/req-1',
      fakeApprovalsApi({ get: jest.fn().mockResolvedValue(changeRequest()) }),
    );
    expect(
      await screen.findByRole(
        'heading',
        { level: 1, name: 'Grow the payments database' },
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
    expect(api.get).toHaveBeenCalledWith('req-1');
    expect(api.list).not.toHaveBeenCalled();
  });
});

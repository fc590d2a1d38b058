import {
  ApiBlueprint,
  coreExtensionData,
} from '@backstage/frontend-plugin-api';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import { ApprovalsClient } from '@gatehouse/plugin-approvals-common';
import { approvalsApiRef } from './api';
import * as index from './index';
import { approvalsPlugin } from './plugin';

describe('approvals plugin', () => {
  it('is the default export, with the API ref and sidebar item beside it', () => {
    expect(index.default).toBe(approvalsPlugin);
    expect(index.approvalsApiRef).toBe(approvalsApiRef);
    expect(index.ApprovalsSidebarItem).toBeInstanceOf(Function);
  });

  it('provides the API, the two pages, the entity tab and the entity card', () => {
    for (const id of [
      'api:approvals',
      'page:approvals',
      'page:approvals/request',
      'entity-content:approvals/changes',
      'entity-card:approvals/open-requests',
    ] as const) {
      expect(approvalsPlugin.getExtension(id)).toBeDefined();
    }
  });

  it('mounts the inbox at /approvals and a request at /approvals/requests/:id', () => {
    const inbox = createExtensionTester(
      approvalsPlugin.getExtension('page:approvals'),
    );
    expect(inbox.get(coreExtensionData.routePath)).toBe('/approvals');
    expect(inbox.get(coreExtensionData.title)).toBe('Approvals');
    const request = createExtensionTester(
      approvalsPlugin.getExtension('page:approvals/request'),
    );
    expect(request.get(coreExtensionData.routePath)).toBe(
      '/approvals/requests/:id',
    );
  });

  it("builds approvals-common's client from discovery and fetch", async () => {
    const api = createExtensionTester(
      approvalsPlugin.getExtension('api:approvals'),
    ).get(ApiBlueprint.dataRefs.factory);
    expect(api.api.id).toBe(approvalsApiRef.id);
    const client = api.factory({
      discoveryApi: { getBaseUrl: async () => 'http://backend/api/approvals' },
      fetchApi: { fetch: jest.fn() },
    });
    expect(client).toBeInstanceOf(ApprovalsClient);
    await expect((client as ApprovalsClient).planUrl('r 1', 2)).resolves.toBe(
      'http://backend/api/approvals/requests/r%201/revisions/2/plan',
    );
  });
});

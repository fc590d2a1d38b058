import {
  ApiBlueprint,
  coreExtensionData,
} from '@backstage/frontend-plugin-api';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import { ApprovalsClient } from '@gatehouse/plugin-approvals-common';
import { ClustersClient } from '@gatehouse/plugin-clusters-common';
import { clustersApiRef, unapprovedChangesApiRef } from './api';
import * as index from './index';
import { clustersPlugin } from './plugin';

describe('clusters plugin', () => {
  it('is the default export, with its API ref beside it', () => {
    expect(index.default).toBe(clustersPlugin);
    expect(index.clustersApiRef).toBe(clustersApiRef);
  });

  it('provides the APIs, the SRE dashboard page, two entity cards and the Kubernetes tab', () => {
    for (const id of [
      'api:clusters',
      'api:clusters/approvals',
      'page:clusters',
      'entity-card:clusters/workload-health',
      'entity-card:clusters/spend-trend',
      'entity-content:clusters/kubernetes',
    ] as const) {
      expect(clustersPlugin.getExtension(id)).toBeDefined();
    }
    const page = createExtensionTester(
      clustersPlugin.getExtension('page:clusters'),
    );
    expect(page.get(coreExtensionData.routePath)).toBe('/sre');
    expect(page.get(coreExtensionData.title)).toBe('SRE dashboard');
    const tab = createExtensionTester(
      clustersPlugin.getExtension('entity-content:clusters/kubernetes'),
    );
    expect(tab.get(coreExtensionData.routePath)).toBe('/kubernetes');
  });

  it("builds clusters-common's client, which asks the backend's routes", async () => {
    const api = createExtensionTester(
      clustersPlugin.getExtension('api:clusters'),
    ).get(ApiBlueprint.dataRefs.factory);
    expect(api.api.id).toBe(clustersApiRef.id);
    const fetch = jest.fn(
      async () => new Response(JSON.stringify({ ok: true }), { status: 200 }),
    );
    const client = api.factory({
      discoveryApi: { getBaseUrl: async () => 'http://backend/api/clusters' },
      fetchApi: { fetch },
    }) as ClustersClient;
    expect(client).toBeInstanceOf(ClustersClient);
    await client.entityHealth({
      kind: 'Component',
      namespace: 'default',
      name: 'task runner',
    });
    await client.dashboard({ environment: 'production' });
    expect(fetch.mock.calls.map(call => (call as any)[0])).toEqual([
      'http://backend/api/clusters/entities/Component/default/task%20runner/health',
      'http://backend/api/clusters/dashboard?environment=production',
    ]);
  });

  it("builds approvals-common's typed client for the unapproved-change alerts", async () => {
    const api = createExtensionTester(
      clustersPlugin.getExtension('api:clusters/approvals'),
    ).get(ApiBlueprint.dataRefs.factory);
    expect(api.api.id).toBe(unapprovedChangesApiRef.id);
    const fetch = jest.fn(
      async () =>
        new Response(JSON.stringify({ items: [], total: 0 }), { status: 200 }),
    );
    const client = api.factory({
      discoveryApi: { getBaseUrl: async () => 'http://backend/api/approvals' },
      fetchApi: { fetch },
    }) as ApprovalsClient;
    expect(client).toBeInstanceOf(ApprovalsClient);
    await expect(client.unapprovedChanges({ limit: 20 })).resolves.toEqual({
      items: [],
      total: 0,
    });
    expect(fetch.mock.calls.map(call => (call as any)[0])).toEqual([
      'http://backend/api/approvals/delivery/unapproved?limit=20',
    ]);
  });
});

import type { Entity } from '@backstage/catalog-model';
import {
  ApiBlueprint,
  coreExtensionData,
} from '@backstage/frontend-plugin-api';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { CostClient } from '@gatehouse/plugin-cost-common';
import { costApiRef } from './api';
import * as index from './index';
import { costPlugin } from './plugin';
import {
  approvalRequestRouteRef,
  estimateRouteRef,
  rootRouteRef,
} from './routes';

const entity = (kind: string, name = 'orchestrator-api'): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, namespace: 'default' },
  spec: {},
});

describe('cost plugin', () => {
  it('is the default export, with the API ref beside it', () => {
    expect(index.default).toBe(costPlugin);
    expect(index.costApiRef).toBe(costApiRef);
    expect(costPlugin.id).toBe('cost');
  });

  it('provides the API, the cost page, the estimate page and the entity tab', () => {
    for (const id of [
      'api:cost',
      'page:cost',
      'page:cost/estimate',
      'entity-content:cost/cost',
    ] as const) {
      expect(costPlugin.getExtension(id)).toBeDefined();
    }
  });

  it('exposes its pages as routes, and links to approval requests through an external route', () => {
    expect(costPlugin.routes).toEqual({
      root: rootRouteRef,
      estimate: estimateRouteRef,
    });
    expect(costPlugin.externalRoutes).toEqual({
      approvalRequest: approvalRequestRouteRef,
    });
  });

  it('mounts the cost page at /cost and an estimate at /cost/estimates/:id', () => {
    const page = createExtensionTester(costPlugin.getExtension('page:cost'));
    expect(page.get(coreExtensionData.routePath)).toBe('/cost');
    expect(page.get(coreExtensionData.routeRef)).toBe(rootRouteRef);
    expect(page.get(coreExtensionData.title)).toBe('Cost');

    const estimate = createExtensionTester(
      costPlugin.getExtension('page:cost/estimate'),
    );
    expect(estimate.get(coreExtensionData.routePath)).toBe(
      '/cost/estimates/:id',
    );
    expect(estimate.get(coreExtensionData.routeRef)).toBe(estimateRouteRef);
  });

  it('adds a Cost tab at /cost to components only', () => {
    const tab = createExtensionTester(
      costPlugin.getExtension('entity-content:cost/cost'),
    );
    expect(tab.get(coreExtensionData.routePath)).toBe('/cost');
    expect(tab.get(EntityContentBlueprint.dataRefs.title)).toBe('Cost');

    const filter = tab.get(EntityContentBlueprint.dataRefs.filterFunction);
    expect(filter).toBeInstanceOf(Function);
    expect(filter!(entity('Component'))).toBe(true);
    for (const kind of ['System', 'API', 'Resource', 'Group', 'Template']) {
      expect(filter!(entity(kind))).toBe(false);
    }
  });

  it("builds cost-common's client from discovery and fetch, calling the cost backend", async () => {
    const api = createExtensionTester(costPlugin.getExtension('api:cost')).get(
      ApiBlueprint.dataRefs.factory,
    );
    expect(api.api.id).toBe(costApiRef.id);
    expect(api.deps).toEqual({
      discoveryApi: expect.objectContaining({ id: 'core.discovery' }),
      fetchApi: expect.objectContaining({ id: 'core.fetch' }),
    });

    const getBaseUrl = jest.fn(async (pluginId: string) => {
      return `http://backend/api/${pluginId}`;
    });
    const fetch = jest.fn(
      async (_url: string, _init?: RequestInit) =>
        new Response(JSON.stringify({ entityRef: 'component:default/a' }), {
          headers: { 'content-type': 'application/json' },
        }),
    );
    const client = api.factory({
      discoveryApi: { getBaseUrl },
      fetchApi: { fetch },
    } as any);
    expect(client).toBeInstanceOf(CostClient);
    await expect(
      (client as CostClient).entitySummary('component:default/a'),
    ).resolves.toEqual({ entityRef: 'component:default/a' });
    expect(getBaseUrl).toHaveBeenCalledWith('cost');
    expect(fetch).toHaveBeenCalledWith(
      'http://backend/api/cost/entity-summary?entityRef=component%3Adefault%2Fa',
      expect.objectContaining({ method: 'GET' }),
    );
  });
});

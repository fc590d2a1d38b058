import type { Entity } from '@backstage/catalog-model';
import {
  ApiBlueprint,
  coreExtensionData,
} from '@backstage/frontend-plugin-api';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';
import {
  INFRA_PLAN_ANNOTATION,
  InfraPlansClient,
} from '@gatehouse/plugin-infra-plans-common';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { infraPlansApiRef } from './api';
import * as index from './index';
import { infraPlansPlugin } from './plugin';

const entity = (
  kind: string,
  annotations: Record<string, string> = {},
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name: 'orchestrator-api', namespace: 'default', annotations },
  spec: {},
});

describe('infra-plans plugin', () => {
  it('is the default export, with the API ref beside it', () => {
    expect(index.default).toBe(infraPlansPlugin);
    expect(index.infraPlansApiRef).toBe(infraPlansApiRef);
    expect(infraPlansPlugin.id).toBe('infra-plans');
  });

  it('provides the API, the plan tab and the environment preview form field', () => {
    for (const id of [
      'api:infra-plans',
      'entity-content:infra-plans/infra-plan',
      'scaffolder-form-field:infra-plans/environment-preview',
    ] as const) {
      expect(infraPlansPlugin.getExtension(id)).toBeDefined();
    }
  });

  it('adds an "Infrastructure plan" tab at /infra-plan', () => {
    const tab = createExtensionTester(
      infraPlansPlugin.getExtension('entity-content:infra-plans/infra-plan'),
    );
    expect(tab.get(coreExtensionData.routePath)).toBe('/infra-plan');
    expect(tab.get(EntityContentBlueprint.dataRefs.title)).toBe(
      'Infrastructure plan',
    );
  });

  it('shows the tab on entities whose plan the annotation locates, of any kind, and only on those', () => {
    const filter = createExtensionTester(
      infraPlansPlugin.getExtension('entity-content:infra-plans/infra-plan'),
    ).get(EntityContentBlueprint.dataRefs.filterFunction);
    expect(filter).toBeInstanceOf(Function);

    expect(INFRA_PLAN_ANNOTATION).toBe('gatehouse.io/infra-plan');
    const located = {
      [INFRA_PLAN_ANNOTATION]: 'url:https://git.example/plans/infra-plan.yaml',
    };
    for (const kind of ['Component', 'System', 'Resource']) {
      expect(filter!(entity(kind, located))).toBe(true);
    }
    expect(filter!(entity('Component'))).toBe(false);
    expect(filter!(entity('Component', { [INFRA_PLAN_ANNOTATION]: '' }))).toBe(
      false,
    );
    expect(
      filter!(
        entity('Component', {
          'backstage.io/kubernetes-id': 'orchestrator-api',
        }),
      ),
    ).toBe(false);
  });

  it("gives the template form the GatehouseEnvironmentPreview field (the new-environment template's ui:field)", async () => {
    const loader = createExtensionTester(
      infraPlansPlugin.getExtension(
        'scaffolder-form-field:infra-plans/environment-preview',
      ),
    ).get(FormFieldBlueprint.dataRefs.formFieldLoader);
    const field = (await loader()) as unknown as {
      name: string;
      component: unknown;
    };
    expect(field.name).toBe('GatehouseEnvironmentPreview');
    expect(field.component).toBeInstanceOf(Function);
    // The name the template asks for.
    const template = readFileSync(
      resolve(__dirname, '../../../templates/new-environment/template.yaml'),
      'utf8',
    );
    expect(template).toMatch(/ui:field: GatehouseEnvironmentPreview\n/);
  });

  it("builds infra-plans-common's client from discovery and fetch, calling the infra-plans backend", async () => {
    const api = createExtensionTester(
      infraPlansPlugin.getExtension('api:infra-plans'),
    ).get(ApiBlueprint.dataRefs.factory);
    expect(api.api.id).toBe(infraPlansApiRef.id);
    expect(api.deps).toEqual({
      discoveryApi: expect.objectContaining({ id: 'core.discovery' }),
      fetchApi: expect.objectContaining({ id: 'core.fetch' }),
    });

    const getBaseUrl = jest.fn(
      async (pluginId: string) => `http://backend/api/${pluginId}`,
    );
    const fetch = jest.fn(
      async (_url: string, _init?: RequestInit) =>
        new Response(JSON.stringify({ valid: true, issues: [] }), {
          headers: { 'content-type': 'application/json' },
        }),
    );
    const client = api.factory({
      discoveryApi: { getBaseUrl },
      fetchApi: { fetch },
    } as any);
    expect(client).toBeInstanceOf(InfraPlansClient);
    await expect(
      (client as InfraPlansClient).validate('apiVersion: x'),
    ).resolves.toEqual({ valid: true, issues: [] });
    expect(getBaseUrl).toHaveBeenCalledWith('infra-plans');
    expect(fetch).toHaveBeenCalledWith(
      'http://backend/api/infra-plans/validate',
      expect.objectContaining({
        method: 'POST',
        body: JSON.stringify({ yaml: 'apiVersion: x' }),
      }),
    );
  });
});

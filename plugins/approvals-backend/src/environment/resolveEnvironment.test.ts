import { mockCredentials } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { ENTITIES } from '../__testUtils__/harness';
import { withDependencyRelations } from '../__testUtils__/exampleCatalog';
import {
  type CatalogEnvironment,
  catalogEnvironmentsOf,
} from './catalogEnvironments';
import type { EntityPlanEnvironments } from './entityPlans';
import {
  resolveEnvironment,
  UnknownEnvironmentError,
} from './resolveEnvironment';

const API = 'component:default/orchestrator-api';
const byName = (name: string) => ENTITIES.find(e => e.metadata.name === name)!;

const resource = (
  name: string,
  environment: string,
  tier: CatalogEnvironment['tier'],
): CatalogEnvironment => ({
  name: environment,
  entityRef: `resource:default/${name}`,
  tier,
  identifiers: [],
});

const PLAN: EntityPlanEnvironments = {
  kind: 'plan',
  source: 'revision 3 of the plan',
  tiers: {
    development: 'development',
    staging: 'staging',
    production: 'production',
  },
};

describe('the environments the catalog declares for an entity', () => {
  it('are the environment Resources it depends on, with their tiers and their clusters’ identifiers', async () => {
    const catalog = catalogServiceMock({ entities: ENTITIES });
    const environments = await catalogEnvironmentsOf(
      byName('orchestrator-api'),
      catalog,
      mockCredentials.service(),
    );
    expect(
      environments.map(({ name, entityRef, tier }) => ({
        name,
        entityRef,
        tier,
      })),
    ).toEqual([
      {
        name: 'development',
        entityRef: 'resource:default/orchestrator-api-development',
        tier: { value: 'development' },
      },
      {
        name: 'staging',
        entityRef: 'resource:default/orchestrator-api-staging',
        tier: { value: 'staging' },
      },
      {
        name: 'production',
        entityRef: 'resource:default/orchestrator-api-production',
        tier: { value: 'production' },
      },
    ]);
    expect(environments[2].identifiers).toEqual([
      {
        kind: 'account',
        value: '444455556666',
        entityRef: 'resource:default/eks-production-use1',
      },
      {
        kind: 'vpc',
        value: 'vpc-0f1e2d3c4b5a60003',
        entityRef: 'resource:default/eks-production-use1',
      },
      {
        kind: 'cluster',
        value: 'eks-production-use1',
        entityRef: 'resource:default/eks-production-use1',
      },
    ]);
  });

  it('count a Resource linked from its own side (dependencyOf), never one that only shares the naming scheme', async () => {
    const extra: Entity[] = [
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Resource',
        metadata: {
          name: 'orchestrator-api-live',
          annotations: {
            'gatehouse.io/environment': 'live',
            'gatehouse.io/tier': 'production',
          },
        },
        spec: {
          type: 'environment',
          dependencyOf: ['component:default/orchestrator-api'],
        },
      },
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Resource',
        metadata: {
          name: 'orchestrator-api-prod',
          annotations: {
            'gatehouse.io/environment': 'prod',
            'gatehouse.io/tier': 'development',
          },
        },
        spec: { type: 'environment' },
      },
    ];
    const entities = withDependencyRelations([
      ...ENTITIES.map(({ relations: _relations, ...entity }) => entity),
      ...extra,
    ]);
    const environments = await catalogEnvironmentsOf(
      entities.find(e => e.metadata.name === 'orchestrator-api')!,
      catalogServiceMock({ entities }),
      mockCredentials.service(),
    );
    expect(environments.map(e => e.name)).toEqual([
      'development',
      'staging',
      'production',
      'live',
    ]);
  });
});

describe('resolving the environment a change request names', () => {
  const catalog = [
    resource('api-development', 'development', { value: 'development' }),
    resource('api-staging', 'staging', { value: 'staging' }),
    resource('api-production', 'production', { value: 'production' }),
  ];

  it('takes the tier the catalog and the plan agree on', () => {
    const resolved = resolveEnvironment({
      entityRef: API,
      name: 'production',
      catalog,
      plan: PLAN,
    });
    expect(resolved).toMatchObject({
      name: 'production',
      tier: 'production',
      sources: ['resource:default/api-production', 'revision 3 of the plan'],
      reasons: [],
    });
  });

  it('refuses a name the entity does not have, listing its environments', () => {
    const refuse = () =>
      resolveEnvironment({ entityRef: API, name: 'prod', catalog, plan: PLAN });
    expect(refuse).toThrow(UnknownEnvironmentError);
    expect(refuse).toThrow(
      expect.objectContaining({
        message: expect.stringContaining(
          `${API} has no environment "prod". Its environments: development (development), staging (staging), production (production).`,
        ),
        environments: [
          { name: 'development', tier: 'development' },
          { name: 'staging', tier: 'staging' },
          { name: 'production', tier: 'production' },
        ],
      }),
    );
  });

  it('takes an environment only the stored plan has (its Resource is not registered yet)', () => {
    expect(
      resolveEnvironment({
        entityRef: API,
        name: 'production',
        catalog: [],
        plan: PLAN,
      }),
    ).toMatchObject({
      tier: 'production',
      sources: ['revision 3 of the plan'],
    });
  });

  it('refuses disagreeing, invalid or missing tiers rather than guessing', () => {
    expect(() =>
      resolveEnvironment({
        entityRef: API,
        name: 'production',
        catalog: [
          resource('api-production', 'production', { value: 'development' }),
        ],
        plan: PLAN,
      }),
    ).toThrow(
      `The tier of environment production of ${API} is not agreed: resource:default/api-production says development, revision 3 of the plan says production.`,
    );
    expect(() =>
      resolveEnvironment({
        entityRef: API,
        name: 'live',
        catalog: [
          resource('api-live', 'live', { value: 'production' }),
          resource('api-live-2', 'live', { value: 'staging' }),
        ],
        plan: { kind: 'none' },
      }),
    ).toThrow(/is not agreed: resource:default\/api-live says production/);
    expect(() =>
      resolveEnvironment({
        entityRef: API,
        name: 'live',
        catalog: [resource('api-live', 'live', { invalid: 'prod' })],
        plan: { kind: 'none' },
      }),
    ).toThrow(
      'resource:default/api-live declares gatehouse.io/tier: "prod"; an environment\'s tier is development, staging or production',
    );
    expect(() =>
      resolveEnvironment({
        entityRef: API,
        name: 'live',
        catalog: [resource('api-live', 'live', { missing: true })],
        plan: { kind: 'none' },
      }),
    ).toThrow(
      'resource:default/api-live declares no tier: annotate it with gatehouse.io/tier (development, staging or production)',
    );
  });

  it('accepts a new environment of the submitted plan with its tier, and never lets it lower a known one', () => {
    const created = resolveEnvironment({
      entityRef: API,
      name: 'perf-test',
      catalog,
      plan: PLAN,
      submitted: { tiers: { 'perf-test': 'development' } },
    });
    expect(created).toMatchObject({
      tier: 'development',
      sources: ['the submitted infrastructure plan'],
      reasons: [],
    });
    expect(created.environments).toContainEqual({
      name: 'perf-test',
      tier: 'development',
    });

    const lowered = resolveEnvironment({
      entityRef: API,
      name: 'production',
      catalog,
      plan: PLAN,
      submitted: { tiers: { production: 'development' } },
    });
    expect(lowered.tier).toBe('production');
    expect(lowered.reasons).toEqual([
      [
        'medium',
        'the submitted plan moves production from the production tier to development',
      ],
    ]);
    const raised = resolveEnvironment({
      entityRef: API,
      name: 'staging',
      catalog,
      plan: PLAN,
      submitted: { tiers: { staging: 'production' } },
    });
    expect(raised.tier).toBe('production');
  });

  it('goes by the catalog when the plan cannot be read, and says so', () => {
    const resolved = resolveEnvironment({
      entityRef: API,
      name: 'staging',
      catalog,
      plan: { kind: 'unavailable', reason: '503 plans are down' },
    });
    expect(resolved.tier).toBe('staging');
    expect(resolved.reasons).toEqual([
      [
        'medium',
        `the tier of staging could not be checked against the infrastructure plan of ${API}: 503 plans are down`,
      ],
    ]);
  });
});

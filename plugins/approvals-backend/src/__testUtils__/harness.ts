/*
 * Test harness: the approvals backend (optionally with the real cost backend
 * for estimates, or the real catalog backend) on a test server, with
 * notifications, signals and scaffolder replaced by recorders. Test and
 * benchmark only; not exported.
 */
import {
  coreServices,
  createServiceFactory,
  type PermissionsService,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { notificationService } from '@backstage/plugin-notifications-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { scaffolderServiceRef } from '@backstage/plugin-scaffolder-node';
import type { Knex } from 'knex';
import type { JsonObject } from '@backstage/types';
import request from 'supertest';
import { approvalsPlugin } from '../plugin';
import { exampleEntities, withDependencyRelations } from './exampleCatalog';
import { fakeInfraPlansPlugin, type FakePlan } from './fakeInfraPlans';
import { withTestClock } from '@gatehouse/test-utils';

/** Example people and the groups they are in, ancestors included. */
export const GROUPS: Record<string, string[]> = {
  'user:default/alice': [
    'group:default/platform-approvers',
    'group:default/platform-team',
  ],
  'user:default/bob': ['group:default/team-agents'],
  'user:default/carol': ['group:default/finops'],
  'user:default/dave': [
    'group:default/sre',
    'group:default/platform-approvers',
    'group:default/platform-team',
  ],
  'user:default/erin': ['group:default/team-experience'],
  'user:default/frank': ['group:default/team-agents', 'group:default/sre'],
};

/**
 * The example catalog (services with their environment Resources and plans,
 * the clusters), related as the catalog relates them, and a template.
 */
export const ENTITIES = withDependencyRelations([
  ...exampleEntities(),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Template',
    metadata: { name: 'apply-environment', namespace: 'default' },
    spec: { type: 'environment', steps: [] },
  },
]);

/** Each plugin on its own database, as the backend's database manager does. */
function databasePerPlugin(databases: Record<string, Knex>) {
  return createServiceFactory({
    service: coreServices.database,
    deps: { plugin: coreServices.pluginMetadata },
    factory: ({ plugin }) => {
      const knex = databases[plugin.getId()];
      if (!knex) throw new Error(`No test database for ${plugin.getId()}`);
      return mockServices.database({ knex, migrations: { skip: false } });
    },
  });
}

export type Recorded = {
  notifications: any[];
  signals: any[];
  scaffolded: any[];
};

export async function startApprovalsBackend(options: {
  /** One database for every plugin. */
  knex?: Knex;
  /** A database per plugin (e.g. approvals and cost, each with its own migrations). */
  databases?: Record<string, Knex>;
  extraFeatures?: any[];
  config?: JsonObject;
  /** The catalog: example entities in a mock (default), or a real catalog backend added through extraFeatures. */
  catalog?: 'mock' | 'real';
  /** Entities for the mock catalog instead of the examples. */
  entities?: Entity[];
  /**
   * The infra-plans backend: a stand-in serving the example plans (default),
   * with these plans by entity ref instead; `none` leaves it out.
   */
  infraPlans?: Record<string, FakePlan> | 'none';
  /** The permissions service; default allows everything. */
  permissions?: PermissionsService;
}) {
  const entities = options.entities ?? ENTITIES;
  const recorded: Recorded = { notifications: [], signals: [], scaffolded: [] };
  const userInfo = createServiceFactory({
    service: mockServices.userInfo.factory().service,
    deps: {},
    factory: () => ({
      async getUserInfo(credentials: any) {
        const ref = credentials.principal.userEntityRef;
        // approver-N: a crowd of platform approvers for the concurrency tests.
        const groups = /^user:default\/approver-\d+$/.test(ref)
          ? ['group:default/platform-approvers']
          : GROUPS[ref] ?? [];
        return { userEntityRef: ref, ownershipEntityRefs: [ref, ...groups] };
      },
    }),
  });
  // A quiet real logger rather than a jest mock: benchmarks run outside jest.
  const actionsRegistry = actionsRegistryServiceMock({
    logger: mockServices.rootLogger({ level: 'none' }),
  });
  const backend = await startTestBackend({
    features: [
      approvalsPlugin,
      userInfo,
      ...(options.catalog === 'real'
        ? []
        : [catalogServiceMock.factory({ entities })]),
      ...(options.infraPlans === 'none'
        ? []
        : [
            fakeInfraPlansPlugin({
              entities,
              plans: options.infraPlans,
            }),
          ]),
      ...(options.permissions
        ? [
            createServiceFactory({
              service: coreServices.permissions,
              deps: {},
              factory: () => options.permissions!,
            }),
          ]
        : []),
      createServiceFactory({
        service: notificationService,
        deps: {},
        factory: () => ({
          send: async (n: any) => void recorded.notifications.push(n),
        }),
      }),
      createServiceFactory({
        service: signalsServiceRef,
        deps: {},
        factory: () => ({
          publish: async (s: any) => void recorded.signals.push(s),
        }),
      }),
      createServiceFactory({
        service: scaffolderServiceRef,
        deps: {},
        factory: () =>
          ({
            scaffold: async (req: any) => {
              recorded.scaffolded.push(req);
              return { taskId: `task-${recorded.scaffolded.length}` };
            },
          } as any),
      }),
      createServiceFactory({
        service: actionsRegistryServiceMock.factory().service,
        deps: {},
        factory: () => actionsRegistry,
      }),
      ...(options.knex
        ? [mockServices.database.factory({ knex: options.knex })]
        : []),
      ...(options.databases ? [databasePerPlugin(options.databases)] : []),
      // The backends validate and price plans on the tests' stated date.
      mockServices.rootConfig.factory({ data: withTestClock(options.config) }),
      ...(options.extraFeatures ?? []),
    ],
  });
  const as = (user: string) => ({
    authorization: mockCredentials.user.header(user),
  });
  const asService = (subject: string) => ({
    authorization: mockCredentials.service.header({
      onBehalfOf: mockCredentials.service(subject),
      targetPluginId: 'approvals',
    }),
  });
  return {
    backend,
    server: backend.server,
    recorded,
    actionsRegistry,
    as,
    asService,
    request: () => request(backend.server),
  };
}

/** A small production-shaped submission with generated files and no plan. */
export function filesOnlyChange(
  environment: string,
  extra: Record<string, unknown> = {},
) {
  return {
    title: `Raise API replicas in ${environment}`,
    entityRef: 'component:default/orchestrator-api',
    environment,
    files: [
      {
        path: 'k8s/deployment.yaml',
        content: 'replicas: 5\n',
        previousContent: 'replicas: 3\n',
      },
    ],
    notes: {
      rollbackPlan: 'Set replicas back to 3.',
      testPlan: 'Load test in staging.',
    },
    ...extra,
  };
}

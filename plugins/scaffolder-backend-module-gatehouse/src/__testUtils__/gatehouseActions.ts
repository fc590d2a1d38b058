/*
 * Test harness: Gatehouse's actions exactly as the module registers them
 * (its own calls to the other backends, on behalf of the template's user),
 * in a test backend with the real cost and infra-plans backends, a stand-in
 * approvals backend answering fixed data, an in-memory catalog the test can
 * add entities to, and the events the module publishes recorded. The tests
 * run the actions' handlers with a mock action context. Test-only.
 */
import {
  coreServices,
  createBackendPlugin,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { EventParams, eventsServiceRef } from '@backstage/plugin-events-node';
import {
  scaffolderActionsExtensionPoint,
  TemplateAction,
} from '@backstage/plugin-scaffolder-node';
import costPlugin from '@gatehouse/plugin-cost-backend';
import infraPlansPlugin from '@gatehouse/plugin-infra-plans-backend';
import { scaffolderModuleGatehouse } from '../module';
import { withTestClock } from '@gatehouse/test-utils';

export const SERVICE: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'orchestrator-api', namespace: 'default' },
  spec: {
    type: 'service',
    owner: 'team-agents',
    lifecycle: 'production',
    system: 'orchestration-platform',
  },
};

/** What the stand-in approvals backend answers, by path; and who asked. */
export type FakeApprovals = {
  /** By method and path, e.g. `GET /requests/r1`. */
  routes: Record<string, unknown>;
  calls: Array<{
    method: string;
    path: string;
    principal: unknown;
    body?: unknown;
  }>;
};

async function jsonBody(req: AsyncIterable<Buffer>) {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : undefined;
}

function fakeApprovalsPlugin(fake: FakeApprovals) {
  return createBackendPlugin({
    pluginId: 'approvals',
    register(env) {
      env.registerInit({
        deps: {
          httpRouter: coreServices.httpRouter,
          httpAuth: coreServices.httpAuth,
        },
        async init({ httpRouter, httpAuth }) {
          httpRouter.use(async (req: any, res: any) => {
            const credentials = await httpAuth.credentials(req);
            fake.calls.push({
              method: req.method,
              path: req.url,
              principal: credentials.principal,
              body: req.body ?? (await jsonBody(req)),
            });
            const answer = fake.routes[`${req.method} ${req.url}`];
            if (answer === undefined) {
              res.status(404).json({ error: { message: 'no such request' } });
            } else {
              res.json(answer);
            }
          });
        },
      });
    },
  });
}

export async function startGatehouseActions(
  options: {
    config?: Record<string, unknown>;
  } = {},
) {
  const actions = new Map<string, TemplateAction<any, any, any>>();
  /** The catalog as it is when asked: tests add what the publisher published. */
  const entities: Entity[] = [SERVICE];
  const published: EventParams[] = [];
  const approvals: FakeApprovals = { routes: {}, calls: [] };
  const backend = await startTestBackend({
    extensionPoints: [
      [
        scaffolderActionsExtensionPoint,
        {
          addActions: (...added: TemplateAction<any, any, any>[]) =>
            added.forEach(action => actions.set(action.id, action)),
        },
      ],
    ],
    features: [
      scaffolderModuleGatehouse,
      costPlugin,
      infraPlansPlugin,
      fakeApprovalsPlugin(approvals),
      createServiceFactory({
        service: catalogServiceRef,
        deps: {},
        factory: () =>
          new Proxy({} as ReturnType<typeof catalogServiceMock>, {
            get: (_, method) => {
              const now = () => catalogServiceMock({ entities }) as any;
              return typeof now()[method] === 'function'
                ? (...args: unknown[]) => now()[method](...args)
                : undefined;
            },
          }),
      }),
      createServiceFactory({
        service: eventsServiceRef,
        deps: {},
        factory: () => ({
          publish: async (params: EventParams) => {
            published.push(params);
          },
          subscribe: async () => {},
        }),
      }),
      mockServices.rootConfig.factory({
        data: withTestClock({
          backend: { baseUrl: 'http://localhost:7007' },
          gatehouse: { cost: { ingestion: { locations: [] } } },
          ...options.config,
        }),
      }),
    ],
  });
  const action = (id: string) => {
    const found = actions.get(id);
    if (!found) throw new Error(`The module registers no action ${id}`);
    return found;
  };
  return { backend, action, entities, published, approvals };
}

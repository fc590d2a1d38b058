import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import Router from 'express-promise-router';

/** Who called a fake plugin, and what for. */
export type FakeCall = { plugin: string; path: string; principal: unknown };

/**
 * Stand-ins for the approvals and cost backends that answer their HTTP
 * contract with fixed data and record who asked: the dashboard must call
 * them over HTTP, on behalf of the viewer.
 */
export function fakeSourcePlugin(options: {
  pluginId: 'approvals' | 'cost';
  routes: Record<string, (query: Record<string, string>) => unknown>;
  calls: FakeCall[];
  /** Never answer (to test that a slow source does not block the dashboard). */
  hang?: boolean;
}) {
  return createBackendPlugin({
    pluginId: options.pluginId,
    register(env) {
      env.registerInit({
        deps: {
          httpRouter: coreServices.httpRouter,
          httpAuth: coreServices.httpAuth,
        },
        async init({ httpRouter, httpAuth }) {
          const router = Router();
          router.get('/*', async (req, res) => {
            const credentials = await httpAuth.credentials(req);
            options.calls.push({
              plugin: options.pluginId,
              path: req.url,
              principal: credentials.principal,
            });
            if (options.hang) return;
            const route = options.routes[req.path];
            if (!route) {
              res.status(404).json({ error: { message: 'no such route' } });
              return;
            }
            res.json(route(req.query as Record<string, string>));
          });
          httpRouter.use(router);
        },
      });
    },
  });
}

const day = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * 86_400_000).toISOString();

const request = (overrides: Record<string, unknown>) => ({
  id: 'r',
  title: 'A change',
  entityRef: 'component:default/orchestrator-api',
  environment: 'production',
  status: 'pending',
  submitter: 'user:default/bob',
  submitterKind: 'user',
  revision: 1,
  contentHash: 'a'.repeat(64),
  riskLevel: 'medium',
  costDelta: 120,
  createdAt: day(-2),
  updatedAt: day(-2),
  expiresAt: day(5),
  policySummary: '0 of 1',
  ...overrides,
});

/** Change requests as the approvals API lists them, by status filter. */
export const APPROVALS_ROUTES = {
  '/requests': (query: Record<string, string>) => {
    const byStatus: Record<string, unknown[]> = {
      open: [
        request({ id: 'open-1', title: 'Scale the API to 8 replicas' }),
        request({
          id: 'open-2',
          title: 'Bigger queue workers',
          entityRef: 'component:default/task-runner',
          environment: 'staging',
          status: 'changes-requested',
        }),
      ],
      approved: [
        request({
          id: 'approved-recent',
          title: 'Raise the console memory limit',
          entityRef: 'component:default/operator-console',
          status: 'approved',
          updatedAt: day(-1),
        }),
        request({
          id: 'approved-old',
          title: 'An old change',
          status: 'approved',
          updatedAt: day(-30),
        }),
      ],
      'auto-approved': [
        request({
          id: 'auto-recent',
          title: 'Tag resources',
          environment: 'development',
          status: 'auto-approved',
          updatedAt: day(0),
        }),
      ],
    };
    const items = byStatus[query.status] ?? [];
    return { items, total: items.length };
  },
};

/** Spend as the cost API answers it. */
export const COST_ROUTES = {
  '/budgets': () => ({
    month: '2026-05',
    asOf: '2026-05-20',
    dataUpTo: '2026-05-20',
    budgets: [
      {
        dimension: 'environment',
        key: 'production',
        month: '2026-05',
        monthlyBudget: 12000,
        source: 'config',
        actualToDate: 9000,
        forecast: 13900,
        percentUsed: 75,
        forecastPercent: 115.8,
        status: 'warning',
      },
      {
        dimension: 'service',
        key: 'task-runner',
        month: '2026-05',
        monthlyBudget: 3200,
        source: 'annotation',
        actualToDate: 3300,
        forecast: 5000,
        percentUsed: 103.1,
        forecastPercent: 156,
        status: 'over',
      },
      {
        dimension: 'team',
        key: 'team-agents',
        month: '2026-05',
        monthlyBudget: 8000,
        source: 'config',
        actualToDate: 4000,
        forecast: 6100,
        percentUsed: 50,
        forecastPercent: 76,
        status: 'ok',
      },
    ],
  }),
  '/alerts': () => ({
    alerts: [
      {
        id: 'alert-env',
        kind: 'budget',
        dimension: 'environment',
        key: 'production',
        period: '2026-05',
        threshold: 80,
        actual: 9600,
        message: 'production passed 80% of its budget',
        createdAt: day(-1),
      },
      {
        id: 'alert-svc',
        kind: 'anomaly',
        dimension: 'service',
        key: 'task-runner',
        period: '2026-05-18',
        threshold: null,
        actual: 400,
        message: 'task-runner spent 400 USD against a usual 120 USD',
        createdAt: day(-2),
      },
    ],
  }),
  '/spend/totals': (query: Record<string, string>) => ({
    range: { from: query.from, to: query.to },
    groupBy: query.groupBy,
    metric: 'effective',
    total: 15000,
    unattributed: 0,
    groups: [
      { key: 'production', cost: 9000 },
      { key: 'staging', cost: 4000 },
      { key: 'development', cost: 2000 },
    ],
  }),
};

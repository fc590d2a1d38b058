import type {
  AuditorService,
  HttpAuthService,
  LoggerService,
  PermissionsService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import type { BasicPermission } from '@backstage/plugin-permission-common';
import {
  costEstimateCreatePermission,
  costIngestionManagePermission,
  costRoutes,
  costSpendReadPermission,
  spendQuerySchema,
} from '@gatehouse/plugin-cost-common';
import {
  audited,
  authorizeOrThrow,
  mountRoutes,
} from '@gatehouse/http-contract';
import type { z } from 'zod';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { randomUUID } from 'node:crypto';
import type { CostStore } from './store/CostStore';
import type { SpendService } from './service/spend/SpendService';
import type { BudgetService } from './service/budgets/BudgetService';
import type { EstimateService } from './service/estimates/EstimateService';
import type { EntitySummaryService } from './service/entity/EntitySummaryService';
import type { AccuracyService } from './service/accuracy/AccuracyService';

/** The scheduled task that runs billing ingestions, queued or periodic. */
export const INGESTION_TASK_ID = 'cost-focus-ingestion';

/** Terraform plans of large estates are big; beyond this the request is refused with 413. */
export const MAX_BODY = '50mb';

export type RouterOptions = {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  scheduler: SchedulerService;
  logger: LoggerService;
  store: CostStore;
  spend: SpendService;
  budgets: BudgetService;
  estimates: EstimateService;
  accuracy: AccuracyService;
  entitySummary: EntitySummaryService;
};

/** The spend question every spend route asks, from its validated query. */
const spendRequestOf = (q: z.output<typeof spendQuerySchema>) => ({
  range: { from: q.from, to: q.to },
  groupBy: q.groupBy,
  metric: q.metric,
  filters: { service: q.service, team: q.team, environment: q.environment },
});

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const {
    httpAuth,
    permissions,
    auditor,
    scheduler,
    store,
    spend,
    budgets,
    estimates,
  } = options;
  const router = Router();
  router.use(express.json({ limit: MAX_BODY }));

  type Credentials = Awaited<ReturnType<typeof authenticate>>;
  const authenticate = (req: Request) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });
  const authorize = (credentials: Credentials, permission: BasicPermission) =>
    authorizeOrThrow(permissions, credentials, { permission });

  const principalOf = (credentials: Credentials) =>
    credentials.principal.type === 'user'
      ? (credentials.principal as { userEntityRef: string }).userEntityRef
      : `service:${(credentials.principal as { subject: string }).subject}`;

  /** Estimates of Terraform plans and of infrastructure plans are audited and answered alike. */
  async function answerEstimate<E extends { id: string; monthlyDelta: number }>(
    req: Request,
    res: express.Response,
    kind: 'terraform' | 'infra-plan',
    body: { entityRef?: string; environment?: string; save?: boolean },
    estimate: () => Promise<E>,
  ) {
    const created = await audited(
      auditor.createEvent({
        eventId: 'estimate-create',
        request: req,
        meta: {
          entityRef: body.entityRef,
          environment: body.environment,
          kind,
        },
      }),
      estimate,
      result => ({ estimateId: result.id, monthlyDelta: result.monthlyDelta }),
    );
    res.status(body.save ? 201 : 200);
    return created;
  }

  mountRoutes(
    router,
    costRoutes,
    { authenticate },
    {
      totals: async ({ query }, { credentials }) => {
        await authorize(credentials, costSpendReadPermission);
        return spend.totals(spendRequestOf(query));
      },

      timeseries: async ({ query }, { credentials }) => {
        await authorize(credentials, costSpendReadPermission);
        return spend.timeseries({ ...spendRequestOf(query), top: query.top });
      },

      movers: async ({ query }, { credentials }) => {
        await authorize(credentials, costSpendReadPermission);
        return spend.movers({ ...spendRequestOf(query), limit: query.limit });
      },

      budgets: async ({ query }, { credentials }) => {
        await authorize(credentials, costSpendReadPermission);
        const current = await budgets.currentMonth();
        const month = query.month ?? current.month;
        const scope =
          query.dimension && query.key
            ? { [query.dimension]: query.key }
            : undefined;
        return {
          month,
          asOf: current.asOf,
          dataUpTo: (await store.lastDay()) ?? null,
          budgets: await budgets.statuses(month, scope),
        };
      },

      alerts: async ({ query }, { credentials }) => {
        await authorize(credentials, costSpendReadPermission);
        return { alerts: await store.listAlerts(query) };
      },

      entitySummary: async ({ query }, { credentials }) => {
        await authorize(credentials, costSpendReadPermission);
        return options.entitySummary.summarize(query.entityRef);
      },

      estimateTerraform: async ({ body }, { credentials, req, res }) => {
        await authorize(credentials, costEstimateCreatePermission);
        return answerEstimate(req, res, 'terraform', body, () =>
          estimates.estimateTerraform({
            ...body,
            createdBy: principalOf(credentials),
          }),
        );
      },

      estimateInfraPlan: async ({ body }, { credentials, req, res }) => {
        await authorize(credentials, costEstimateCreatePermission);
        return answerEstimate(req, res, 'infra-plan', body, () =>
          estimates.estimateInfraPlan({
            ...body,
            createdBy: principalOf(credentials),
          }),
        );
      },

      estimateKubernetes: async ({ body }, { credentials }) => {
        await authorize(credentials, costEstimateCreatePermission);
        return estimates.estimateKubernetes(body);
      },

      listEstimates: async ({ query }, { credentials }) => {
        await authorize(credentials, costSpendReadPermission);
        return { estimates: await store.listEstimates(query) };
      },

      getEstimate: async ({ params }, { credentials }) => {
        await authorize(credentials, costSpendReadPermission);
        const estimate = await store.getEstimate(params.id);
        if (!estimate) throw new NotFoundError(`No estimate ${params.id}`);
        return estimate;
      },

      accuracy: async ({ query }, { credentials }) => {
        await authorize(credentials, costSpendReadPermission);
        return options.accuracy.compare(query);
      },

      startIngestion: async (_input, { credentials, req }) => {
        await authorize(credentials, costIngestionManagePermission);
        return audited(
          auditor.createEvent({ eventId: 'ingestion-start', request: req }),
          async () => {
            const run = await store.createIngestionRun({
              id: randomUUID(),
              trigger: 'manual',
              requestedBy: principalOf(credentials),
            });
            // The task picks queued runs up; if it is running now, it takes this one next.
            await scheduler
              .triggerTask(INGESTION_TASK_ID)
              .catch(error =>
                options.logger.info(
                  `Ingestion ${run.id} queued behind a running one: ${error.message}`,
                ),
              );
            return run;
          },
          run => ({ runId: run.id }),
        );
      },

      listIngestions: async ({ query }, { credentials }) => {
        await authorize(credentials, costIngestionManagePermission);
        return {
          runs: await store.listIngestionRuns(query.limit),
          files: await store.listIngestedFiles(),
        };
      },

      getIngestion: async ({ params }, { credentials }) => {
        await authorize(credentials, costIngestionManagePermission);
        const run = await store.getIngestionRun(params.id);
        if (!run) throw new NotFoundError(`No ingestion run ${params.id}`);
        return run;
      },
    },
  );

  return router;
}

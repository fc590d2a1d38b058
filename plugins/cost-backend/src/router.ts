import type {
  AuditorService,
  HttpAuthService,
  LoggerService,
  PermissionsService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import {
  accuracyQuerySchema,
  alertsQuerySchema,
  budgetsQuerySchema,
  costEstimateCreatePermission,
  costIngestionManagePermission,
  costSpendReadPermission,
  entitySummaryQuerySchema,
  estimateInfraPlanBodySchema,
  estimateKubernetesBodySchema,
  estimateTerraformBodySchema,
  listEstimatesQuerySchema,
  listIngestionsQuerySchema,
  moversQuerySchema,
  spendQuerySchema,
  timeseriesQuerySchema,
} from '@gatehouse/plugin-cost-common';
import { audited, parseInput as parse } from '@gatehouse/http-contract';
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

  /** Authenticates and checks a permission; returns the caller's credentials. */
  async function authorize(req: Request, permission: BasicPermission) {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const [decision] = await permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `You may not ${permission.attributes.action ?? 'use'} ${
          permission.name
        }`,
      );
    }
    return credentials;
  }

  const principalOf = (credentials: Awaited<ReturnType<typeof authorize>>) =>
    credentials.principal.type === 'user'
      ? (credentials.principal as { userEntityRef: string }).userEntityRef
      : `service:${(credentials.principal as { subject: string }).subject}`;

  router.get('/spend/totals', async (req, res) => {
    await authorize(req, costSpendReadPermission);
    const q = parse(spendQuerySchema, req.query, 'query');
    res.json(await spend.totals(spendRequestOf(q)));
  });

  router.get('/spend/timeseries', async (req, res) => {
    await authorize(req, costSpendReadPermission);
    const q = parse(timeseriesQuerySchema, req.query, 'query');
    res.json(await spend.timeseries({ ...spendRequestOf(q), top: q.top }));
  });

  router.get('/spend/movers', async (req, res) => {
    await authorize(req, costSpendReadPermission);
    const q = parse(moversQuerySchema, req.query, 'query');
    res.json(await spend.movers({ ...spendRequestOf(q), limit: q.limit }));
  });

  router.get('/budgets', async (req, res) => {
    await authorize(req, costSpendReadPermission);
    const q = parse(budgetsQuerySchema, req.query, 'query');
    const current = await budgets.currentMonth();
    const month = q.month ?? current.month;
    const scope = q.dimension && q.key ? { [q.dimension]: q.key } : undefined;
    res.json({
      month,
      asOf: current.asOf,
      dataUpTo: (await store.lastDay()) ?? null,
      budgets: await budgets.statuses(month, scope),
    });
  });

  router.get('/alerts', async (req, res) => {
    await authorize(req, costSpendReadPermission);
    const q = parse(alertsQuerySchema, req.query, 'query');
    res.json({ alerts: await store.listAlerts(q) });
  });

  router.get('/entity-summary', async (req, res) => {
    await authorize(req, costSpendReadPermission);
    const q = parse(entitySummaryQuerySchema, req.query, 'query');
    res.json(await options.entitySummary.summarize(q.entityRef));
  });

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
    res.status(body.save ? 201 : 200).json(created);
  }

  router.post('/estimates/terraform', async (req, res) => {
    const credentials = await authorize(req, costEstimateCreatePermission);
    const body = parse(estimateTerraformBodySchema, req.body, 'body');
    await answerEstimate(req, res, 'terraform', body, () =>
      estimates.estimateTerraform({
        ...body,
        createdBy: principalOf(credentials),
      }),
    );
  });

  router.post('/estimates/infra-plan', async (req, res) => {
    const credentials = await authorize(req, costEstimateCreatePermission);
    const body = parse(estimateInfraPlanBodySchema, req.body, 'body');
    await answerEstimate(req, res, 'infra-plan', body, () =>
      estimates.estimateInfraPlan({
        ...body,
        createdBy: principalOf(credentials),
      }),
    );
  });

  router.post('/estimates/kubernetes', async (req, res) => {
    await authorize(req, costEstimateCreatePermission);
    const body = parse(estimateKubernetesBodySchema, req.body, 'body');
    res.json(estimates.estimateKubernetes(body));
  });

  router.get('/estimates', async (req, res) => {
    await authorize(req, costSpendReadPermission);
    const q = parse(listEstimatesQuerySchema, req.query, 'query');
    res.json({ estimates: await store.listEstimates(q) });
  });

  router.get('/estimates/:id', async (req, res) => {
    await authorize(req, costSpendReadPermission);
    const estimate = await store.getEstimate(req.params.id);
    if (!estimate) throw new NotFoundError(`No estimate ${req.params.id}`);
    res.json(estimate);
  });

  router.get('/accuracy', async (req, res) => {
    await authorize(req, costSpendReadPermission);
    const q = parse(accuracyQuerySchema, req.query, 'query');
    res.json(await options.accuracy.compare(q));
  });

  router.post('/ingestions', async (req, res) => {
    const credentials = await authorize(req, costIngestionManagePermission);
    const event = await auditor.createEvent({
      eventId: 'ingestion-start',
      request: req,
    });
    try {
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
      await event.success({ meta: { runId: run.id } });
      res.status(202).json(run);
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  });

  router.get('/ingestions', async (req, res) => {
    await authorize(req, costIngestionManagePermission);
    const q = parse(listIngestionsQuerySchema, req.query, 'query');
    res.json({
      runs: await store.listIngestionRuns(q.limit),
      files: await store.listIngestedFiles(),
    });
  });

  router.get('/ingestions/:id', async (req, res) => {
    await authorize(req, costIngestionManagePermission);
    const run = await store.getIngestionRun(req.params.id);
    if (!run) throw new NotFoundError(`No ingestion run ${req.params.id}`);
    res.json(run);
  });

  return router;
}

/**
 * The cost backend's HTTP contract (all under /api/cost; every route needs a
 * signed-in user or a service token): the schemas of each route's query and
 * body, and the route map ({@link costRoutes}) the router mounts and the
 * client calls. `contract.test.ts` in the backend checks that each route
 * answers as typed.
 */
import { defineRoutes, jsonAnswer } from '@gatehouse/http-contract';
import { z } from 'zod';
import type { CostEstimate, KubernetesWorkloadEstimate } from './estimate';
import type {
  BudgetStatus,
  CostAlert,
  IngestedFile,
  IngestionRun,
  OpenCostAllocation,
  SpendMovers,
  SpendTimeseries,
  SpendTotals,
} from './spend';

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day as YYYY-MM-DD')
  .refine(
    value => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)),
    'is not a real day',
  );

const month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month as YYYY-MM');
const dimension = z.enum(['service', 'team', 'environment']);
const name = z.string().min(1).max(255);

/** Query of the spend routes. */
export const spendQuerySchema = z
  .object({
    from: day,
    to: day,
    groupBy: dimension.default('service'),
    metric: z.enum(['effective', 'billed']).default('effective'),
    service: name.optional(),
    team: name.optional(),
    environment: name.optional(),
  })
  .refine(q => q.from <= q.to, {
    message: 'from must not be after to',
    path: ['from'],
  })
  .refine(q => Date.parse(q.to) - Date.parse(q.from) <= 2 * 366 * 86_400_000, {
    message: 'a range may span at most two years',
    path: ['to'],
  });

export const timeseriesQuerySchema = spendQuerySchema.and(
  z.object({ top: z.coerce.number().int().min(1).max(25).default(8) }),
);

export const moversQuerySchema = spendQuerySchema.and(
  z.object({ limit: z.coerce.number().int().min(1).max(50).default(10) }),
);

export const budgetsQuerySchema = z.object({
  month: month.optional(),
  dimension: dimension.optional(),
  key: name.optional(),
});

export const alertsQuerySchema = z.object({
  dimension: dimension.optional(),
  key: name.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

const entityRef = z
  .string()
  .regex(
    /^[a-z]+:[a-z0-9-_.]+\/[a-zA-Z0-9-_.]+$/,
    'must be a full entity ref such as component:default/my-service',
  );

export const entitySummaryQuerySchema = z.object({ entityRef });

export const estimateTerraformBodySchema = z.object({
  /** `terraform show -json` output, as an object or as its JSON text. */
  plan: z.union([z.record(z.unknown()), z.string().min(2)]),
  /** Usage values by resource address; see the cost-node README. */
  usage: z.record(z.record(z.unknown())).optional(),
  region: z
    .string()
    .regex(/^[a-z]{2}-[a-z]+-\d$/, 'must be an AWS region such as us-east-1')
    .optional(),
  /** The service the estimate is for: it is then listed on its page. */
  entityRef: entityRef.optional(),
  environment: name.optional(),
  /** Keep the estimate (default) or only answer it. */
  save: z.boolean().default(true),
});

export const estimateKubernetesBodySchema = z.object({
  /** Parsed manifests (Deployment, StatefulSet, HorizontalPodAutoscaler, ...). */
  objects: z.array(z.record(z.unknown())).min(1).max(5000),
  nodeInstanceType: z
    .string()
    .regex(
      /^[a-z0-9]+\.[a-z0-9]+$/,
      'must be an EC2 instance type such as m6i.large',
    ),
  region: z
    .string()
    .regex(/^[a-z]{2}-[a-z]+-\d$/)
    .optional(),
  nodeCount: z.number().int().min(1).max(10_000).optional(),
});

/**
 * An infrastructure plan as `infra-plan.yaml` text or as an object. Its own
 * validation (in the plan model) runs in the backend, which answers an
 * invalid plan with the located issues.
 */
const infraPlanInput = z.union([
  z.string().min(1).max(5_000_000),
  z.record(z.unknown()),
]);

export const estimateInfraPlanBodySchema = z.object({
  plan: infraPlanInput,
  /** Estimate one environment of the plan (default: all of them). */
  environment: name.optional(),
  /** The revision in force now, to show current against proposed cost. */
  priorPlan: infraPlanInput.optional(),
  /** Usage values by resource address (module.<environment>.…). */
  usage: z.record(z.record(z.unknown())).optional(),
  /** The service the estimate is for: it is then listed on its page. */
  entityRef: entityRef.optional(),
  /** Keep the estimate (default) or only answer it. */
  save: z.boolean().default(true),
});

const instant = z
  .string()
  .refine(
    value =>
      /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/.test(value) &&
      !Number.isNaN(Date.parse(value)),
    'must be a day (YYYY-MM-DD) or an ISO timestamp such as 2026-03-02T10:15:00Z',
  );

/** The change to compare with actual spend: an approved estimate of a service's environment. */
export const accuracyQuerySchema = z.object({
  entityRef,
  environment: name,
  /** When the change was approved; spend is compared before and after this day. */
  since: instant,
  /** The estimate's proposed monthly cost of the environment. */
  estimatedMonthly: z.coerce.number().finite(),
  /** The estimate's monthly change (proposed − current), when it had one. */
  estimatedDelta: z.coerce.number().finite().optional(),
});

export const listEstimatesQuerySchema = z.object({
  entityRef: entityRef.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const listIngestionsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export type SpendQuery = z.input<typeof spendQuerySchema>;
export type EstimateTerraformRequest = z.input<
  typeof estimateTerraformBodySchema
>;
export type EstimateKubernetesRequest = z.input<
  typeof estimateKubernetesBodySchema
>;
export type EstimateInfraPlanRequest = z.input<
  typeof estimateInfraPlanBodySchema
>;
export type AccuracyQuery = z.input<typeof accuracyQuerySchema>;

/** A kept estimate's headline figures. @public */
export type StoredEstimateSummary = {
  id: string;
  entityRef: string | null;
  environment: string | null;
  kind: 'terraform' | 'kubernetes' | 'infra-plan';
  createdBy: string;
  createdAt: string;
  currency: string;
  monthlyBefore: number;
  monthlyAfter: number;
  monthlyDelta: number;
  resourceCount: number;
  unpricedCount: number;
  /**
   * Priced components whose price is approximate (not from a price list);
   * null for estimates kept before prices carried their provenance.
   */
  approximateCount: number | null;
};

/** A kept estimate with its full breakdown. @public */
export type StoredEstimate = StoredEstimateSummary & { result: CostEstimate };

/**
 * An estimate as it is kept and answered: its headline figures read from the
 * result, and who asked for it about what.
 *
 * @public
 */
export function toStoredEstimate(
  result: CostEstimate,
  about: Pick<
    StoredEstimateSummary,
    'id' | 'entityRef' | 'environment' | 'kind' | 'createdBy' | 'createdAt'
  >,
): StoredEstimate {
  return {
    ...about,
    currency: result.currency,
    monthlyBefore: result.totals.monthlyBefore,
    monthlyAfter: result.totals.monthlyAfter,
    monthlyDelta: result.totals.delta,
    resourceCount: result.resources.length,
    unpricedCount: result.unpriced.length,
    approximateCount: result.totals.approximateComponents ?? null,
    result,
  };
}

/** Everything the service's cost tab shows, in one answer. @public */
export type EntityCostSummary = {
  entityRef: string;
  service: string;
  asOf: string | null;
  /** The last 90 days of the service's spend, by environment. */
  trend: SpendTimeseries;
  monthToDate: number;
  budgets: BudgetStatus[];
  alerts: CostAlert[];
  estimates: StoredEstimateSummary[];
  openCost:
    | { status: 'not-configured' }
    | {
        status: 'ok';
        window: string;
        allocations: OpenCostAllocation[];
        errors: { cluster: string; message: string }[];
      };
};

/**
 * Spend of one window of days, as a monthly run rate (the daily average ×
 * 730 / 24 days, the month every estimate is priced for).
 *
 * @public
 */
export type SpendWindow = {
  from: string;
  to: string;
  days: number;
  total: number;
  monthlyRunRate: number;
};

/**
 * How far an estimate was from the spend that followed.
 * `difference` is estimate − actual (positive: the estimate was high);
 * `percent` is that as a share of actual (null when actual is 0).
 *
 * @public
 */
export type EstimateError = { difference: number; percent: number | null };

/**
 * An approved estimate against the actual spend of its service's
 * environment.
 *
 * - `settling`: fewer than `settleAfterDays` days of billing data since the
 *   approval day; figures so far are shown, the error is not.
 * - `settled`: the error is computed.
 *
 * @public
 */
export type EstimateAccuracy = {
  entityRef: string;
  /** The billing tag the spend is found by (the entity's name). */
  service: string;
  environment: string;
  currency: string;
  /** The approval day (UTC); it is in neither window, as the change lands during it. */
  approvedOn: string;
  settleAfterDays: number;
  /** The last day of billing data the comparison needs. */
  settlesOn: string;
  /** The newest day with any billing data; null before the first ingestion. */
  dataUpTo: string | null;
  status: 'settling' | 'settled';
  /** The same number of days just before the approval day; null without data then. */
  before: SpendWindow | null;
  /** Days after the approval day with billing data; null before there are any. */
  after: SpendWindow | null;
  estimate: { monthly: number; delta: number | null };
  /** After-window run rate, and its change from the before window. */
  actual: { monthly: number; delta: number | null } | null;
  error: { monthly: EstimateError; delta: EstimateError | null } | null;
};

/** The budgets of a month, measured at a day. @public */
export type BudgetsAnswer = {
  month: string;
  /** The day budgets are measured at: the newest day with data, or today. */
  asOf: string;
  /** The newest day with billing data; null before the first ingestion. */
  dataUpTo: string | null;
  budgets: BudgetStatus[];
};

/** @public */
export type AlertsAnswer = { alerts: CostAlert[] };

/** @public */
export type EstimatesList = { estimates: StoredEstimateSummary[] };

/** The latest ingestion runs and every billing file ingested. @public */
export type IngestionsAnswer = { runs: IngestionRun[]; files: IngestedFile[] };

export type BudgetsQuery = z.input<typeof budgetsQuerySchema>;
export type AlertsQuery = z.input<typeof alertsQuerySchema>;
export type ListEstimatesQuery = z.input<typeof listEstimatesQuerySchema>;
export type TimeseriesQuery = z.input<typeof timeseriesQuerySchema>;
export type MoversQuery = z.input<typeof moversQuerySchema>;

const idParamsSchema = z.object({ id: z.string().min(1).max(200) });

/** The routes of the cost backend. @public */
export const costRoutes = defineRoutes({
  totals: {
    method: 'GET',
    path: '/spend/totals',
    query: spendQuerySchema,
    answer: jsonAnswer<SpendTotals>('SpendTotals'),
    summary: 'Spend of a date range, grouped by service, team or environment',
  },
  timeseries: {
    method: 'GET',
    path: '/spend/timeseries',
    query: timeseriesQuerySchema,
    answer: jsonAnswer<SpendTimeseries>('SpendTimeseries'),
    summary: 'Daily spend of the top groups of a date range',
  },
  movers: {
    method: 'GET',
    path: '/spend/movers',
    query: moversQuerySchema,
    answer: jsonAnswer<SpendMovers>('SpendMovers'),
    summary:
      'The groups whose spend rose or fell most against the range before',
  },
  budgets: {
    method: 'GET',
    path: '/budgets',
    query: budgetsQuerySchema,
    answer: jsonAnswer<BudgetsAnswer>('BudgetsAnswer'),
    summary: "A month's budgets and their spend and forecast",
  },
  alerts: {
    method: 'GET',
    path: '/alerts',
    query: alertsQuerySchema,
    answer: jsonAnswer<AlertsAnswer>('AlertsAnswer'),
    summary: 'Budget and anomaly alerts, newest first',
  },
  entitySummary: {
    method: 'GET',
    path: '/entity-summary',
    query: entitySummaryQuerySchema,
    answer: jsonAnswer<EntityCostSummary>('EntityCostSummary'),
    summary: "A catalog entity's spend, budgets and estimates",
  },
  estimateTerraform: {
    method: 'POST',
    path: '/estimates/terraform',
    body: estimateTerraformBodySchema,
    answer: jsonAnswer<StoredEstimate>('StoredEstimate'),
    status: 201,
    summary: 'Prices a Terraform plan (201 when kept, 200 when only answered)',
  },
  estimateKubernetes: {
    method: 'POST',
    path: '/estimates/kubernetes',
    body: estimateKubernetesBodySchema,
    answer: jsonAnswer<KubernetesWorkloadEstimate>(
      'KubernetesWorkloadEstimate',
    ),
    summary: 'Prices Kubernetes workloads on a node instance type',
  },
  estimateInfraPlan: {
    method: 'POST',
    path: '/estimates/infra-plan',
    body: estimateInfraPlanBodySchema,
    answer: jsonAnswer<StoredEstimate>('StoredEstimate'),
    status: 201,
    summary:
      'Prices an infrastructure plan against its prior revision (400 with `error.issues` for an invalid plan)',
  },
  listEstimates: {
    method: 'GET',
    path: '/estimates',
    query: listEstimatesQuerySchema,
    answer: jsonAnswer<EstimatesList>('EstimatesList'),
    summary: 'Kept estimates, newest first',
  },
  getEstimate: {
    method: 'GET',
    path: '/estimates/:id',
    params: idParamsSchema,
    answer: jsonAnswer<StoredEstimate>('StoredEstimate'),
    summary: 'One kept estimate with its breakdown',
  },
  accuracy: {
    method: 'GET',
    path: '/accuracy',
    query: accuracyQuerySchema,
    answer: jsonAnswer<EstimateAccuracy>('EstimateAccuracy'),
    summary: "An approved estimate against its environment's spend since",
  },
  startIngestion: {
    method: 'POST',
    path: '/ingestions',
    answer: jsonAnswer<IngestionRun>('IngestionRun'),
    status: 202,
    summary: 'Queues an ingestion of the billing files',
  },
  listIngestions: {
    method: 'GET',
    path: '/ingestions',
    query: listIngestionsQuerySchema,
    answer: jsonAnswer<IngestionsAnswer>('IngestionsAnswer'),
    summary: 'The latest ingestion runs and the files ingested',
  },
  getIngestion: {
    method: 'GET',
    path: '/ingestions/:id',
    params: idParamsSchema,
    answer: jsonAnswer<IngestionRun>('IngestionRun'),
    summary: 'One ingestion run and its progress',
  },
});

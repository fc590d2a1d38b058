/**
 * The cost backend's HTTP contract, in one place: every route's path and the
 * schemas of its query and body. The backend validates requests with these
 * schemas; the client in this package builds requests from them.
 *
 * Routes (all under /api/cost, all need a signed-in user or a service token):
 *
 * | method | path | query / body | answer |
 * |---|---|---|---|
 * | GET | /spend/totals | spendQuery | SpendTotals |
 * | GET | /spend/timeseries | spendQuery + top | SpendTimeseries |
 * | GET | /spend/movers | spendQuery + limit | SpendMovers |
 * | GET | /budgets | month?, dimension?, key? | { month, asOf, dataUpTo, budgets: BudgetStatus[] } |
 * | GET | /alerts | dimension?, key?, limit? | { alerts: CostAlert[] } |
 * | GET | /entity-summary | entityRef | EntityCostSummary |
 * | POST | /estimates/terraform | estimateTerraformBody | StoredEstimate |
 * | POST | /estimates/kubernetes | estimateKubernetesBody | KubernetesWorkloadEstimate |
 * | GET | /estimates | entityRef?, limit? | { estimates: StoredEstimateSummary[] } |
 * | GET | /estimates/:id | | StoredEstimate |
 * | POST | /ingestions | | IngestionRun (202) |
 * | GET | /ingestions | limit? | { runs: IngestionRun[], files: IngestedFile[] } |
 * | GET | /ingestions/:id | | IngestionRun |
 */
import { z } from 'zod';
import type { CostEstimate } from './estimate';
import type {
  BudgetStatus,
  CostAlert,
  OpenCostAllocation,
  SpendTimeseries,
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

/** A kept estimate's headline figures. @public */
export type StoredEstimateSummary = {
  id: string;
  entityRef: string | null;
  environment: string | null;
  kind: 'terraform' | 'kubernetes';
  createdBy: string;
  createdAt: string;
  currency: string;
  monthlyBefore: number;
  monthlyAfter: number;
  monthlyDelta: number;
  resourceCount: number;
  unpricedCount: number;
};

/** A kept estimate with its full breakdown. @public */
export type StoredEstimate = StoredEstimateSummary & { result: CostEstimate };

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

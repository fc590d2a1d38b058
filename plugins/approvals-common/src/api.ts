/**
 * The approvals backend's HTTP contract (all under /api/approvals; every route
 * needs a signed-in user or a service token): the schemas of each route's
 * input and the route map ({@link approvalsRoutes}) the router mounts and the
 * client calls. `contract.test.ts` in the backend checks that each route
 * answers as typed.
 *
 * Submitting answers 400 for bad input, an environment the entity does not
 * have (`error.environments` lists its environments) or a Terraform plan
 * whose tags or identifiers belong to another environment
 * (`error.conflicts`), and 413 beyond 50 MB. Deciding answers 403 when not
 * allowed (saying why) and 409 for a stale hash or a decided request.
 */
import { defineRoutes, jsonAnswer } from '@gatehouse/http-contract';
import { z } from 'zod';
import type {
  ChangeRequest,
  ChangeRequestSummary,
  RequestStatus,
  UnapprovedChange,
} from './types';

const markdown = z.string().max(100_000);
const entityRef = z
  .string()
  .regex(
    /^[a-z]+:[a-z0-9-_.]+\/[a-zA-Z0-9-_.]+$/,
    'must be a full entity ref such as component:default/my-service',
  );

/** An infrastructure plan (`infra-plan.yaml`) as its YAML text or as an object. */
const infraPlanDocument = z.union([
  z.string().min(1).max(5_000_000),
  z.record(z.unknown()),
]);

export const submitRequestSchema = z
  .object({
    /** Set to submit a new revision of an existing request. */
    requestId: z.string().uuid().optional(),
    title: z.string().min(3).max(200),
    entityRef,
    /**
     * An environment of the entity: an environment Resource it depends on in
     * the catalog, an environment of its infrastructure plan, or of the
     * infrastructure plan submitted with the change. Its tier comes from
     * there, never from the name.
     */
    environment: z
      .string()
      .min(1)
      .max(64)
      .regex(/^[a-z0-9-]+$/, 'must be lower-case letters, digits and dashes'),
    /** `terraform show -json` output, as an object or its text. */
    plan: z.union([z.record(z.unknown()), z.string().min(2)]).optional(),
    /**
     * The infrastructure plan the change applies (for the request's
     * environment), and the revision in force now when there is one: priced
     * by the cost plugin and assessed from their semantic diff.
     */
    infraPlan: z
      .object({
        plan: infraPlanDocument,
        priorPlan: infraPlanDocument.optional(),
      })
      .optional(),
    /** Generated IaC files, with the content they replace ('' or absent for new files). */
    files: z
      .array(
        z.object({
          path: z.string().min(1).max(500),
          content: z.string().max(5_000_000),
          previousContent: z.string().max(5_000_000).optional(),
        }),
      )
      .max(500)
      .optional(),
    notes: z.object({
      rollbackPlan: markdown.min(1, 'a rollback plan is required'),
      testPlan: markdown.min(1, 'a test plan is required'),
      monitoring: markdown.optional(),
      timeline: markdown.optional(),
      questions: markdown.optional(),
    }),
    /** Template or pipeline inputs that produced the change (part of the hash). */
    inputs: z.record(z.unknown()).optional(),
    /** Run this template with these values once approved. */
    followUp: z
      .object({ templateRef: entityRef, values: z.record(z.unknown()) })
      .optional(),
    submitterKind: z.enum(['user', 'pipeline', 'agent']).optional(),
  })
  .refine(
    body =>
      body.plan !== undefined ||
      body.infraPlan !== undefined ||
      (body.files?.length ?? 0) > 0,
    {
      message:
        'a change needs a Terraform plan, generated files or an infrastructure plan',
      path: ['plan'],
    },
  );

export const listRequestsQuerySchema = z.object({
  view: z.enum(['waiting', 'mine', 'all']).default('all'),
  status: z
    .enum([
      'open',
      'pending',
      'approved',
      'auto-approved',
      'rejected',
      'changes-requested',
      'expired',
      'any',
    ])
    .default('any'),
  environment: z.string().max(64).optional(),
  entityRef: entityRef.optional(),
  risk: z.enum(['low', 'medium', 'high']).optional(),
  minCostDelta: z.coerce.number().optional(),
  maxCostDelta: z.coerce.number().optional(),
  olderThanHours: z.coerce.number().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** Rows to skip; after `cursor` when both are given. Deep pages are cheaper with `cursor`. */
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
  /** `nextCursor` of the previous page: continue after its last row. */
  cursor: z.string().min(1).max(400).optional(),
});

export const decideSchema = z.object({
  decision: z.enum(['approve', 'reject', 'request-changes']),
  comment: z.string().max(10_000).default(''),
  /** The content hash of the revision being decided: a stale hash is refused with 409. */
  revisionHash: z
    .string()
    .regex(
      /^[a-f0-9]{64}$/,
      'must be the revision content hash (64 hex characters)',
    ),
});

export const gateQuerySchema = z.object({
  /** The content hash the pipeline submitted; absent means "the current revision". */
  hash: z
    .string()
    .regex(/^[a-f0-9]{64}$/)
    .optional(),
});

const contentHash = z
  .string()
  .regex(/^[a-f0-9]{64}$/, 'must be a content hash (64 hex characters)');

/**
 * A delivery step of an approved change. Only the approved content hash
 * moves a delivery (409 otherwise); steps go forward only (proposed, merged,
 * applied or failed, live), and a step reported again changes nothing.
 * "merged" is also detected by the repository watcher, "live" by the
 * clusters.
 */
export const deliveryReportSchema = z.object({
  step: z.enum(['proposed', 'merged', 'applied', 'failed', 'live']),
  contentHash,
  /** The pull request, branch or pipeline log. */
  link: z
    .string()
    .url('must be a URL (the pull request, branch or pipeline log)')
    .max(2000)
    .optional(),
  commit: z
    .string()
    .regex(/^[a-f0-9]{7,64}$/, 'must be a git commit hash')
    .optional(),
  detail: z.string().max(2000).optional(),
});

export const unapprovedChangesQuerySchema = z.object({
  /** An environment Resource, or a service Component (its environments). */
  entityRef: entityRef.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** Forges whose webhooks Gatehouse reads. */
export const webhookParamsSchema = z.object({
  forge: z.enum(['github', 'gitlab', 'gitea', 'git']),
});

/** Unapproved changes, newest first. @public */
export type UnapprovedChangesPage = {
  items: UnapprovedChange[];
  total: number;
};

/** What a webhook did: the repositories it made Gatehouse look at. @public */
export type WebhookAnswer = { checked: string[] };

export type DeliveryReport = z.input<typeof deliveryReportSchema>;
export type UnapprovedChangesQuery = z.input<
  typeof unapprovedChangesQuerySchema
>;

export type SubmitRequest = z.input<typeof submitRequestSchema>;

/** A page of the inbox. @public */
export type RequestsPage = {
  items: ChangeRequestSummary[];
  /** All requests of the view with these filters. */
  total: number;
  /** Pass as `cursor` for the next page; absent on the last page. */
  nextCursor?: string;
};
export type ListRequestsQuery = z.input<typeof listRequestsQuerySchema>;
export type DecideRequest = z.input<typeof decideSchema>;

/** The gate's answer to a pipeline. @public */
export type GateAnswer = {
  id: string;
  status: RequestStatus;
  revision: number;
  contentHash: string;
  /** True only when the asked-for hash is the current revision and it is approved. */
  approved: boolean;
  reason: string;
  policySummary: string;
};

/** How many requests wait for the viewer, are theirs, and are open. @public */
export type RequestCounts = {
  waitingForMe: number;
  mine: number;
  open: number;
};

/** A Terraform plan (`terraform show -json`) as submitted. @public */
export type SubmittedTerraformPlan = Record<string, unknown>;

/** An infrastructure plan and the prior plan it was diffed against, as submitted. @public */
export type SubmittedInfraPlan = { plan: unknown; priorPlan?: unknown };

const requestParamsSchema = z.object({ id: z.string().min(1).max(200) });
const revisionParamsSchema = requestParamsSchema.extend({
  revision: z.coerce
    .number()
    .int('must be a positive whole number')
    .positive('must be a positive whole number'),
});

/** The routes of the approvals backend. @public */
export const approvalsRoutes = defineRoutes({
  submit: {
    method: 'POST',
    path: '/requests',
    body: submitRequestSchema,
    names: { body: 'change request' },
    answer: jsonAnswer<ChangeRequest>('ChangeRequest'),
    status: 201,
    summary: 'Submits a change request, or a new revision of one',
  },
  list: {
    method: 'GET',
    path: '/requests',
    query: listRequestsQuerySchema,
    answer: jsonAnswer<RequestsPage>('RequestsPage'),
    summary: 'A page of the inbox: waiting for me, mine or all, filtered',
  },
  counts: {
    method: 'GET',
    path: '/requests/counts',
    answer: jsonAnswer<RequestCounts>('RequestCounts'),
    summary: "The inbox's counts",
  },
  get: {
    method: 'GET',
    path: '/requests/:id',
    params: requestParamsSchema,
    answer: jsonAnswer<ChangeRequest>('ChangeRequest'),
    summary: 'One change request with its revisions, decisions and audit',
  },
  terraformPlan: {
    method: 'GET',
    path: '/requests/:id/revisions/:revision/plan',
    params: revisionParamsSchema,
    answer: jsonAnswer<SubmittedTerraformPlan>('SubmittedTerraformPlan'),
    summary: "A revision's Terraform plan JSON as submitted (a download)",
  },
  infraPlan: {
    method: 'GET',
    path: '/requests/:id/revisions/:revision/infra-plan',
    params: revisionParamsSchema,
    answer: jsonAnswer<SubmittedInfraPlan>('SubmittedInfraPlan'),
    summary: "A revision's infrastructure plan documents as submitted",
  },
  decide: {
    method: 'POST',
    path: '/requests/:id/decisions',
    params: requestParamsSchema,
    body: decideSchema,
    names: { body: 'decision' },
    answer: jsonAnswer<ChangeRequest>('ChangeRequest'),
    status: 201,
    summary: 'Approves, rejects or asks for changes to the current revision',
  },
  gate: {
    method: 'GET',
    path: '/requests/:id/gate',
    params: requestParamsSchema,
    query: gateQuerySchema,
    answer: jsonAnswer<GateAnswer>('GateAnswer'),
    summary: 'For CI: is this exact plan (by content hash) approved?',
  },
  reportDelivery: {
    method: 'POST',
    path: '/requests/:id/delivery',
    params: requestParamsSchema,
    body: deliveryReportSchema,
    names: { body: 'delivery report' },
    answer: jsonAnswer<ChangeRequest>('ChangeRequest'),
    status: 201,
    summary:
      'For pipelines and the scaffolder: an approved change was proposed, applied or failed',
  },
  unapprovedChanges: {
    method: 'GET',
    path: '/delivery/unapproved',
    query: unapprovedChangesQuerySchema,
    answer: jsonAnswer<UnapprovedChangesPage>('UnapprovedChangesPage'),
    summary:
      'Commits on environment repositories that carry no approved change',
  },
});

/**
 * The forges' webhooks: authenticated by the forge's signature or token
 * (`gatehouse.delivery.webhooks.<forge>.secret`), not by a Backstage token.
 * A webhook only makes Gatehouse fetch the repository at once; what was
 * merged is read from git, never taken from the payload.
 *
 * @public
 */
export const approvalsWebhookRoutes = defineRoutes({
  webhook: {
    method: 'POST',
    path: '/delivery/webhooks/:forge',
    params: webhookParamsSchema,
    answer: jsonAnswer<WebhookAnswer>('WebhookAnswer'),
    status: 202,
    summary: "A forge's push or pull request event: fetch that repository now",
  },
});

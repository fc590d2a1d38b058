/**
 * The HTTP contract of the infra-plans backend (`/api/infra-plans`): the
 * schemas of each route's input and the route map ({@link infraPlansRoutes})
 * the router mounts and the client calls. `contract.test.ts` in the backend
 * checks that each route answers as typed. Every route needs a signed-in user
 * or a service token; bad input is answered with 400 and what is wrong.
 */
import { defineRoutes, jsonAnswer, textAnswer } from '@gatehouse/http-contract';
import { z } from 'zod';
import type { PlanChange } from './diff';
import type { PlanIssue } from './issues';
import type { InfraPlan } from './schema';

/** Plans larger than this are refused (a plan of 500 workloads is ~300 kB). */
export const MAX_PLAN_BYTES = 2_000_000;

const planText = z
  .string()
  .min(1, 'the plan is empty')
  .max(MAX_PLAN_BYTES, `plans are at most ${MAX_PLAN_BYTES} bytes`);

/** @public */
export const validateBodySchema = z.object({
  /** The plan as YAML (or JSON) text, as it would be in `infra-plan.yaml`. */
  yaml: planText,
});

/** @public */
export const saveRevisionBodySchema = z.object({
  yaml: planText,
  /** Why the plan changed, shown in the revision list. */
  message: z.string().max(500).optional(),
});

/** @public */
export const diffQuerySchema = z.object({
  from: z.coerce.number().int().positive(),
  /** Default: the latest revision. */
  to: z.coerce.number().int().positive().optional(),
});

/** Downloadable renderings of a plan. @public */
export const PLAN_DOCUMENTS = [
  'Infrastructure_Requirements.md',
  'Deployment_Architecture_Plan.json',
  'Scalability_Architecture_Design.md',
  'Performance_Optimization_Plan.json',
  'topology.mmd',
] as const;

/** @public */
export type PlanDocumentName = (typeof PLAN_DOCUMENTS)[number];

/** @public */
export const documentQuerySchema = z.object({
  /** Default: the latest revision. */
  revision: z.coerce.number().int().positive().optional(),
  /** The environment drawn by `topology.mmd`; default the production one. */
  environment: z.string().max(63).optional(),
});

/** @public */
export const entityPathSchema = z.object({
  kind: z.string().regex(/^[a-zA-Z]+$/, 'must be an entity kind'),
  namespace: z.string().regex(/^[a-z0-9-_.]+$/i, 'must be a namespace'),
  name: z.string().regex(/^[a-zA-Z0-9-_.]+$/, 'must be an entity name'),
});

/** @public */
export type ValidateBody = z.input<typeof validateBodySchema>;
/** @public */
export type SaveRevisionBody = z.input<typeof saveRevisionBodySchema>;

/** The answer of `POST /validate`. @public */
export interface ValidationAnswer {
  valid: boolean;
  errorCount: number;
  warningCount: number;
  issues: PlanIssue[];
  /** The typed plan, when the text matches the schema. */
  plan?: InfraPlan;
}

/** Where a revision came from. @public */
export type RevisionSource = 'repository' | 'editor' | 'template';

/** @public */
export interface PlanRevisionSummary {
  entityRef: string;
  revision: number;
  contentHash: string;
  source: RevisionSource;
  /** The repository location for `repository` revisions. */
  location?: string;
  /** Who saved it (a user entity ref), for editor and template revisions. */
  author?: string;
  message?: string;
  createdAt: string;
  valid: boolean;
  errorCount: number;
  warningCount: number;
}

/** @public */
export interface PlanRevision extends PlanRevisionSummary {
  yaml: string;
  issues: PlanIssue[];
  plan?: InfraPlan;
}

/** What the plan tab shows for one service. @public */
export interface PlanView {
  entityRef: string;
  /** The annotation's value and where it resolved to. */
  source?: { annotation: string; location: string };
  /** Set when the repository's plan could not be read this time (the last revision is still shown). */
  sourceError?: string;
  latest: PlanRevision;
  revisionCount: number;
}

/** @public */
export interface PlanDiff {
  entityRef: string;
  from: number;
  to: number;
  changes: PlanChange[];
}

/** The catalog annotation that locates a service's plan. @public */
export const INFRA_PLAN_ANNOTATION = 'gatehouse.io/infra-plan';

/** A plan's revisions, newest first. @public */
export type PlanRevisions = { items: PlanRevisionSummary[] };

const revisionPathSchema = entityPathSchema.extend({
  revision: z.coerce
    .number()
    .int('must be a positive whole number')
    .positive('must be a positive whole number'),
});
const documentPathSchema = entityPathSchema.extend({
  document: z.enum(PLAN_DOCUMENTS),
});

/** The routes of the infra-plans backend. @public */
export const infraPlansRoutes = defineRoutes({
  validate: {
    method: 'POST',
    path: '/validate',
    body: validateBodySchema,
    names: { body: 'plan' },
    answer: jsonAnswer<ValidationAnswer>('ValidationAnswer'),
    summary: 'Validates a plan and answers every located issue',
  },
  getPlan: {
    method: 'GET',
    path: '/entities/:kind/:namespace/:name/plan',
    params: entityPathSchema,
    names: { params: 'entity' },
    answer: jsonAnswer<PlanView>('PlanView'),
    summary: "An entity's plan in force (404 when it has none)",
  },
  listRevisions: {
    method: 'GET',
    path: '/entities/:kind/:namespace/:name/revisions',
    params: entityPathSchema,
    names: { params: 'entity' },
    answer: jsonAnswer<PlanRevisions>('PlanRevisions'),
    summary: "An entity's plan revisions",
  },
  saveRevision: {
    method: 'POST',
    path: '/entities/:kind/:namespace/:name/revisions',
    params: entityPathSchema,
    body: saveRevisionBodySchema,
    names: { params: 'entity', body: 'revision' },
    answer: jsonAnswer<PlanRevision>('PlanRevision'),
    status: 201,
    summary:
      'Saves a new revision (400 with `issues` when the plan is invalid)',
  },
  getRevision: {
    method: 'GET',
    path: '/entities/:kind/:namespace/:name/revisions/:revision',
    params: revisionPathSchema,
    names: { params: 'revision' },
    answer: jsonAnswer<PlanRevision>('PlanRevision'),
    summary: 'One revision with its plan',
  },
  diff: {
    method: 'GET',
    path: '/entities/:kind/:namespace/:name/diff',
    params: entityPathSchema,
    query: diffQuerySchema,
    names: { params: 'entity' },
    answer: jsonAnswer<PlanDiff>('PlanDiff'),
    summary: 'The semantic changes between two revisions',
  },
  document: {
    method: 'GET',
    path: '/entities/:kind/:namespace/:name/documents/:document',
    params: documentPathSchema,
    query: documentQuerySchema,
    names: { params: 'document' },
    answer: textAnswer('text/markdown', 'application/json', 'text/plain'),
    summary: 'A document rendered from the plan (a download)',
  },
});

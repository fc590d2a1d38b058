import type {
  AuditorService,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import { audited, parseInput as parse } from '@gatehouse/http-contract';
import {
  diffQuerySchema,
  documentQuerySchema,
  entityPathSchema,
  infraPlanReadPermission,
  infraPlanUpdatePermission,
  PLAN_DOCUMENTS,
  saveRevisionBodySchema,
  validateBodySchema,
  ValidationAnswer,
} from '@gatehouse/plugin-infra-plans-common';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { InvalidPlanError, PlanService } from './service/PlanService';

export type RouterOptions = {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  plans: PlanService;
};

const revisionParamSchema = z.object({
  revision: z.coerce.number().int().positive(),
});
const documentParamSchema = z.object({ document: z.enum(PLAN_DOCUMENTS) });

const CONTENT_TYPES: Record<string, string> = {
  md: 'text/markdown; charset=utf-8',
  json: 'application/json; charset=utf-8',
  mmd: 'text/plain; charset=utf-8',
};

function entityRefOf(req: Request): string {
  const { kind, namespace, name } = parse(
    entityPathSchema,
    req.params,
    'entity',
  );
  return stringifyEntityRef({ kind, namespace, name });
}

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, permissions, auditor, plans } = options;
  const router = Router();
  router.use(express.json({ limit: '3mb' }));

  async function authorize(
    req: Request,
    permission: BasicPermission | ResourcePermission,
    resourceRef?: string,
  ) {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const [decision] = await permissions.authorize(
      [
        resourceRef
          ? { permission: permission as ResourcePermission, resourceRef }
          : { permission: permission as BasicPermission },
      ],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `You may not ${permission.attributes.action} this infrastructure plan`,
      );
    }
    return credentials;
  }

  router.post('/validate', async (req, res) => {
    await authorize(req, infraPlanReadPermission);
    const { yaml } = parse(validateBodySchema, req.body, 'plan');
    const result = plans.validate(yaml);
    const answer: ValidationAnswer = {
      valid: result.valid,
      errorCount: result.errorCount,
      warningCount: result.warningCount,
      issues: result.issues,
      plan: result.plan,
    };
    res.json(answer);
  });

  router.get('/entities/:kind/:namespace/:name/plan', async (req, res) => {
    const credentials = await authorize(req, infraPlanReadPermission);
    res.json(await plans.view(entityRefOf(req), credentials));
  });

  router.get('/entities/:kind/:namespace/:name/revisions', async (req, res) => {
    await authorize(req, infraPlanReadPermission);
    res.json(await plans.revisions(entityRefOf(req)));
  });

  router.post(
    '/entities/:kind/:namespace/:name/revisions',
    async (req, res) => {
      const entityRef = entityRefOf(req);
      const credentials = await authorize(
        req,
        infraPlanUpdatePermission,
        entityRef,
      );
      const body = parse(saveRevisionBodySchema, req.body, 'revision');
      const principal = credentials.principal as {
        type: string;
        userEntityRef?: string;
        subject?: string;
      };
      try {
        const saved = await audited(
          auditor.createEvent({
            eventId: 'plan-revision-save',
            severityLevel: 'medium',
            request: req,
            meta: { entityRef },
          }),
          () =>
            plans.save({
              entityRef,
              yaml: body.yaml,
              message: body.message,
              author:
                principal.userEntityRef ??
                `service:${principal.subject ?? '?'}`,
            }),
          result => ({
            revision: result.revision,
            contentHash: result.contentHash,
          }),
        );
        res.status(201).json(saved);
      } catch (error) {
        if (error instanceof InvalidPlanError) {
          // The editor shows each located issue, not just the message.
          res.status(400).json({
            error: { name: error.name, message: error.message },
            issues: error.result.issues,
          });
          return;
        }
        throw error;
      }
    },
  );

  router.get(
    '/entities/:kind/:namespace/:name/revisions/:revision',
    async (req, res) => {
      await authorize(req, infraPlanReadPermission);
      const { revision } = parse(revisionParamSchema, req.params, 'revision');
      res.json(await plans.revision(entityRefOf(req), revision));
    },
  );

  router.get('/entities/:kind/:namespace/:name/diff', async (req, res) => {
    await authorize(req, infraPlanReadPermission);
    const { from, to } = parse(diffQuerySchema, req.query, 'query');
    res.json(await plans.diff(entityRefOf(req), from, to));
  });

  router.get(
    '/entities/:kind/:namespace/:name/documents/:document',
    async (req, res) => {
      await authorize(req, infraPlanReadPermission);
      const { document } = parse(documentParamSchema, req.params, 'document');
      const query = parse(documentQuerySchema, req.query, 'query');
      const text = await plans.document({
        entityRef: entityRefOf(req),
        document,
        ...query,
      });
      res.setHeader(
        'content-type',
        CONTENT_TYPES[document.split('.').pop()!] ?? 'text/plain',
      );
      res.setHeader(
        'content-disposition',
        `attachment; filename="${document}"`,
      );
      res.send(text);
    },
  );

  return router;
}

import type {
  AuditorService,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  audited,
  authorizeOrThrow,
  mountRoutes,
  PermissionCheck,
} from '@gatehouse/http-contract';
import {
  infraPlanReadPermission,
  infraPlansRoutes,
  infraPlanUpdatePermission,
} from '@gatehouse/plugin-infra-plans-common';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { InvalidPlanError, PlanService } from './service/PlanService';

export type RouterOptions = {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  plans: PlanService;
};

const CONTENT_TYPES: Record<string, string> = {
  md: 'text/markdown; charset=utf-8',
  json: 'application/json; charset=utf-8',
  mmd: 'text/plain; charset=utf-8',
};

const entityRefOf = ({
  kind,
  namespace,
  name,
}: {
  kind: string;
  namespace: string;
  name: string;
}) => stringifyEntityRef({ kind, namespace, name });

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, permissions, auditor, plans } = options;
  const router = Router();
  router.use(express.json({ limit: '3mb' }));

  const authenticate = (req: Request) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });
  type Credentials = Awaited<ReturnType<typeof authenticate>>;
  const authorize = (credentials: Credentials, check: PermissionCheck) =>
    authorizeOrThrow(
      permissions,
      credentials,
      check,
      () =>
        `You may not ${check.permission.attributes.action} this infrastructure plan`,
    );
  const read = { permission: infraPlanReadPermission };

  mountRoutes(
    router,
    infraPlansRoutes,
    { authenticate },
    {
      validate: async ({ body }, { credentials }) => {
        await authorize(credentials, read);
        const result = plans.validate(body.yaml);
        return {
          valid: result.valid,
          errorCount: result.errorCount,
          warningCount: result.warningCount,
          issues: result.issues,
          plan: result.plan,
        };
      },

      getPlan: async ({ params }, { credentials }) => {
        await authorize(credentials, read);
        return plans.view(entityRefOf(params), credentials);
      },

      listRevisions: async ({ params }, { credentials }) => {
        await authorize(credentials, read);
        return plans.revisions(entityRefOf(params));
      },

      saveRevision: async ({ params, body }, { credentials, req, res }) => {
        const entityRef = entityRefOf(params);
        await authorize(credentials, {
          permission: infraPlanUpdatePermission,
          resourceRef: entityRef,
        });
        const principal = credentials.principal as {
          type: string;
          userEntityRef?: string;
          subject?: string;
        };
        try {
          return await audited(
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
        } catch (error) {
          if (error instanceof InvalidPlanError) {
            // The editor shows each located issue, not just the message.
            res.status(400).json({
              error: { name: error.name, message: error.message },
              issues: error.result.issues,
            });
            return undefined;
          }
          throw error;
        }
      },

      getRevision: async ({ params }, { credentials }) => {
        await authorize(credentials, read);
        return plans.revision(entityRefOf(params), params.revision);
      },

      diff: async ({ params, query }, { credentials }) => {
        await authorize(credentials, read);
        return plans.diff(entityRefOf(params), query.from, query.to);
      },

      document: async ({ params, query }, { credentials, res }) => {
        await authorize(credentials, read);
        const text = await plans.document({
          entityRef: entityRefOf(params),
          document: params.document,
          ...query,
        });
        res.setHeader(
          'content-type',
          CONTENT_TYPES[params.document.split('.').pop()!] ?? 'text/plain',
        );
        res.setHeader(
          'content-disposition',
          `attachment; filename="${params.document}"`,
        );
        res.send(text);
      },
    },
  );

  return router;
}

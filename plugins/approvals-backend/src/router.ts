import type {
  AuditorService,
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import {
  approvalDeliveryReportPermission,
  approvalRequestDecidePermission,
  approvalRequestReadPermission,
  approvalRequestSubmitPermission,
  approvalsRoutes,
  approvalsWebhookRoutes,
} from '@gatehouse/plugin-approvals-common';
import {
  audited,
  authorizeOrThrow,
  mountRoutes,
  PermissionCheck,
} from '@gatehouse/http-contract';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import type { WebhookForge } from './config';
import type { DeliveryService } from './delivery/DeliveryService';
import type { RepositoryWatcher } from './delivery/RepositoryWatcher';
import type { RepositoryWatchStore } from './delivery/RepositoryWatchStore';
import { verifyWebhook, webhookRemoteUrl } from './delivery/webhooks';
import type { ApprovalService, Caller } from './service/ApprovalService';
import type { ReadAnswer, ReadCache } from './service/ReadCache';

/** Terraform plans of large estates are big; beyond this the request is refused with 413. */
export const MAX_BODY = '50mb';

export type RouterOptions = {
  httpAuth: HttpAuthService;
  userInfo: UserInfoService;
  permissions: PermissionsService;
  auditor: AuditorService;
  approvals: ApprovalService;
  /** Answers of the inbox, counts and request page, valid while nothing changes. */
  reads: ReadCache;
  delivery: DeliveryService;
  watcher: Pick<RepositoryWatcher, 'checkRemote'>;
  watches: Pick<RepositoryWatchStore, 'listUnapproved'>;
  webhookSecrets: Partial<Record<WebhookForge, string>>;
};

/** What a read's answer depends on: the route, its input and who asks. */
function readKey(route: string, caller: Caller, input: unknown) {
  const groups = caller.kind === 'user' ? [...caller.groups].sort() : [];
  return JSON.stringify([route, caller.ref, groups, input]);
}

/**
 * Sends an answer that is already serialised and tagged. Express answers
 * 304 Not Modified when the request's If-None-Match names the tag, so a
 * polling page that has the answer already gets no body.
 */
function sendAnswer(res: express.Response, answer: ReadAnswer): void {
  res.set('ETag', answer.etag).type('application/json').send(answer.body);
}

/** Turns credentials into the caller the service reasons about (groups include ancestors). */
export async function callerOf(
  credentials: BackstageCredentials,
  userInfo: UserInfoService,
): Promise<Caller> {
  const principal = credentials.principal as { type: string; subject?: string };
  if (principal.type === 'user') {
    const info = await userInfo.getUserInfo(credentials);
    return {
      kind: 'user',
      ref: info.userEntityRef,
      groups: info.ownershipEntityRefs,
    };
  }
  const subject = principal.subject ?? 'unknown';
  return { kind: 'service', ref: `service:${subject}` };
}

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, userInfo, permissions, auditor, approvals, reads } =
    options;
  const router = Router();
  router.use(
    express.json({
      limit: MAX_BODY,
      // Webhook signatures are computed over the bytes as sent.
      verify: (req, _res, buf) => {
        (req as Request & { rawBody?: Buffer }).rawBody = buf;
      },
    }),
  );

  const authenticate = (req: Request) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });
  type Credentials = Awaited<ReturnType<typeof authenticate>>;

  /**
   * Checks the permission and answers who is asking; a refusal says why when
   * the service knows (the policy refuses the submitter's own decision
   * without a reason).
   */
  async function authorize(credentials: Credentials, check: PermissionCheck) {
    const caller = await callerOf(credentials, userInfo);
    await authorizeOrThrow(
      permissions,
      credentials,
      check,
      async () =>
        (check.permission === approvalRequestDecidePermission &&
        check.resourceRef
          ? await approvals.decisionRefusal(check.resourceRef, caller)
          : undefined) ??
        `You may not ${check.permission.attributes.action} this change request`,
    );
    return caller;
  }

  mountRoutes(
    router,
    approvalsRoutes,
    { authenticate },
    {
      submit: async ({ body }, { credentials, req }) => {
        const caller = await authorize(credentials, {
          permission: approvalRequestSubmitPermission,
        });
        return audited(
          auditor.createEvent({
            eventId: 'request-submit',
            request: req,
            meta: {
              entityRef: body.entityRef,
              environment: body.environment,
              requestId: body.requestId,
            },
          }),
          () => approvals.submit(body, caller),
          result => ({
            requestId: result.id,
            revision: result.revision,
            contentHash: result.contentHash,
            status: result.status,
            tier: result.tier ?? null,
          }),
        );
      },

      list: async ({ query }, { credentials, res }) => {
        const caller = await authorize(credentials, {
          permission: approvalRequestReadPermission,
        });
        // An age filter is relative to now: its answer is not kept.
        if (query.olderThanHours !== undefined) {
          return approvals.list(query, caller);
        }
        return sendAnswer(
          res,
          await reads.json(readKey('list', caller, query), () =>
            approvals.list(query, caller),
          ),
        );
      },

      counts: async (_input, { credentials, res }) => {
        const caller = await authorize(credentials, {
          permission: approvalRequestReadPermission,
        });
        return sendAnswer(
          res,
          await reads.json(readKey('counts', caller, null), () =>
            approvals.counts(caller),
          ),
        );
      },

      get: async ({ params: { id } }, { credentials, res }) => {
        const caller = await authorize(credentials, {
          permission: approvalRequestReadPermission,
          resourceRef: id,
        });
        return sendAnswer(
          res,
          await reads.json(readKey('request', caller, id), () =>
            approvals.get(id, caller),
          ),
        );
      },

      terraformPlan: async (
        { params: { id, revision } },
        { credentials, res },
      ) => {
        await authorize(credentials, {
          permission: approvalRequestReadPermission,
          resourceRef: id,
        });
        res.setHeader(
          'content-disposition',
          `attachment; filename="plan-${id}-r${revision}.json"`,
        );
        return (await approvals.planOf(id, revision)) as Record<
          string,
          unknown
        >;
      },

      infraPlan: async ({ params: { id, revision } }, { credentials }) => {
        await authorize(credentials, {
          permission: approvalRequestReadPermission,
          resourceRef: id,
        });
        return approvals.infraPlanOf(id, revision);
      },

      decide: async ({ params: { id }, body }, { credentials, req }) => {
        const caller = await authorize(credentials, {
          permission: approvalRequestDecidePermission,
          resourceRef: id,
        });
        return audited(
          auditor.createEvent({
            eventId: 'request-decide',
            request: req,
            meta: {
              requestId: id,
              decision: body.decision,
              revisionHash: body.revisionHash,
            },
          }),
          () => approvals.decide(id, body, caller),
          result => ({ status: result.status }),
        );
      },

      gate: async ({ params: { id }, query }, { credentials }) => {
        await authorize(credentials, {
          permission: approvalRequestReadPermission,
          resourceRef: id,
        });
        return approvals.gate(id, query.hash);
      },

      reportDelivery: async (
        { params: { id }, body },
        { credentials, req },
      ) => {
        const caller = await authorize(credentials, {
          permission: approvalDeliveryReportPermission,
          resourceRef: id,
        });
        await audited(
          auditor.createEvent({
            eventId: 'delivery-report',
            request: req,
            meta: { requestId: id, step: body.step, commit: body.commit },
          }),
          () => options.delivery.report(id, body, caller.ref),
          recorded => ({ recorded }),
        );
        return approvals.get(id, caller);
      },

      unapprovedChanges: async ({ query }, { credentials }) => {
        await authorize(credentials, {
          permission: approvalRequestReadPermission,
        });
        return options.watches.listUnapproved({
          entityRef: query.entityRef,
          limit: query.limit ?? 50,
        });
      },
    },
  );

  mountRoutes(
    router,
    approvalsWebhookRoutes,
    {
      // The forge signs the body with the shared secret; there is no Backstage token.
      authenticate: async (req: Request & { rawBody?: Buffer }) => {
        const forge = req.params.forge as WebhookForge;
        verifyWebhook(forge, req.headers, req.rawBody, options.webhookSecrets);
        return { forge };
      },
    },
    {
      webhook: async ({ params }, { req }) => {
        const remoteUrl = webhookRemoteUrl(params.forge, req.body);
        return audited(
          auditor.createEvent({
            eventId: 'delivery-webhook',
            request: req,
            meta: { forge: params.forge, remoteUrl },
          }),
          async () => ({
            checked: await options.watcher.checkRemote(remoteUrl),
          }),
          answer => answer,
        );
      },
    },
  );

  return router;
}

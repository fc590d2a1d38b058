import type {
  AuditorService,
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  approvalRequestDecidePermission,
  approvalRequestReadPermission,
  approvalRequestSubmitPermission,
  decideSchema,
  gateQuerySchema,
  listRequestsQuerySchema,
  submitRequestSchema,
} from '@gatehouse/plugin-approvals-common';
import { audited, parseInput as parse } from '@gatehouse/http-contract';
import express, { Request } from 'express';
import Router from 'express-promise-router';
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
function sendAnswer(res: express.Response, answer: ReadAnswer) {
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
  router.use(express.json({ limit: MAX_BODY }));

  /**
   * Checks the permission; a refusal says why when the service knows (the
   * policy refuses the submitter's own decision without a reason).
   */
  async function authorize(
    req: Request,
    permission:
      | typeof approvalRequestSubmitPermission
      | typeof approvalRequestReadPermission
      | typeof approvalRequestDecidePermission,
    resourceRef?: string,
  ) {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const caller = await callerOf(credentials, userInfo);
    const [decision] = await permissions.authorize(
      [
        resourceRef
          ? ({ permission, resourceRef } as any)
          : ({ permission } as any),
      ],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      const reason =
        permission === approvalRequestDecidePermission && resourceRef
          ? await approvals.decisionRefusal(resourceRef, caller)
          : undefined;
      throw new NotAllowedError(
        reason ??
          `You may not ${permission.attributes.action} this change request`,
      );
    }
    return { credentials, caller };
  }

  router.post('/requests', async (req, res) => {
    const { caller } = await authorize(req, approvalRequestSubmitPermission);
    const body = parse(submitRequestSchema, req.body, 'change request');
    const created = await audited(
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
    res.status(201).json(created);
  });

  router.get('/requests', async (req, res) => {
    const { caller } = await authorize(
      req,
      approvalRequestReadPermission,
      undefined,
    );
    const query = parse(listRequestsQuerySchema, req.query, 'query');
    // An age filter is relative to now: its answer is not kept.
    if (query.olderThanHours !== undefined) {
      res.json(await approvals.list(query, caller));
      return;
    }
    sendAnswer(
      res,
      await reads.json(readKey('list', caller, query), () =>
        approvals.list(query, caller),
      ),
    );
  });

  router.get('/requests/counts', async (req, res) => {
    const { caller } = await authorize(
      req,
      approvalRequestReadPermission,
      undefined,
    );
    sendAnswer(
      res,
      await reads.json(readKey('counts', caller, null), () =>
        approvals.counts(caller),
      ),
    );
  });

  router.get('/requests/:id', async (req, res) => {
    const { caller } = await authorize(
      req,
      approvalRequestReadPermission,
      req.params.id,
    );
    const id = req.params.id;
    sendAnswer(
      res,
      await reads.json(readKey('request', caller, id), () =>
        approvals.get(id, caller),
      ),
    );
  });

  router.get('/requests/:id/revisions/:revision/plan', async (req, res) => {
    await authorize(req, approvalRequestReadPermission, req.params.id);
    const revision = Number(req.params.revision);
    if (!Number.isInteger(revision) || revision < 1) {
      throw new InputError('revision must be a positive whole number');
    }
    res.setHeader(
      'content-disposition',
      `attachment; filename="plan-${req.params.id}-r${revision}.json"`,
    );
    res.json(await approvals.planOf(req.params.id, revision));
  });

  router.get(
    '/requests/:id/revisions/:revision/infra-plan',
    async (req, res) => {
      await authorize(req, approvalRequestReadPermission, req.params.id);
      const revision = Number(req.params.revision);
      if (!Number.isInteger(revision) || revision < 1) {
        throw new InputError('revision must be a positive whole number');
      }
      res.json(await approvals.infraPlanOf(req.params.id, revision));
    },
  );

  router.post('/requests/:id/decisions', async (req, res) => {
    const { caller } = await authorize(
      req,
      approvalRequestDecidePermission,
      req.params.id,
    );
    const body = parse(decideSchema, req.body, 'decision');
    const decided = await audited(
      auditor.createEvent({
        eventId: 'request-decide',
        request: req,
        meta: {
          requestId: req.params.id,
          decision: body.decision,
          revisionHash: body.revisionHash,
        },
      }),
      () => approvals.decide(req.params.id, body, caller),
      result => ({ status: result.status }),
    );
    res.status(201).json(decided);
  });

  router.get('/requests/:id/gate', async (req, res) => {
    await authorize(req, approvalRequestReadPermission, req.params.id);
    const query = parse(gateQuerySchema, req.query, 'query');
    res.json(await approvals.gate(req.params.id, query.hash));
  });

  return router;
}

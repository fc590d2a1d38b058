import {
  createConditionExports,
  createPermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import { APPROVAL_REQUEST_RESOURCE_TYPE } from '@gatehouse/plugin-approvals-common';
import { z } from 'zod';
import type { StoredRequest } from './store/ApprovalsStore';

/** A filter on requests, for rules that narrow lists. */
export type ApprovalRequestFilter = {
  property: 'submitter' | 'environment' | 'tier';
  values: string[];
};

export const approvalRequestResourceRef = createPermissionResourceRef<
  StoredRequest,
  ApprovalRequestFilter
>().with({
  pluginId: 'approvals',
  resourceType: APPROVAL_REQUEST_RESOURCE_TYPE,
});

/** The request was submitted by the user (e.g. to keep people from approving their own). */
// The permission framework brings its own zod; schemas cross the package
// boundary untyped, and the params types are stated here instead.
export const isSubmitter = createPermissionRule<
  typeof approvalRequestResourceRef,
  { userRef: string }
>({
  name: 'IS_SUBMITTER',
  description: 'The change request was submitted by the given user',
  resourceRef: approvalRequestResourceRef,
  paramsSchema: z.object({
    userRef: z.string().describe('User entity ref of the submitter'),
  }) as any,
  apply: (request, { userRef }) => request.submitter === userRef,
  toQuery: ({ userRef }) => ({ property: 'submitter', values: [userRef] }),
});

/**
 * The request targets one of the given environments, by name. A name says
 * nothing about what an environment is: prefer TARGETS_TIER.
 */
export const targetsEnvironment = createPermissionRule<
  typeof approvalRequestResourceRef,
  { environments: string[] }
>({
  name: 'TARGETS_ENVIRONMENT',
  description: 'The change request targets one of the given environments',
  resourceRef: approvalRequestResourceRef,
  paramsSchema: z.object({ environments: z.array(z.string()) }) as any,
  apply: (request, { environments }) =>
    environments.includes(request.environment),
  toQuery: ({ environments }) => ({
    property: 'environment',
    values: environments,
  }),
});

/**
 * The request targets an environment of one of the given tiers, whatever it
 * is called (the tier the approvals plugin resolved from the catalog).
 * Requests stored before tiers were resolved match no tier.
 */
export const targetsTier = createPermissionRule<
  typeof approvalRequestResourceRef,
  { tiers: string[] }
>({
  name: 'TARGETS_TIER',
  description:
    'The change request targets an environment of one of the given tiers (development, staging, production)',
  resourceRef: approvalRequestResourceRef,
  paramsSchema: z.object({ tiers: z.array(z.string()) }) as any,
  apply: (request, { tiers }) =>
    Boolean(request.tier) && tiers.includes(request.tier!),
  toQuery: ({ tiers }) => ({ property: 'tier', values: tiers }),
});

export const approvalRequestRules = {
  isSubmitter,
  targetsEnvironment,
  targetsTier,
};

/** Condition builders for permission policies (`approvalsConditions.isSubmitter({ userRef })`). */
export const {
  conditions: approvalsConditions,
  createConditionalDecision: createApprovalsConditionalDecision,
} = createConditionExports({
  pluginId: 'approvals',
  resourceType: APPROVAL_REQUEST_RESOURCE_TYPE,
  rules: approvalRequestRules,
});

import {
  AuthorizeResult,
  Permission,
} from '@backstage/plugin-permission-common';
import {
  approvalDeliveryReportPermission,
  approvalRequestDecidePermission,
  approvalRequestReadPermission,
  approvalRequestSubmitPermission,
} from '@gatehouse/plugin-approvals-common';
import {
  approvalsConditions,
  createApprovalsConditionalDecision,
} from '@gatehouse/plugin-approvals-backend';
import { isMemberOfAny, PLATFORM_TEAM, SRE } from './membership';
import { PolicyRule } from './types';

const is = (wanted: Permission) => (permission: Permission) =>
  permission.name === wanted.name;

/**
 * The approvals plugin: everyone sees the queue and may submit; nobody may
 * decide on their own request. Whose decision counts beyond that is the
 * approval policy's business (gatehouse.approvals.policy), checked by the plugin.
 */
export const approvalsRules: PolicyRule[] = [
  {
    description:
      'signed-in users see change requests: sign-off happens in the open',
    covers: is(approvalRequestReadPermission),
    decide: () => ({ result: AuthorizeResult.ALLOW }),
  },
  {
    description: 'signed-in users submit changes for approval',
    covers: is(approvalRequestSubmitPermission),
    decide: () => ({ result: AuthorizeResult.ALLOW }),
  },
  {
    description: 'people decide on requests they did not submit',
    covers: is(approvalRequestDecidePermission),
    decide: (request, user) =>
      createApprovalsConditionalDecision(request.permission as any, {
        not: approvalsConditions.isSubmitter({
          userRef: user.info.userEntityRef,
        }),
      }),
  },
  {
    description:
      'the platform team and SREs report deliveries by hand (pipelines use service tokens)',
    covers: is(approvalDeliveryReportPermission),
    decide: (_request, user) => ({
      result: isMemberOfAny(user, [PLATFORM_TEAM, SRE])
        ? AuthorizeResult.ALLOW
        : AuthorizeResult.DENY,
    }),
  },
];

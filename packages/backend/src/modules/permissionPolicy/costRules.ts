import {
  AuthorizeResult,
  Permission,
} from '@backstage/plugin-permission-common';
import {
  costEstimateCreatePermission,
  costIngestionManagePermission,
  costSpendReadPermission,
} from '@gatehouse/plugin-cost-common';
import { PolicyRule } from './types';
import { FINOPS, isMemberOfAny, PLATFORM_TEAM } from './membership';

const is = (wanted: Permission) => (permission: Permission) =>
  permission.name === wanted.name;

/** The cost plugin: spend is visible to everyone; ingestion is run by its operators. */
export const costRules: PolicyRule[] = [
  {
    description:
      'signed-in users see spend, budgets and alerts: cost is everyone’s business',
    covers: is(costSpendReadPermission),
    decide: () => ({ result: AuthorizeResult.ALLOW }),
  },
  {
    description: 'signed-in users estimate what their changes will cost',
    covers: is(costEstimateCreatePermission),
    decide: () => ({ result: AuthorizeResult.ALLOW }),
  },
  {
    description: 'the platform team and FinOps run billing ingestion',
    covers: is(costIngestionManagePermission),
    decide: (_request, user) => ({
      result: isMemberOfAny(user, [PLATFORM_TEAM, FINOPS])
        ? AuthorizeResult.ALLOW
        : AuthorizeResult.DENY,
    }),
  },
];

import {
  AuthorizeResult,
  Permission,
} from '@backstage/plugin-permission-common';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  infraPlanReadPermission,
  infraPlanUpdatePermission,
} from '@gatehouse/plugin-infra-plans-common';
import { PolicyRule } from './types';
import { isMemberOfAny, PLATFORM_TEAM } from './membership';

const is = (wanted: Permission) => (permission: Permission) =>
  permission.name === wanted.name;

/** The infra-plans plugin: plans are open to read; a service's owners change its plan. */
export const infraPlansRules: PolicyRule[] = [
  {
    description:
      'signed-in users read infrastructure plans, their revisions and documents',
    covers: is(infraPlanReadPermission),
    decide: () => ({ result: AuthorizeResult.ALLOW }),
  },
  {
    description:
      'a service’s owners save revisions of its plan; the platform team any',
    covers: is(infraPlanUpdatePermission),
    decide: (request, user) =>
      isMemberOfAny(user, [PLATFORM_TEAM])
        ? { result: AuthorizeResult.ALLOW }
        : createCatalogConditionalDecision(
            request.permission as any,
            catalogConditions.isEntityOwner({
              claims: user.info.ownershipEntityRefs,
            }),
          ),
  },
];

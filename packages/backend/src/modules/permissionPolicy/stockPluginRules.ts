import {
  AuthorizeResult,
  Permission,
} from '@backstage/plugin-permission-common';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  createScaffolderTaskConditionalDecision,
  scaffolderTaskConditions,
} from '@backstage/plugin-scaffolder-backend/alpha';
import { PolicyRule } from './types';
import { isGuest, isMemberOfAny, PLATFORM_TEAM, SRE } from './membership';

const named =
  (...names: string[]) =>
  (permission: Permission) =>
    names.includes(permission.name);

const allow = () => ({ result: AuthorizeResult.ALLOW } as const);

/**
 * The `spec.type` of templates the approvals backend starts once a change is
 * approved ("Publish an approved environment", "Apply an approved environment
 * change"). People cannot use them, so the template list does not offer them;
 * the approvals backend reads them with its own service credentials, which
 * the policy does not govern.
 */
export const FOLLOW_UP_TEMPLATE_TYPE = 'environment-follow-up';
const deny = () => ({ result: AuthorizeResult.DENY } as const);

/**
 * Decisions for the permissions of the stock Backstage plugins Gatehouse ships:
 * everyone signed in may read and use self-service; changing or removing what
 * exists is for its owners; operating the portal is for the platform team.
 */
export const stockPluginRules: PolicyRule[] = [
  {
    description:
      'signed-in users read the catalog, except the follow-up templates only the approvals backend starts',
    covers: named('catalog.entity.read'),
    decide: request =>
      createCatalogConditionalDecision(request.permission as any, {
        not: {
          allOf: [
            catalogConditions.isEntityKind({ kinds: ['Template'] }),
            catalogConditions.hasSpec({
              key: 'type',
              value: FOLLOW_UP_TEMPLATE_TYPE,
            }),
          ],
        },
      }),
  },
  {
    description:
      'signed-in users read locations and check entities before registering them',
    covers: named(
      'catalog.location.read',
      'catalog.entity.validate',
      'catalog.location.analyze',
    ),
    decide: allow,
  },
  {
    description:
      'signed-in users register new entities and locations (self-service), but the guest',
    covers: named('catalog.entity.create', 'catalog.location.create'),
    decide: (_request, user) => (isGuest(user) ? deny() : allow()),
  },
  {
    description:
      'owners refresh and unregister their own entities; the platform team any',
    covers: named('catalog.entity.refresh', 'catalog.entity.delete'),
    decide: (request, user) =>
      isMemberOfAny(user, [PLATFORM_TEAM])
        ? allow()
        : createCatalogConditionalDecision(
            request.permission as any,
            catalogConditions.isEntityOwner({
              claims: user.info.ownershipEntityRefs,
            }),
          ),
  },
  {
    description:
      'the platform team removes locations and manages catalog ingestion',
    covers: named(
      'catalog.location.delete',
      'catalog.ingestion.read',
      'catalog.ingestion.manage',
    ),
    decide: (_request, user) =>
      isMemberOfAny(user, [PLATFORM_TEAM]) ? allow() : deny(),
  },
  {
    description: 'signed-in users read what templates ask and do',
    covers: named(
      'scaffolder.template.parameter.read',
      'scaffolder.template.step.read',
    ),
    decide: allow,
  },
  {
    description:
      'signed-in users run templates and try them in the template editor, but the guest',
    covers: named(
      'scaffolder.action.execute',
      'scaffolder.task.create',
      'scaffolder.template.dry-run',
    ),
    decide: (_request, user) => (isGuest(user) ? deny() : allow()),
  },
  {
    description:
      'users see and cancel their own scaffolder tasks; the platform team all of them',
    covers: named('scaffolder.task.read', 'scaffolder.task.cancel'),
    decide: (request, user) =>
      isMemberOfAny(user, [PLATFORM_TEAM])
        ? allow()
        : createScaffolderTaskConditionalDecision(
            request.permission as any,
            scaffolderTaskConditions.isTaskOwner({
              createdBy: [user.info.userEntityRef],
            }),
          ),
  },
  {
    description: 'the platform team manages templates',
    covers: named('scaffolder.template.management'),
    decide: (_request, user) =>
      isMemberOfAny(user, [PLATFORM_TEAM]) ? allow() : deny(),
  },
  {
    description: 'signed-in users see clusters and workloads',
    covers: named('kubernetes.clusters.read', 'kubernetes.resources.read'),
    decide: allow,
  },
  {
    description:
      'only the platform team and SRE reach the Kubernetes API through the proxy',
    covers: named('kubernetes.proxy'),
    decide: (_request, user) =>
      isMemberOfAny(user, [PLATFORM_TEAM, SRE]) ? allow() : deny(),
  },
];

import { createPermission } from '@backstage/plugin-permission-common';

/**
 * The catalog's resource type (as in `@backstage/plugin-catalog-common`), so
 * the catalog's conditions such as "is owned by" apply to plan updates.
 */
const RESOURCE_TYPE_CATALOG_ENTITY = 'catalog-entity';

/** Read a service's infrastructure plan, its revisions, diffs and documents. @public */
export const infraPlanReadPermission = createPermission({
  name: 'gatehouse.infra-plans.plan.read',
  attributes: { action: 'read' },
});

/**
 * Save a new revision of a service's plan from the editor. A resource
 * permission on the service's catalog entity, so the policy can grant it to
 * the entity's owners with the catalog's own conditions.
 * @public
 */
export const infraPlanUpdatePermission = createPermission({
  name: 'gatehouse.infra-plans.plan.update',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/** @public */
export const infraPlansPermissions = [
  infraPlanReadPermission,
  infraPlanUpdatePermission,
];

import type { AuthService } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';

/** The catalog entity a change is for; a change to an unknown entity is a 400. */
export async function findEntity(
  deps: { catalog: CatalogService; auth: AuthService },
  entityRef: string,
): Promise<Entity> {
  const entity = await deps.catalog.getEntityByRef(entityRef, {
    credentials: await deps.auth.getOwnServiceCredentials(),
  });
  if (!entity) throw new InputError(`There is no ${entityRef} in the catalog`);
  return entity;
}

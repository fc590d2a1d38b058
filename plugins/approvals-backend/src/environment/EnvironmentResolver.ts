import type { AuthService } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { stringifyEntityRef } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { catalogEnvironmentsOf } from './catalogEnvironments';
import type { EntityPlanSource } from './entityPlans';
import {
  resolveEnvironment,
  type ResolvedEnvironment,
  type SubmittedPlanTiers,
} from './resolveEnvironment';

/**
 * Finds the environment a change request names among the entity's: reads
 * its environment Resources from the catalog and its infrastructure plan
 * from the infra-plans backend (at the same time), then resolves the name
 * and tier (resolveEnvironment).
 */
export class EnvironmentResolver {
  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      plans: EntityPlanSource;
    },
  ) {}

  async resolve(input: {
    entity: Entity;
    name: string;
    submitted?: SubmittedPlanTiers;
  }): Promise<ResolvedEnvironment> {
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const [catalog, plan] = await Promise.all([
      catalogEnvironmentsOf(input.entity, this.deps.catalog, credentials),
      this.deps.plans.environmentsOf(input.entity),
    ]);
    return resolveEnvironment({
      entityRef: stringifyEntityRef(input.entity),
      name: input.name,
      catalog,
      plan,
      submitted: input.submitted,
    });
  }
}

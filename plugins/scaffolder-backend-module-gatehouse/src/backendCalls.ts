import type {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { serviceClientOptions } from '@gatehouse/http-contract';
import { ApprovalsClient } from '@gatehouse/plugin-approvals-common';
import { CostClient } from '@gatehouse/plugin-cost-common';
import { InfraPlansClient } from '@gatehouse/plugin-infra-plans-common';
import { parseEntityRef } from '@backstage/catalog-model';

/**
 * The typed clients of Gatehouse's other backends for the scaffolder's
 * actions, always on behalf of the template's user so their permissions apply.
 */
export function backendCalls(deps: {
  auth: AuthService;
  discovery: DiscoveryService;
  catalog: CatalogService;
}) {
  const optionsFor = (
    targetPluginId: string,
    credentials: BackstageCredentials,
  ) =>
    serviceClientOptions({
      discovery: deps.discovery,
      auth: deps.auth,
      credentials,
      targetPluginId,
    });

  const approvals = (credentials: BackstageCredentials) =>
    new ApprovalsClient(optionsFor('approvals', credentials));
  const cost = (credentials: BackstageCredentials) =>
    new CostClient(optionsFor('cost', credentials));
  const infraPlans = (credentials: BackstageCredentials) =>
    new InfraPlansClient(optionsFor('infra-plans', credentials));

  return {
    approvals,
    cost,

    /** The environment entity and its plan's latest revision, from the infra-plans backend. */
    async loadEnvironmentPlan(
      entityRef: string,
      credentials: BackstageCredentials,
    ) {
      const ref = parseEntityRef(entityRef, { defaultKind: 'resource' });
      const entity = await deps.catalog.getEntityByRef(ref, { credentials });
      if (!entity) throw new NotFoundError(`No entity ${entityRef}`);
      const view = await infraPlans(credentials).getPlan(ref);
      return { entity, yaml: view.latest.yaml };
    },
  };
}

import type {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { NotFoundError, ResponseError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { PlanView } from '@gatehouse/plugin-infra-plans-common';
import { parseEntityRef } from '@backstage/catalog-model';

/**
 * Calls from the scaffolder's actions to Gatehouse's other backends, always
 * on behalf of the template's user so their permissions apply.
 */
export function backendCalls(deps: {
  auth: AuthService;
  discovery: DiscoveryService;
  catalog: CatalogService;
}) {
  async function call<T>(
    pluginId: string,
    path: string,
    credentials: BackstageCredentials,
    body?: unknown,
  ): Promise<T> {
    const { token } = await deps.auth.getPluginRequestToken({
      onBehalfOf: credentials,
      targetPluginId: pluginId,
    });
    const response = await fetch(
      `${await deps.discovery.getBaseUrl(pluginId)}${path}`,
      {
        method: body === undefined ? 'GET' : 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      },
    );
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return (await response.json()) as T;
  }

  return {
    call,

    /** The environment entity and its plan's latest revision, from the infra-plans backend. */
    async loadEnvironmentPlan(
      entityRef: string,
      credentials: BackstageCredentials,
    ) {
      const ref = parseEntityRef(entityRef, { defaultKind: 'resource' });
      const entity = await deps.catalog.getEntityByRef(ref, { credentials });
      if (!entity) throw new NotFoundError(`No entity ${entityRef}`);
      const view = await call<PlanView>(
        'infra-plans',
        `/entities/${ref.kind.toLocaleLowerCase('en-US')}/${ref.namespace}/${
          ref.name
        }/plan`,
        credentials,
      );
      return { entity, yaml: view.latest.yaml };
    },
  };
}

import type {
  AuthService,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import { serviceClientOptions } from '@gatehouse/http-contract';
import type { EnvironmentTier } from '@gatehouse/plugin-approvals-common';
import {
  INFRA_PLAN_ANNOTATION,
  InfraPlansClient,
} from '@gatehouse/plugin-infra-plans-common';

/**
 * What an entity's infrastructure plan says about its environments: their
 * tiers by name; `none` when the entity has no plan (no annotation), or why
 * the plan could not be read.
 */
export type EntityPlanEnvironments =
  | { kind: 'none' }
  | {
      kind: 'plan';
      /** Where it came from, for messages: the plan's entity and revision. */
      source: string;
      tiers: Record<string, EnvironmentTier>;
    }
  | { kind: 'unavailable'; reason: string };

/** Reads the environments of an entity's infrastructure plan. */
export interface EntityPlanSource {
  environmentsOf(entity: Entity): Promise<EntityPlanEnvironments>;
}

/** Plans that take longer than this to answer are treated as unavailable. */
const TIMEOUT_MS = 10_000;

/**
 * The infra-plans backend's latest revision of the entity's plan (the one
 * its repository holds, or a later one saved from the editor), read with
 * the typed client as this plugin itself.
 */
export class InfraPlansBackendSource implements EntityPlanSource {
  constructor(
    private readonly deps: { discovery: DiscoveryService; auth: AuthService },
  ) {}

  private async client() {
    return new InfraPlansClient(
      serviceClientOptions({
        discovery: this.deps.discovery,
        auth: this.deps.auth,
        credentials: await this.deps.auth.getOwnServiceCredentials(),
        targetPluginId: 'infra-plans',
        timeoutMs: TIMEOUT_MS,
      }),
    );
  }

  async environmentsOf(entity: Entity): Promise<EntityPlanEnvironments> {
    if (!entity.metadata.annotations?.[INFRA_PLAN_ANNOTATION]) {
      return { kind: 'none' };
    }
    try {
      const view = await (
        await this.client()
      ).getPlan({
        kind: entity.kind,
        namespace: entity.metadata.namespace ?? 'default',
        name: entity.metadata.name,
      });
      const plan = view.latest.plan;
      if (!plan) {
        return {
          kind: 'unavailable',
          reason: `revision ${view.latest.revision} of its plan does not match the plan schema`,
        };
      }
      return {
        kind: 'plan',
        source: `revision ${view.latest.revision} of the infrastructure plan of ${view.entityRef}`,
        tiers: Object.fromEntries(
          Object.entries(plan.spec.environments).map(([name, environment]) => [
            name,
            environment.tier,
          ]),
        ),
      };
    } catch (error) {
      const reason =
        error instanceof ResponseError
          ? `${error.response.status} ${
              error.body?.error?.message ?? ''
            }`.trim()
          : (error as Error).message;
      return { kind: 'unavailable', reason };
    }
  }
}

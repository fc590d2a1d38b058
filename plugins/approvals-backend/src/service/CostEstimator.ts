import type {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type { StoredEstimate } from '@gatehouse/plugin-cost-common';

/** Prices a plan; answers null when it cannot (the policy then treats the cost as unknown). */
export interface CostEstimator {
  estimate(input: {
    plan: unknown;
    entityRef: string;
    environment: string;
  }): Promise<StoredEstimate | null>;
}

/**
 * Asks the cost plugin, which keeps the estimate on the service's cost tab
 * (and later compares it with actual spend).
 */
export class CostBackendEstimator implements CostEstimator {
  constructor(
    private readonly deps: {
      discovery: DiscoveryService;
      auth: AuthService;
      logger: LoggerService;
    },
  ) {}

  async estimate(input: {
    plan: unknown;
    entityRef: string;
    environment: string;
  }) {
    try {
      const baseUrl = await this.deps.discovery.getBaseUrl('cost');
      const { token } = await this.deps.auth.getPluginRequestToken({
        onBehalfOf: await this.deps.auth.getOwnServiceCredentials(),
        targetPluginId: 'cost',
      });
      const response = await fetch(`${baseUrl}/estimates/terraform`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
        },
        body: JSON.stringify({
          plan: input.plan,
          entityRef: input.entityRef,
          environment: input.environment,
        }),
      });
      if (!response.ok) {
        this.deps.logger.warn(
          `The cost plugin could not estimate the plan: ${
            response.status
          } ${await response.text()}`,
        );
        return null;
      }
      return (await response.json()) as StoredEstimate;
    } catch (error) {
      this.deps.logger.warn(
        `The cost plugin is unreachable: ${(error as Error).message}`,
      );
      return null;
    }
  }
}

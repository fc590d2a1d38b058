import type {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import type { StoredEstimate } from '@gatehouse/plugin-cost-common';
import type { PlanIssue } from '@gatehouse/plugin-infra-plans-common';
import type { InfraPlanDocument } from '../change/infraPlan';

/** What to price: a Terraform plan, or one environment of an infrastructure plan. */
export type EstimateRequest = { entityRef: string; environment: string } & (
  | { kind: 'terraform'; plan: unknown }
  | {
      kind: 'infra-plan';
      plan: InfraPlanDocument;
      priorPlan?: InfraPlanDocument;
    }
);

/** Prices a change; answers null when it cannot (the policy then treats the cost as unknown). */
export interface CostEstimator {
  estimate(input: EstimateRequest): Promise<StoredEstimate | null>;
}

/** The cost plugin refused an infrastructure plan: the submitter's mistake, with its issues. */
export class RefusedInfraPlanError extends InputError {
  constructor(message: string, readonly issues: PlanIssue[]) {
    super(message);
  }
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

  async estimate(input: EstimateRequest) {
    const { kind, ...body } = input;
    let response: Response;
    try {
      const baseUrl = await this.deps.discovery.getBaseUrl('cost');
      const { token } = await this.deps.auth.getPluginRequestToken({
        onBehalfOf: await this.deps.auth.getOwnServiceCredentials(),
        targetPluginId: 'cost',
      });
      response = await fetch(`${baseUrl}/estimates/${kind}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
        },
        body: JSON.stringify({ ...body, save: true }),
      });
    } catch (error) {
      this.deps.logger.warn(
        `The cost plugin is unreachable: ${(error as Error).message}`,
      );
      return null;
    }
    if (response.ok) return (await response.json()) as StoredEstimate;
    const text = await response.text();
    // The plan was validated before asking; should the cost plugin still
    // find errors in it, they are the submitter's to fix, not an unknown cost.
    if (kind === 'infra-plan' && response.status === 400) {
      const error = parseError(text);
      if (error?.issues) {
        throw new RefusedInfraPlanError(
          `The cost plugin refused the infrastructure plan: ${error.message}`,
          error.issues,
        );
      }
    }
    this.deps.logger.warn(
      `The cost plugin could not estimate the ${kind} plan: ${response.status} ${text}`,
    );
    return null;
  }
}

function parseError(
  text: string,
): { message: string; issues?: PlanIssue[] } | undefined {
  try {
    return JSON.parse(text).error;
  } catch {
    return undefined;
  }
}

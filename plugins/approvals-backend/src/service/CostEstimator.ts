import type {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { InputError, ResponseError } from '@backstage/errors';
import { serviceClientOptions } from '@gatehouse/http-contract';
import {
  CostClient,
  EstimateTerraformRequest,
  StoredEstimate,
} from '@gatehouse/plugin-cost-common';
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
    try {
      const client = new CostClient(
        serviceClientOptions({
          discovery: this.deps.discovery,
          auth: this.deps.auth,
          credentials: await this.deps.auth.getOwnServiceCredentials(),
          targetPluginId: 'cost',
        }),
      );
      return await send(client, input);
    } catch (error) {
      if (!(error instanceof ResponseError)) {
        this.deps.logger.warn(
          `The cost plugin is unreachable: ${(error as Error).message}`,
        );
        return null;
      }
      const answer: { message: string; issues?: PlanIssue[] } =
        error.body.error;
      // The plan was validated before asking; should the cost plugin still
      // find errors in it, they are the submitter's to fix, not an unknown cost.
      if (
        input.kind === 'infra-plan' &&
        error.statusCode === 400 &&
        answer.issues
      ) {
        throw new RefusedInfraPlanError(
          `The cost plugin refused the infrastructure plan: ${answer.message}`,
          answer.issues,
        );
      }
      this.deps.logger.warn(
        `The cost plugin could not estimate the ${input.kind} plan: ${error.statusCode} ${answer.message}`,
      );
      return null;
    }
  }
}

/** Asks for the estimate to be kept, so that it shows on the service's cost tab. */
function send(client: CostClient, input: EstimateRequest) {
  if (input.kind === 'infra-plan') {
    const { kind, ...request } = input;
    return client.estimateInfraPlan({ ...request, save: true });
  }
  const { kind, plan, ...request } = input;
  return client.estimateTerraform({
    ...request,
    // Whatever the submitter sent; the cost plugin validates it (a 400 when it is no plan).
    plan: plan as EstimateTerraformRequest['plan'],
    save: true,
  });
}

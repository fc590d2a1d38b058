import { InputError } from '@backstage/errors';
import {
  estimateInfraPlan,
  estimateKubernetesWorkloads,
  estimateTerraformPlan,
  InvalidInfraPlanError,
  InvalidInputError,
  parseUsage,
  PriceBook,
  readInfraPlan,
} from '@gatehouse/plugin-cost-node';
import {
  CostEstimate,
  EstimateKubernetesRequest,
  KubernetesWorkloadEstimate,
  StoredEstimate,
  toStoredEstimate,
} from '@gatehouse/plugin-cost-common';
import { randomUUID } from 'node:crypto';
import type { CostStore } from '../../store/CostStore';
import type { Clock } from '@gatehouse/clock';

export type TerraformEstimateRequest = {
  plan: unknown;
  usage?: Record<string, Record<string, unknown>>;
  region?: string;
  entityRef?: string;
  environment?: string;
  save: boolean;
  createdBy: string;
};

export type InfraPlanEstimateRequest = {
  plan: unknown;
  priorPlan?: unknown;
  environment?: string;
  usage?: Record<string, Record<string, unknown>>;
  entityRef?: string;
  save: boolean;
  createdBy: string;
};

/**
 * An infrastructure plan that does not validate: a 400 whose body carries
 * the plan's located issues (`error.issues`, `error.input`), so a form or a
 * CI job can point at each line.
 */
export class InvalidPlanInputError extends InputError {
  readonly issues: InvalidInfraPlanError['issues'];
  readonly input: 'plan' | 'priorPlan';

  constructor(input: 'plan' | 'priorPlan', error: InvalidInfraPlanError) {
    super(error.message);
    this.issues = error.issues;
    this.input = input;
  }
}

function readPlanInput(
  input: unknown,
  which: 'plan' | 'priorPlan',
  asOf: Date,
) {
  try {
    return readInfraPlan(input, which === 'priorPlan' ? which : '', { asOf });
  } catch (error) {
    if (error instanceof InvalidInfraPlanError) {
      throw new InvalidPlanInputError(which, error);
    }
    throw error;
  }
}

/** Estimator input problems are the caller's: answer them as 400s. */
function asInputError<T>(what: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof InvalidInputError || error instanceof SyntaxError) {
      throw new InputError(`${what}: ${error.message}`);
    }
    throw error;
  }
}

/** Prices plans and manifests with the offline estimator, and keeps estimates. */
export class EstimateService {
  constructor(
    private readonly store: CostStore,
    private readonly priceBook: PriceBook,
    /** The date plans are validated and priced on (support calendars). */
    private readonly clock: Clock,
  ) {}

  async estimateTerraform(
    request: TerraformEstimateRequest,
  ): Promise<StoredEstimate> {
    const plan = asInputError('The plan is not valid JSON', () =>
      typeof request.plan === 'string'
        ? JSON.parse(request.plan)
        : request.plan,
    );
    const usage = request.usage
      ? asInputError('Invalid usage', () => parseUsage(request.usage))
      : undefined;
    const result = asInputError('Invalid Terraform plan', () =>
      estimateTerraformPlan(plan, {
        priceBook: this.priceBook,
        usage,
        region: request.region,
        asOf: this.clock.now(),
      }),
    );
    return this.keep(result, { ...request, kind: 'terraform' });
  }

  /**
   * Prices an infrastructure plan (one environment or all), against its
   * prior revision when given, and keeps it like a Terraform estimate.
   */
  async estimateInfraPlan(
    request: InfraPlanEstimateRequest,
  ): Promise<StoredEstimate> {
    const asOf = this.clock.now();
    const plan = readPlanInput(request.plan, 'plan', asOf);
    const priorPlan =
      request.priorPlan === undefined
        ? undefined
        : readPlanInput(request.priorPlan, 'priorPlan', asOf);
    const usage = request.usage
      ? asInputError('Invalid usage', () => parseUsage(request.usage))
      : undefined;
    const result = asInputError('Invalid request', () =>
      estimateInfraPlan(plan, {
        environment: request.environment,
        priorPlan,
        usage,
        priceBook: this.priceBook,
        asOf,
      }),
    );
    return this.keep(result, { ...request, kind: 'infra-plan' });
  }

  private async keep(
    result: CostEstimate,
    request: {
      kind: StoredEstimate['kind'];
      entityRef?: string;
      environment?: string;
      createdBy: string;
      save: boolean;
    },
  ): Promise<StoredEstimate> {
    const estimate = toStoredEstimate(result, {
      id: randomUUID(),
      entityRef: request.entityRef ?? null,
      environment: request.environment ?? null,
      kind: request.kind,
      createdBy: request.createdBy,
      createdAt: new Date().toISOString(),
    });
    if (request.save) {
      await this.store.saveEstimate(estimate);
    }
    return estimate;
  }

  estimateKubernetes(
    request: EstimateKubernetesRequest,
  ): KubernetesWorkloadEstimate {
    return asInputError('Invalid Kubernetes workloads', () =>
      estimateKubernetesWorkloads(request.objects, {
        nodeInstanceType: request.nodeInstanceType,
        region: request.region,
        nodeCount: request.nodeCount,
        priceBook: this.priceBook,
      }),
    );
  }
}

import { InputError } from '@backstage/errors';
import {
  estimateKubernetesWorkloads,
  estimateTerraformPlan,
  InvalidInputError,
  parseUsage,
  PriceBook,
} from '@gatehouse/plugin-cost-node';
import type {
  EstimateKubernetesRequest,
  KubernetesWorkloadEstimate,
  StoredEstimate,
} from '@gatehouse/plugin-cost-common';
import { randomUUID } from 'node:crypto';
import type { CostStore } from '../../store/CostStore';

export type TerraformEstimateRequest = {
  plan: unknown;
  usage?: Record<string, Record<string, unknown>>;
  region?: string;
  entityRef?: string;
  environment?: string;
  save: boolean;
  createdBy: string;
};

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
      }),
    );
    const estimate: StoredEstimate = {
      id: randomUUID(),
      entityRef: request.entityRef ?? null,
      environment: request.environment ?? null,
      kind: 'terraform',
      createdBy: request.createdBy,
      createdAt: new Date().toISOString(),
      currency: result.currency,
      monthlyBefore: result.totals.monthlyBefore,
      monthlyAfter: result.totals.monthlyAfter,
      monthlyDelta: result.totals.delta,
      resourceCount: result.resources.length,
      unpricedCount: result.unpriced.length,
      result,
    };
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

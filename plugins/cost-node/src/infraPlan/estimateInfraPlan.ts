import {
  CostEstimate,
  InfraPlanEnvironmentCost,
  InfraPlanWorkloadShare,
  ResourceCostEstimate,
  roundMoney,
} from '@gatehouse/plugin-cost-common';
import type { InfraPlan } from '@gatehouse/plugin-infra-plans-common';
import { InvalidInputError } from '../errors';
import { defaultPriceBook, loadPriceBook } from '../pricing/loadPricing';
import type { PriceBook } from '../pricing/PriceBook';
import { estimateTerraformPlan } from '../terraform/estimateTerraformPlan';
import type { UsageData } from '../usage/usageFile';
import { environmentResources } from './environmentResources';
import {
  EnvironmentChange,
  environmentModule,
  resourceChanges,
} from './resourceChanges';
import { workloadShares } from './workloadShares';

/**
 * Options of {@link estimateInfraPlan}.
 *
 * @public
 */
export type EstimateInfraPlanOptions = {
  /** Estimate only this environment (default: every environment). */
  environment?: string;
  /**
   * The plan revision in force now: the estimate then shows current against
   * proposed cost and the change. Without it everything is new.
   */
  priorPlan?: InfraPlan;
  /** Prices to use; defaults to the newest shipped pricing file. */
  priceBook?: PriceBook;
  /** Path of a pricing file to load instead of the shipped one. */
  pricingFile?: string;
  /**
   * Usage values by resource address, e.g.
   * `module.production.aws_nat_gateway.nat["us-east-1a"]` (see the README).
   */
  usage?: UsageData;
  /** The day the estimate is for (see `EstimateTerraformPlanOptions.asOf`). */
  asOf?: Date;
};

/**
 * Why the estimator leaves these resource types out, in words an approver
 * can act on (the estimator's own reason only says it does not price them).
 */
const UNPRICED_REASONS: Record<string, string> = {
  aws_sqs_queue:
    'SQS is billed per million requests; the plan gives no request volume and the pricing file has no SQS prices',
  aws_flow_log:
    'VPC flow logs are billed per GB of logs delivered to CloudWatch Logs or S3, which the pricing file does not cover',
  aws_wafv2_web_acl:
    'AWS WAF (web ACL and rules per month, requests per million) is not in the pricing file',
  aws_secretsmanager_secret:
    'Secrets Manager (per secret-month and per 10,000 API calls) is not in the pricing file',
  aws_rds_cluster:
    'Aurora clusters are not priced (instance and I/O prices differ from RDS instances)',
  aws_rds_cluster_instance:
    'Aurora instances are not priced (instance and I/O prices differ from RDS instances)',
  aws_cloudwatch_log_group:
    'CloudWatch Logs is billed per GB ingested and stored, which the plan gives no volume for and the pricing file does not cover',
  aws_kms_key:
    'KMS keys (per key-month and per 10,000 requests) are not in the pricing file',
  aws_db_instance_automated_backups_replication:
    'Backup copies in the DR region are billed per GB of backup storage and cross-region transfer, which the plan gives no volume for',
};

function environmentNames(
  plan: InfraPlan,
  prior: InfraPlan | undefined,
  only: string | undefined,
): string[] {
  const proposed = Object.keys(plan.spec.environments);
  const current = Object.keys(prior?.spec.environments ?? {});
  if (only !== undefined) {
    if (!proposed.includes(only) && !current.includes(only)) {
      throw new InvalidInputError(
        `Environment "${only}" is not in the plan (it has ${proposed.join(
          ', ',
        )})`,
      );
    }
    return [only];
  }
  return [...proposed, ...current.filter(name => !proposed.includes(name))];
}

function explainUnpriced(estimate: CostEstimate) {
  for (const resource of estimate.resources) {
    const reason = UNPRICED_REASONS[resource.type];
    if (resource.unpriced && reason) resource.unpriced.reason = reason;
  }
  for (const item of estimate.unpriced) {
    item.reason = UNPRICED_REASONS[item.type] ?? item.reason;
  }
}

function environmentCost(
  name: string,
  plan: InfraPlan,
  prior: InfraPlan | undefined,
  change: EnvironmentChange,
  resources: ResourceCostEstimate[],
): InfraPlanEnvironmentCost {
  const env = plan.spec.environments[name] ?? prior!.spec.environments[name];
  let before = 0;
  let after = 0;
  let low = 0;
  let high = 0;
  let unpricedCount = 0;
  for (const resource of resources) {
    if (resource.status === 'unpriced') {
      unpricedCount++;
      continue;
    }
    before += resource.before.monthly;
    after += resource.after.monthly;
    low += resource.after.range?.low ?? resource.after.monthly;
    high += resource.after.range?.high ?? resource.after.monthly;
  }
  const budget = plan.spec.environments[name]?.budget?.monthlyUsd ?? null;
  return {
    name,
    tier: env.tier,
    region: env.region,
    change,
    monthlyBefore: roundMoney(before),
    monthlyAfter: roundMoney(after),
    delta: roundMoney(after - before),
    range: { low: roundMoney(low), high: roundMoney(high) },
    budgetMonthly: budget,
    overBudget: budget !== null && after > budget,
    unpricedCount,
  };
}

/** Warns when the planned pods need more than the desired nodes hold. */
function capacityWarnings(shares: InfraPlanWorkloadShare[]): string[] {
  return shares
    .filter(s => s.shareOfNodeGroup !== null && s.shareOfNodeGroup > 1)
    .map(
      s =>
        `${s.environment}/${s.nodeGroup}: the workloads request ${Math.round(
          s.shareOfNodeGroup! * 100,
        )}% of the ${s.desiredNodes} desired ${
          s.instanceType
        } nodes; nothing scales the group beyond its desired size, so pods will stay pending until desiredSize is raised`,
    );
}

/**
 * Estimates the monthly cost of an infrastructure plan (one environment or
 * all), optionally against the prior revision of the plan.
 *
 * Each environment is turned into the AWS resources it generates (EKS
 * cluster and node groups, NAT gateways and their addresses, load
 * balancers, RDS instances with replicas, ElastiCache groups, S3 buckets,
 * and the unpriced rest), under module `module.<environment>`, and priced by
 * the same pricers as Terraform plans; so the result has the
 * {@link @gatehouse/plugin-cost-common#CostEstimate} shape, with node groups
 * ranging from min to max nodes and usage-based items over their default
 * ranges. `infraPlan` adds per-environment totals against the budget and
 * each node group's workloads as a share of its nodes (informational, never
 * added to the totals: the node group already counts the nodes).
 *
 * @param plan - A valid plan (see `readInfraPlan` for text input).
 * @throws InvalidInputError when the environment is in neither revision.
 * @public
 */
export function estimateInfraPlan(
  plan: InfraPlan,
  options: EstimateInfraPlanOptions = {},
): CostEstimate {
  const priceBook =
    options.priceBook ??
    (options.pricingFile
      ? loadPriceBook(options.pricingFile)
      : defaultPriceBook());
  const prior = options.priorPlan;
  const names = environmentNames(plan, prior, options.environment);

  const changes = names.map(name => {
    const proposed = plan.spec.environments[name];
    const current = prior?.spec.environments[name];
    return resourceChanges({
      environment: name,
      proposed: proposed
        ? environmentResources(plan.metadata.service, name, proposed)
        : [],
      current: current
        ? environmentResources(prior!.metadata.service, name, current)
        : [],
      comparedWithPrior: prior !== undefined,
    });
  });

  const first = plan.spec.environments[names[0]];
  const estimate = estimateTerraformPlan(
    {
      format_version: '1.2',
      resource_changes: changes.flatMap(c => c.resourceChanges),
    },
    {
      priceBook,
      usage: options.usage,
      ...(options.asOf ? { asOf: options.asOf } : {}),
      defaultRegion:
        names.length === 1 && first ? first.region : plan.spec.regions[0],
    },
  );
  explainUnpriced(estimate);

  const byModule = new Map<string, ResourceCostEstimate[]>();
  for (const resource of estimate.resources) {
    const list = byModule.get(resource.moduleAddress ?? '') ?? [];
    list.push(resource);
    byModule.set(resource.moduleAddress ?? '', list);
  }
  const workloads = names.flatMap(name => {
    const env = plan.spec.environments[name];
    return env
      ? workloadShares({
          environment: name,
          env,
          namespace: plan.metadata.service,
          priceBook,
        })
      : [];
  });

  estimate.warnings.push(...capacityWarnings(workloads));
  estimate.infraPlan = {
    service: plan.metadata.service,
    revision: plan.metadata.revision ?? null,
    priorRevision: prior?.metadata.revision ?? null,
    comparedWithPrior: prior !== undefined,
    environments: changes.map(c =>
      environmentCost(
        c.environment,
        plan,
        prior,
        c.change,
        byModule.get(environmentModule(c.environment)) ?? [],
      ),
    ),
    workloads,
  };
  return estimate;
}

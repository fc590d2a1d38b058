/**
 * A usage quantity the estimator assumes when the usage file does not give
 * one. `typical` feeds the point estimate; `low` and `high` bound the range
 * shown next to it.
 *
 * @public
 */
export type UsageDefault = {
  typical: number;
  low: number;
  high: number;
};

/**
 * Documented defaults by resource type and usage key (see the README's
 * "Usage file" section, which lists the same numbers).
 */
export const USAGE_DEFAULTS: Readonly<
  Record<string, Readonly<Record<string, UsageDefault>>>
> = {
  aws_nat_gateway: {
    monthly_data_processed_gb: { typical: 100, low: 10, high: 1000 },
  },
  aws_lb: {
    // Average load balancer capacity units consumed per hour (LCU for ALB,
    // NLCU for NLB).
    average_lcus: { typical: 1, low: 0, high: 10 },
  },
  aws_s3_bucket: {
    storage_gb: { typical: 100, low: 0, high: 1000 },
    monthly_put_requests: { typical: 10_000, low: 0, high: 1_000_000 },
    monthly_get_requests: { typical: 100_000, low: 0, high: 10_000_000 },
  },
  aws_cloudfront_distribution: {
    monthly_data_transfer_out_gb: { typical: 100, low: 0, high: 1000 },
    monthly_https_requests: { typical: 1_000_000, low: 0, high: 10_000_000 },
  },
};

/** Resource types that share another type's defaults. */
const DEFAULT_ALIASES: Readonly<Record<string, string>> = {
  aws_alb: 'aws_lb',
};

export function usageDefaultFor(
  resourceType: string,
  key: string,
): UsageDefault | undefined {
  return USAGE_DEFAULTS[DEFAULT_ALIASES[resourceType] ?? resourceType]?.[key];
}

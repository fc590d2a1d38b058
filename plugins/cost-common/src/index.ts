/**
 * Common types and helpers for the Gatehouse cost plugin: the result format of
 * the offline cost estimator, shared by the estimator, backend and frontend.
 *
 * @packageDocumentation
 */

export type {
  CostBreakdown,
  CostComponent,
  CostEstimate,
  CostEstimateTotals,
  CostRange,
  EstimateSummary,
  InfraPlanEnvironmentCost,
  InfraPlanEstimateDetails,
  InfraPlanWorkloadShare,
  KubernetesWorkloadCost,
  KubernetesWorkloadEstimate,
  PriceProvenance,
  PricingStatus,
  ResourceAction,
  ResourceIdentity,
  ResourceCostEstimate,
  UnpricedResource,
  UsageSource,
} from './estimate';
export {
  HOURS_PER_MONTH,
  MONEY_DECIMALS,
  compactMoney,
  dollars,
  formatCostDelta,
  formatMoney,
  money,
  roundMoney,
  roundToCents,
  signedMoney,
} from './money';

// Live spend, budgets, alerts, the HTTP contract and permissions (the cost backend's API).
export * from './spend';
export * from './api';
export * from './permissions';
export { CostClient } from './client';
export type { CostApi, CostClientOptions } from './client';

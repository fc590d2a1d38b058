/**
 * Offline cost estimator for Gatehouse: prices Terraform plans
 * (`terraform show -json`) and Kubernetes workloads from shipped, dated AWS
 * on-demand price files, without any vendor API.
 *
 * @packageDocumentation
 */

export { InvalidInputError } from './errors';
export {
  estimateTerraformPlan,
  DEFAULT_REGION,
} from './terraform/estimateTerraformPlan';
export type { EstimateTerraformPlanOptions } from './terraform/estimateTerraformPlan';
export { parseTerraformPlan } from './terraform/parseTerraformPlan';
export type {
  ParsedPlan,
  PlanResourceChange,
} from './terraform/parseTerraformPlan';
export {
  configAddressOf,
  parseResourceAddress,
} from './terraform/resourceAddress';
export type { ModuleStep, ResourceAddress } from './terraform/resourceAddress';
export { formatEstimateTable } from './format/table';
export type { FormatEstimateTableOptions } from './format/table';
export { estimateKubernetesWorkloads } from './kubernetes/estimateKubernetesWorkloads';
export type { EstimateKubernetesWorkloadsOptions } from './kubernetes/estimateKubernetesWorkloads';
export { PriceBook, RegionPrices } from './pricing/PriceBook';
export {
  defaultPriceBook,
  defaultPricingFilePath,
  loadPriceBook,
  shippedPricingDirectory,
} from './pricing/loadPricing';
export { parsePricingFile } from './pricing/pricingFile';
export { isApproximate, priceProvenance } from './pricing/priceProvenance';
export type {
  InstanceSpec,
  PriceEntry,
  PricingFile,
  RegionPricing,
} from './pricing/pricingFile';
export { loadUsageFile, parseUsage, parseUsageFile } from './usage/usageFile';
export type { UsageData } from './usage/usageFile';
export { USAGE_DEFAULTS } from './usage/defaults';
export type { UsageDefault } from './usage/defaults';
export { supportedResourceTypes } from './resources/registry';
export { runEstimateCli, ESTIMATE_CLI_USAGE } from './cli/runEstimateCli';
export type { EstimateCliIo } from './cli/runEstimateCli';
export { convertAwsPriceList } from './import/awsPriceList';
export type { ConvertAwsPriceListOptions } from './import/awsPriceList';
/** Synthetic plans of any size, for benchmarks of the estimator and its callers. */
export { syntheticPlan } from './synthetic/syntheticPlan';
export { estimateInfraPlan } from './infraPlan/estimateInfraPlan';
export type { EstimateInfraPlanOptions } from './infraPlan/estimateInfraPlan';
export {
  InvalidInfraPlanError,
  classifyPlanText,
  readInfraPlan,
} from './infraPlan/readInfraPlan';
export type { PlanInput } from './infraPlan/readInfraPlan';

/**
 * Cost UI that other Gatehouse frontends reuse: the cost API's ref, estimate
 * breakdowns, estimate-against-spend panels and money formatters.
 *
 * @packageDocumentation
 */
export * from './ExampleBillingNotice';
export { costApiRef } from './api';
export { EstimateBreakdown } from './EstimateBreakdown';
export { ApproximateResourceChip } from './EstimateBreakdown/PriceProvenance';
export {
  EstimateAccuracyPanel,
  EstimateAccuracySummary,
  approvalTime,
  describeError,
  isApproved,
} from './EstimateAccuracy';
export type { EstimateAccuracyPanelProps } from './EstimateAccuracy';
export {
  compactMoney,
  groupLabel,
  money,
  percent,
  signedMoney,
} from './format';

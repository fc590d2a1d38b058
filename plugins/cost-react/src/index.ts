/**
 * UI that every Gatehouse frontend reuses, so that no frontend plugin imports
 * another: the cost API's ref, estimate breakdowns, estimate-against-spend
 * panels, and the shared building blocks (money and duration formatters, the
 * status chip and its tones, the portal's theme).
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
  accuracyStart,
  approvalTime,
  describeError,
  isApproved,
} from './EstimateAccuracy';
export type {
  AccuracyStart,
  EstimateAccuracyPanelProps,
} from './EstimateAccuracy';
// Money is formatted in cost-common, so backends and the CLI write it alike.
export {
  compactMoney,
  dollars,
  formatCostDelta,
  money,
  signedMoney,
} from '@gatehouse/plugin-cost-common';
export { groupLabel, percent } from './format';
export { formatDuration } from './duration';
export type { DurationStyle } from './duration';
export * from './status';
export * from './theme';

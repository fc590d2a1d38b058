export { EstimateAccuracyPanel } from './EstimateAccuracyPanel';
export type { EstimateAccuracyPanelProps } from './EstimateAccuracyPanel';
export {
  EstimateAccuracySummary,
  describeError,
} from './EstimateAccuracySummary';
export { accuracyStart, approvalTime, isApproved } from './approvalTime';
export type { AccuracyStart } from './approvalTime';

export { EstimateAccuracyPanel } from './EstimateAccuracyPanel';
export type { EstimateAccuracyPanelProps } from './EstimateAccuracyPanel';
export {
  EstimateAccuracySummary,
  describeError,
} from './EstimateAccuracySummary';
export { approvalTime, isApproved } from './approvalTime';

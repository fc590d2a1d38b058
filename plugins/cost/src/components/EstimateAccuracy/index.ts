export { EstimateAccuracyPanel } from './EstimateAccuracyPanel';
export type { EstimateAccuracyPanelProps } from './EstimateAccuracyPanel';
export { EstimateAccuracySummary } from './EstimateAccuracySummary';
export { approvalTime, isApproved } from './approvalTime';

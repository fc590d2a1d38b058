export { costPlugin as default } from './plugin';
export { costApiRef } from './api';
export { EstimateBreakdown } from './components/EstimateBreakdown';
export {
  EstimateAccuracyPanel,
  EstimateAccuracySummary,
  approvalTime,
  isApproved,
} from './components/EstimateAccuracy';
export type { EstimateAccuracyPanelProps } from './components/EstimateAccuracy';

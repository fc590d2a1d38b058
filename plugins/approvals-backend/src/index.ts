export { approvalsPlugin as default } from './plugin';
export {
  approvalsConditions,
  createApprovalsConditionalDecision,
  approvalRequestResourceRef,
} from './permissions';

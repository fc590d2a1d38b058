export { scaffolderModuleGatehouse as default } from './module';
export { createApprovalRequestAction } from './actions/approvalRequest';
export { createEnvironmentRenderAction } from './actions/environmentRender';
export { createEnvironmentChangeAction } from './actions/environmentChange';
export { createPlanValidateAction } from './actions/planValidate';
export { createPlanEstimateAction } from './actions/planEstimate';
export { createPublishLocalAction } from './actions/publishLocal';
export { createApprovalCheckAction } from './actions/approvalCheck';

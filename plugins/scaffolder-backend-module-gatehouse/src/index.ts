export { scaffolderModuleGatehouse as default } from './module';
export { createApprovalRequestAction } from './actions/approvalRequest';

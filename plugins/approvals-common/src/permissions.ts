import { createPermission } from '@backstage/plugin-permission-common';

/** The resource type of change requests, for conditional decisions. @public */
export const APPROVAL_REQUEST_RESOURCE_TYPE = 'approval-request';

/** See a change request, its plan, estimate, decisions and audit trail. @public */
export const approvalRequestReadPermission = createPermission({
  name: 'gatehouse.approvals.request.read',
  attributes: { action: 'read' },
  resourceType: APPROVAL_REQUEST_RESOURCE_TYPE,
});

/** Submit a change request or a new revision of one. @public */
export const approvalRequestSubmitPermission = createPermission({
  name: 'gatehouse.approvals.request.submit',
  attributes: { action: 'create' },
});

/**
 * Approve, reject or ask for changes. Granted conditionally (never on one's own
 * request); the approval policy then decides whose decision counts.
 * @public
 */
export const approvalRequestDecidePermission = createPermission({
  name: 'gatehouse.approvals.request.decide',
  attributes: { action: 'update' },
  resourceType: APPROVAL_REQUEST_RESOURCE_TYPE,
});

/**
 * Report a delivery step of an approved change (proposed, applied, failed):
 * pipelines and the scaffolder do with service credentials; people only
 * where the policy grants it.
 * @public
 */
export const approvalDeliveryReportPermission = createPermission({
  name: 'gatehouse.approvals.delivery.report',
  attributes: { action: 'update' },
  resourceType: APPROVAL_REQUEST_RESOURCE_TYPE,
});

/** @public */
export const approvalsPermissions = [
  approvalRequestReadPermission,
  approvalRequestSubmitPermission,
  approvalRequestDecidePermission,
  approvalDeliveryReportPermission,
];

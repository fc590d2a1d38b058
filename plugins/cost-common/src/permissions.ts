import { createPermission } from '@backstage/plugin-permission-common';

/** See spend, budgets and alerts, for any service, team or environment. @public */
export const costSpendReadPermission = createPermission({
  name: 'gatehouse.cost.spend.read',
  attributes: { action: 'read' },
});

/** Ask for a cost estimate of a Terraform plan or Kubernetes manifests. @public */
export const costEstimateCreatePermission = createPermission({
  name: 'gatehouse.cost.estimate.create',
  attributes: { action: 'create' },
});

/** Start an ingestion of the billing locations and see ingestion runs. @public */
export const costIngestionManagePermission = createPermission({
  name: 'gatehouse.cost.ingestion.manage',
  attributes: { action: 'update' },
});

/** @public */
export const costPermissions = [
  costSpendReadPermission,
  costEstimateCreatePermission,
  costIngestionManagePermission,
];

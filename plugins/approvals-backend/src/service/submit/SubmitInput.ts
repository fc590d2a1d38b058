import type { SubmitterKind } from '@gatehouse/plugin-approvals-common';
import type { InfraPlanDocument } from '../../change/infraPlan';
import type { StoredRevision } from '../../store/ApprovalsStore';

/** A change as its submitter sends it, before anything is checked. */
export type SubmitInput = {
  requestId?: string;
  title: string;
  entityRef: string;
  environment: string;
  plan?: unknown;
  /** The infrastructure plan the change applies, and the one in force now. */
  infraPlan?: { plan: InfraPlanDocument; priorPlan?: InfraPlanDocument };
  files?: Array<{ path: string; content: string; previousContent?: string }>;
  notes: StoredRevision['notes'];
  inputs?: Record<string, unknown>;
  followUp?: { templateRef: string; values: Record<string, unknown> };
  submitterKind?: SubmitterKind;
};

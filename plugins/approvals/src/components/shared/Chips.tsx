import type {
  DeliveryStep,
  RequestStatus,
  RiskLevel,
} from '@gatehouse/plugin-approvals-common';
import { StatusChip, StatusLabel } from '@gatehouse/plugin-cost-react';

/** What a request's status says, and how it reads at a glance. */
const REQUEST_STATUSES: Record<RequestStatus, StatusLabel> = {
  pending: { label: 'Pending', tone: 'info' },
  'changes-requested': { label: 'Changes requested', tone: 'warning' },
  approved: { label: 'Approved', tone: 'success' },
  'auto-approved': { label: 'Auto-approved', tone: 'success' },
  rejected: { label: 'Rejected', tone: 'error' },
  expired: { label: 'Expired', tone: 'neutral' },
};

export function RequestStatusChip(props: { status: RequestStatus }) {
  const shown: StatusLabel = REQUEST_STATUSES[props.status] ?? {
    label: props.status,
    tone: 'neutral',
  };
  return <StatusChip {...shown} />;
}

const RISKS: Record<RiskLevel, StatusLabel> = {
  high: { label: 'High risk', tone: 'error' },
  medium: { label: 'Medium risk', tone: 'warning' },
  low: { label: 'Low risk', tone: 'success' },
};

export function RiskChip(props: { level: RiskLevel }) {
  const shown: StatusLabel = RISKS[props.level] ?? {
    label: props.level,
    tone: 'neutral',
  };
  return <StatusChip variant="outlined" {...shown} />;
}

/** How far an approved change has got; the words carry the meaning, the tone repeats it. */
export const DELIVERY_STATES: Record<DeliveryStep, StatusLabel> = {
  proposed: { label: 'Proposed', tone: 'info' },
  merged: { label: 'Merged', tone: 'info' },
  applied: { label: 'Applied', tone: 'success' },
  failed: { label: 'Failed', tone: 'error' },
  live: { label: 'Live', tone: 'success' },
};

export function DeliveryChip(props: { state: DeliveryStep }) {
  const shown: StatusLabel = DELIVERY_STATES[props.state] ?? {
    label: props.state,
    tone: 'neutral',
  };
  return <StatusChip {...shown} />;
}

import type {
  RequestStatus,
  ResourceChange,
  RiskLevel,
} from '@gatehouse/plugin-approvals-common';
import { Chip } from '@material-ui/core';

const STATUS: Record<RequestStatus, { label: string; color: string }> = {
  pending: { label: 'Pending', color: '#1565c0' },
  'changes-requested': { label: 'Changes requested', color: '#ef6c00' },
  approved: { label: 'Approved', color: '#2e7d32' },
  'auto-approved': { label: 'Auto-approved', color: '#558b2f' },
  rejected: { label: 'Rejected', color: '#c62828' },
  expired: { label: 'Expired', color: '#616161' },
};

export function StatusChip(props: { status: RequestStatus }) {
  const s = STATUS[props.status] ?? {
    label: props.status,
    color: '#757575',
  };
  return (
    <Chip
      size="small"
      label={s.label}
      style={{ background: s.color, color: '#fff' }}
    />
  );
}

const RISK: Record<RiskLevel, { label: string; color: string }> = {
  high: { label: 'High risk', color: '#c62828' },
  medium: { label: 'Medium risk', color: '#ef6c00' },
  low: { label: 'Low risk', color: '#2e7d32' },
};

export function RiskChip(props: { level: RiskLevel }) {
  const r = RISK[props.level] ?? { label: props.level, color: '#757575' };
  return (
    <Chip
      size="small"
      variant="outlined"
      label={r.label}
      style={{ borderColor: r.color, color: r.color, fontWeight: 600 }}
    />
  );
}

export const ACTION_COLORS: Record<ResourceChange['action'], string> = {
  create: '#2e7d32',
  update: '#1565c0',
  replace: '#ef6c00',
  delete: '#c62828',
  'no-op': '#9e9e9e',
  read: '#9e9e9e',
  forget: '#6d4c41',
};

export function ActionChip(props: { action: ResourceChange['action'] }) {
  return (
    <Chip
      size="small"
      label={props.action}
      style={{
        background: ACTION_COLORS[props.action] ?? '#757575',
        color: '#fff',
      }}
    />
  );
}

import type {
  FailingPodReason,
  HealthStatus,
} from '@gatehouse/plugin-clusters-common';
import { Chip } from '@material-ui/core';
import { REASON_LABEL, STATUS_COLOR, STATUS_LABEL } from './format';

export function HealthChip(props: { status: HealthStatus }) {
  return (
    <Chip
      size="small"
      label={STATUS_LABEL[props.status]}
      style={{ background: STATUS_COLOR[props.status], color: '#fff' }}
    />
  );
}

const REASON_COLOR: Record<FailingPodReason, string> = {
  CrashLoopBackOff: '#c62828',
  Failed: '#c62828',
  ContainerWaiting: '#ef6c00',
  NotReady: '#ef6c00',
  Pending: '#6a1b9a',
};

export function ReasonChip(props: { reason: FailingPodReason }) {
  const color = REASON_COLOR[props.reason];
  return (
    <Chip
      size="small"
      variant="outlined"
      label={REASON_LABEL[props.reason]}
      style={{ borderColor: color, color, fontWeight: 600 }}
    />
  );
}

import type {
  FailingPodReason,
  HealthStatus,
} from '@gatehouse/plugin-clusters-common';
import { StatusChip, StatusLabel } from '@gatehouse/plugin-cost-react';

const HEALTH: Record<HealthStatus, StatusLabel> = {
  healthy: { label: 'Healthy', tone: 'success' },
  degraded: { label: 'Degraded', tone: 'warning' },
  failing: { label: 'Failing', tone: 'error' },
};

export function HealthChip(props: { status: HealthStatus }) {
  return <StatusChip {...HEALTH[props.status]} />;
}

/** Crashes and failures are errors; waiting pods may still come up. */
const REASONS: Record<FailingPodReason, StatusLabel> = {
  CrashLoopBackOff: { label: 'CrashLoopBackOff', tone: 'error' },
  Failed: { label: 'Failed', tone: 'error' },
  ContainerWaiting: { label: 'Container waiting', tone: 'warning' },
  NotReady: { label: 'Not ready', tone: 'warning' },
  Pending: { label: 'Pending', tone: 'info' },
};

export function ReasonChip(props: { reason: FailingPodReason }) {
  return <StatusChip variant="outlined" {...REASONS[props.reason]} />;
}

import type {
  FailingPodReason,
  HealthStatus,
} from '@gatehouse/plugin-clusters-common';

/** Money as the cost plugin shows it: one formatter for every page. */
export { money } from '@gatehouse/plugin-cost-react';

/** "3 minutes ago", "2 days ago". */
export function age(iso: string, now = Date.now()): string {
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  const units: Array<[number, string]> = [
    [86_400, 'day'],
    [3_600, 'hour'],
    [60, 'minute'],
  ];
  for (const [size, unit] of units) {
    if (seconds >= size) {
      const n = Math.floor(seconds / size);
      return `${n} ${unit}${n === 1 ? '' : 's'} ago`;
    }
  }
  return 'just now';
}

export const STATUS_LABEL: Record<HealthStatus, string> = {
  healthy: 'Healthy',
  degraded: 'Degraded',
  failing: 'Failing',
};

export const STATUS_COLOR: Record<HealthStatus, string> = {
  healthy: '#2e7d32',
  degraded: '#ef6c00',
  failing: '#c62828',
};

export const REASON_LABEL: Record<FailingPodReason, string> = {
  CrashLoopBackOff: 'CrashLoopBackOff',
  ContainerWaiting: 'Container waiting',
  NotReady: 'Not ready',
  Pending: 'Pending',
  Failed: 'Failed',
};

export const plural = (n: number, word: string) =>
  `${n} ${word}${n === 1 ? '' : 's'}`;

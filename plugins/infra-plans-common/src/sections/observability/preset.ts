/**
 * The observability of a preset environment: Prometheus metrics and
 * CloudWatch logs everywhere; outside development also tracing and alerts
 * on the main workload's error rate, latency and CPU.
 */
import type { Tier } from '../../schema';
import type { PresetContext } from '../shared/presetContext';
import type { ObservabilityPlan } from './schema';

const LOG_RETENTION: Record<Tier, string> = {
  development: '7d',
  staging: '14d',
  production: '30d',
};

export function presetObservability(ctx: PresetContext): ObservabilityPlan {
  const { tier } = ctx;
  const production = tier === 'production';
  const workload = ctx.workload.name;
  return {
    metrics: {
      provider: 'prometheus',
      scrapeInterval: '15s',
      retention: production ? '30d' : '15d',
    },
    logs: { provider: 'cloudwatch', retention: LOG_RETENTION[tier] },
    ...(tier === 'development'
      ? {}
      : {
          tracing: {
            provider: 'opentelemetry',
            sampleRate: production ? 0.1 : 0.5,
          },
          alerts: [
            {
              name: 'high-error-rate',
              signal: 'error-rate',
              threshold: 1,
              for: '5m',
              severity: 'critical',
              workload,
            },
            {
              name: 'slow-responses',
              signal: 'latency-p95',
              threshold: '300ms',
              for: '10m',
              severity: production ? 'critical' : 'warning',
              workload,
            },
            {
              name: 'cpu-saturation',
              signal: 'cpu',
              threshold: 85,
              for: '15m',
              severity: 'warning',
              workload,
            },
          ],
        }),
  };
}

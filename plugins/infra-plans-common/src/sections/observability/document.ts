/** The observability's parts of the generated documents. */
import { facts, table } from '../../documents/markdown';
import type { PerformanceEnvironment } from '../../documents/performancePlan';
import type { EnvironmentPlan } from '../../schema';
import { PERCENT_SIGNALS } from './schema';

/** `Infrastructure_Requirements.md`: metrics, logs, tracing, dashboards and the alerts table. */
export function observabilityRequirements(env: EnvironmentPlan): string {
  const obs = env.observability;
  const out: string[] = ['### Observability\n\n'];
  out.push(
    obs
      ? facts([
          [
            'Metrics',
            obs.metrics &&
              `${obs.metrics.provider}${
                obs.metrics.scrapeInterval
                  ? `, every ${obs.metrics.scrapeInterval}`
                  : ''
              }${
                obs.metrics.retention ? `, kept ${obs.metrics.retention}` : ''
              }`,
          ],
          [
            'Logs',
            obs.logs &&
              `${obs.logs.provider}${
                obs.logs.retention ? `, kept ${obs.logs.retention}` : ''
              }`,
          ],
          [
            'Tracing',
            obs.tracing &&
              `${obs.tracing.provider}${
                obs.tracing.sampleRate !== undefined
                  ? `, ${obs.tracing.sampleRate * 100}% sampled`
                  : ''
              }`,
          ],
          ['Dashboards', obs.dashboards?.join(', ')],
        ])
      : '_Not specified._\n',
  );
  if (obs?.alerts?.length) {
    out.push('\n');
    out.push(
      table(
        [
          'Alert',
          'Signal',
          'Threshold',
          'For',
          'Severity',
          'Workload',
          'Notify',
        ],
        obs.alerts.map(a => [
          a.name,
          a.signal,
          `${(a.when ?? 'above') === 'above' ? '>' : '<'} ${a.threshold}${
            typeof a.threshold === 'number' && PERCENT_SIGNALS.has(a.signal)
              ? '%'
              : ''
          }`,
          a.for,
          a.severity,
          a.workload,
          a.notify?.join(', '),
        ]),
      ),
    );
  }
  return out.join('');
}

/** `Performance_Optimization_Plan.json`: the environment's `alerts`. */
export function alertsPerformance(
  env: EnvironmentPlan,
): PerformanceEnvironment['alerts'] {
  return (env.observability?.alerts ?? []).map(a => ({
    name: a.name,
    signal: a.signal,
    threshold: a.threshold,
    severity: a.severity,
  }));
}

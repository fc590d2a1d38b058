/**
 * Observability rules: metrics and logs are collected, alerts exist (one
 * critical), their thresholds are written in their signal's unit, they
 * watch defined workloads and are no looser than the latency SLO.
 */
import { parseDuration, parsePercent } from '../../units';
import type { EnvContext } from '../shared/ruleContext';
import { checkUniqueNames, requireForTier } from '../shared/ruleHelpers';
import type { Alert } from './schema';
import { DURATION_SIGNALS, PERCENT_SIGNALS } from './schema';

function thresholdProblem(alert: Alert): string | undefined {
  const { signal, threshold } = alert;
  if (PERCENT_SIGNALS.has(signal)) {
    const value = parsePercent(threshold);
    return value === undefined || value < 0 || value > 100
      ? `${signal} threshold ${threshold} is not a percentage in 0–100`
      : undefined;
  }
  if (DURATION_SIGNALS.has(signal)) {
    return typeof threshold !== 'string' ||
      parseDuration(threshold) === undefined
      ? `${signal} threshold ${threshold} is not a duration (such as 300ms or 5m)`
      : undefined;
  }
  if (signal === 'queue-depth') {
    return typeof threshold !== 'number' || threshold <= 0
      ? `queue-depth threshold ${threshold} is not a positive message count`
      : undefined;
  }
  return alert.expr
    ? undefined
    : 'a custom alert needs expr (the query it evaluates)';
}

function thresholdHint(alert: Alert): string {
  if (alert.signal === 'custom')
    return 'add expr: the PromQL or CloudWatch query the alert evaluates';
  if (PERCENT_SIGNALS.has(alert.signal))
    return 'write a percentage such as 5 or "5%"';
  if (DURATION_SIGNALS.has(alert.signal))
    return 'write a duration such as 300ms, 2s or 5m';
  return 'write a positive number';
}

/** Every observability rule of one environment. */
export function checkObservability(ctx: EnvContext): void {
  const obs = ctx.env.observability;
  if (!obs?.metrics || !obs?.logs) {
    const missing = [
      obs?.metrics ? '' : 'metrics',
      obs?.logs ? '' : 'logs',
    ].filter(Boolean);
    requireForTier(
      ctx,
      'observability',
      obs ? ['observability'] : ['observability'],
      `no ${missing.join(' or ')} collection`,
      'add observability.metrics (e.g. prometheus, 15s) and observability.logs (e.g. cloudwatch, 30d)',
    );
  }
  const alerts = obs?.alerts ?? [];
  if (alerts.length === 0 || !alerts.some(a => a.severity === 'critical')) {
    requireForTier(
      ctx,
      'alerts',
      obs?.alerts ? ['observability', 'alerts'] : ['observability'],
      alerts.length === 0 ? 'no alerts' : 'no critical alert',
      'add alerts for error rate, p95 latency and saturation, with at least one of severity critical',
    );
  }
  if (!obs) return;
  const sink = ctx.sink.at('observability', 'alerts');
  checkUniqueNames(sink, [], alerts, 'alert');
  const workloads = new Set(ctx.env.workloads.map(w => w.name));
  const slos = ctx.env.slos;
  alerts.forEach((alert, index) => {
    const problem = thresholdProblem(alert);
    if (problem) {
      sink.error(
        'alert-threshold',
        [
          index,
          alert.signal === 'custom' && !alert.expr ? 'expr' : 'threshold',
        ],
        `alert ${alert.name}: ${problem}`,
        thresholdHint(alert),
      );
      return;
    }
    if (alert.workload && !workloads.has(alert.workload)) {
      sink.error(
        'workload-references',
        [index, 'workload'],
        `alert ${alert.name} watches workload ${alert.workload}, which is not defined`,
        `use one of: ${[...workloads].join(', ')}`,
      );
    }
    if (!slos) return;
    if (alert.signal === 'latency-p95' && (alert.when ?? 'above') === 'above') {
      const threshold = parseDuration(String(alert.threshold)) ?? 0;
      const objective = parseDuration(slos.latencyP95) ?? 0;
      if (threshold > objective) {
        sink.warning(
          'alert-vs-slo',
          [index, 'threshold'],
          `alert ${alert.name} fires at p95 ${alert.threshold}, looser than the SLO of ${slos.latencyP95}`,
          `alert at or below ${slos.latencyP95} so the SLO breach is noticed`,
        );
      }
    }
  });
}

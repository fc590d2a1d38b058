/**
 * monitoring/alerts.rules.yaml: Prometheus alerting rules derived from the
 * environment's SLOs (multi-window error-budget burn rates for
 * availability, p95/p99 latency, error rate) and one rule per alert of the
 * plan, with its threshold, `for`, severity and routing labels.
 */
import {
  parseDuration,
  parsePercent,
  type Alert,
} from '@gatehouse/plugin-infra-plans-common';
import type { RenderContext } from '../context';
import {
  cpuPercentOfRequests,
  errorRatio,
  latencyQuantile,
  memoryPercent,
  nodeDiskPercent,
  podSelector,
  promNumber,
  queueDepth,
  queueOldestAgeSeconds,
  replicaLagSeconds,
} from '../metrics';
import { queueName } from '../terraform/queues';
import { awsName } from '../context';
import { toYaml } from '../yaml';

export interface AlertingRule {
  alert: string;
  expr: string;
  for?: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

export interface RuleGroup {
  name: string;
  rules: AlertingRule[];
}

/** `api-error-rate` → `ApiErrorRate` (alert names are metric-name-like). */
export function alertName(name: string): string {
  const camel = name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map(part => part[0].toUpperCase() + part.slice(1))
    .join('');
  return /^[A-Za-z_]/.test(camel) ? camel : `Alert${camel}`;
}

/** A Prometheus duration from a plan duration (`1h30m` → `90m`, `250ms` stays). */
export function promDuration(duration: string): string {
  const seconds = parseDuration(duration) ?? 0;
  if (seconds < 1) return `${Math.round(seconds * 1000)}ms`;
  const whole = Math.round(seconds);
  if (whole % 3600 === 0) return `${whole / 3600}h`;
  if (whole % 60 === 0) return `${whole / 60}m`;
  return `${whole}s`;
}

function baseLabels(ctx: RenderContext): Record<string, string> {
  return {
    service: ctx.service,
    environment: ctx.envName,
    tier: ctx.env.tier,
    team: ctx.plan.metadata.owner.replace(/^group:(default\/)?/, ''),
    namespace: ctx.namespace,
  };
}

function formatSeconds(seconds: number): string {
  return seconds < 1
    ? `${Math.round(seconds * 1000)}ms`
    : `${promNumber(seconds)}s`;
}

function sloRules(ctx: RenderContext): AlertingRule[] {
  const slos = ctx.env.slos;
  if (!slos) return [];
  const selector = podSelector(ctx.namespace);
  const labels = { ...baseLabels(ctx), source: 'slo' };
  const windowHours = (parseDuration(slos.window ?? '30d') ?? 2592000) / 3600;
  const budget = 1 - slos.availability / 100;
  const production = ctx.env.tier === 'production';
  const rules: AlertingRule[] = [];
  // Burn rates after the SRE workbook: page when 2% of the budget burns in
  // an hour, open a ticket when 5% burns in six hours; the short window makes
  // the alert stop soon after the burn stops.
  const burns = [
    {
      name: 'AvailabilityBudgetFastBurn',
      long: '1h',
      short: '5m',
      factor: (0.02 * windowHours) / 1,
      severity: 'critical',
      for: '2m',
      share: '2% of the error budget in one hour',
      pace: 'fast',
    },
    {
      name: 'AvailabilityBudgetSlowBurn',
      long: '6h',
      short: '30m',
      factor: (0.05 * windowHours) / 6,
      severity: 'warning',
      for: '15m',
      share: '5% of the error budget in six hours',
      pace: 'steadily',
    },
  ];
  for (const burn of burns) {
    const threshold = promNumber(burn.factor * budget);
    rules.push({
      alert: burn.name,
      expr: `(${errorRatio(
        selector,
        burn.long,
      )}) > ${threshold} and (${errorRatio(
        selector,
        burn.short,
      )}) > ${threshold}`,
      for: burn.for,
      labels: { ...labels, severity: burn.severity, slo: 'availability' },
      annotations: {
        summary: `${ctx.service} (${ctx.envName}) is burning its availability error budget ${burn.pace}`,
        description: `The 5xx ratio over ${burn.long} and ${
          burn.short
        } is above ${promNumber(burn.factor)}× the budget of the ${
          slos.availability
        }% availability objective (${
          slos.window ?? '30d'
        }): at this rate it spends ${burn.share}.`,
      },
    });
  }
  const latency = (quantile: number, objective: string) => {
    const seconds = parseDuration(objective) ?? 0;
    const p = Math.round(quantile * 100);
    rules.push({
      alert: `LatencyP${p}AboveObjective`,
      expr: `${latencyQuantile(quantile, selector, '5m')} > ${promNumber(
        seconds,
      )}`,
      for: '10m',
      labels: {
        ...labels,
        severity: production ? 'critical' : 'warning',
        slo: `latency-p${p}`,
      },
      annotations: {
        summary: `${ctx.service} (${ctx.envName}) p${p} latency is above its ${objective} objective`,
        description: `The p${p} request latency over 5 minutes has been above ${formatSeconds(
          seconds,
        )} for 10 minutes.`,
      },
    });
  };
  latency(0.95, slos.latencyP95);
  if (slos.latencyP99) latency(0.99, slos.latencyP99);
  if (slos.errorRate !== undefined) {
    rules.push({
      alert: 'ErrorRateAboveObjective',
      expr: `100 * (${errorRatio(selector, '5m')}) > ${promNumber(
        slos.errorRate,
      )}`,
      for: '10m',
      labels: {
        ...labels,
        severity: production ? 'critical' : 'warning',
        slo: 'error-rate',
      },
      annotations: {
        summary: `${ctx.service} (${ctx.envName}) error rate is above its ${slos.errorRate}% objective`,
        description: `More than ${slos.errorRate}% of requests have failed with a 5xx over 5 minutes, for 10 minutes.`,
      },
    });
  }
  return rules;
}

/** Queues an alert on queue signals watches: those its workload scales on or uses, else all. */
function alertQueues(ctx: RenderContext, alert: Alert): string[] {
  const queues = ctx.env.data?.queues ?? [];
  const workload = ctx.env.workloads.find(w => w.name === alert.workload);
  const wanted = new Set([
    ...(workload?.uses ?? []),
    ...(workload?.autoscaling?.targets.queue
      ? [workload.autoscaling.targets.queue.name]
      : []),
  ]);
  const picked = workload ? queues.filter(q => wanted.has(q.name)) : queues;
  return (picked.length ? picked : queues).map(q => queueName(ctx, q));
}

/** The PromQL measure of an alert's signal, and how its threshold reads. */
function measure(
  ctx: RenderContext,
  alert: Alert,
): { expr: string; threshold: number; unit: string } | undefined {
  const selector = podSelector(ctx.namespace, alert.workload);
  const percent = () => parsePercent(alert.threshold) ?? 0;
  const duration = () =>
    parseDuration(String(alert.threshold)) ?? Number(alert.threshold);
  const workload = ctx.env.workloads.find(w => w.name === alert.workload);
  switch (alert.signal) {
    case 'error-rate':
      return {
        expr: `100 * (${errorRatio(selector, '5m')})`,
        threshold: percent(),
        unit: '%',
      };
    case 'availability':
      return {
        expr: `100 * (1 - (${errorRatio(selector, '5m')}))`,
        threshold: percent(),
        unit: '%',
      };
    case 'latency-p95':
    case 'latency-p99':
      return {
        expr: latencyQuantile(
          alert.signal === 'latency-p95' ? 0.95 : 0.99,
          selector,
          '5m',
        ),
        threshold: duration(),
        unit: 's',
      };
    case 'cpu':
      return {
        expr: cpuPercentOfRequests(selector),
        threshold: percent(),
        unit: '% of requested CPU',
      };
    case 'memory': {
      const limited =
        !workload || workload.resources.limits?.memory !== undefined;
      return {
        expr: memoryPercent(selector, limited ? 'limits' : 'requests'),
        threshold: percent(),
        unit: limited ? '% of the memory limit' : '% of requested memory',
      };
    }
    case 'disk':
      return {
        expr: nodeDiskPercent(),
        threshold: percent(),
        unit: '% of node disk',
      };
    case 'queue-depth': {
      const queues = alertQueues(ctx, alert);
      return queues.length
        ? {
            expr: queueDepth(queues),
            threshold: Number(alert.threshold),
            unit: ' visible messages',
          }
        : undefined;
    }
    case 'queue-age': {
      const queues = alertQueues(ctx, alert);
      return queues.length
        ? {
            expr: queueOldestAgeSeconds(queues),
            threshold: duration(),
            unit: 's',
          }
        : undefined;
    }
    case 'replication-lag': {
      const ids = (ctx.env.data?.databases ?? []).flatMap(db =>
        Array.from(
          { length: db.readReplicas ?? 0 },
          (_, i) => `${awsName(ctx, db.name, 63)}-replica-${i + 1}`,
        ),
      );
      return ids.length
        ? { expr: replicaLagSeconds(ids), threshold: duration(), unit: 's' }
        : undefined;
    }
    default:
      return undefined;
  }
}

function planAlertRule(
  ctx: RenderContext,
  alert: Alert,
): AlertingRule | undefined {
  const defaultWhen = alert.signal === 'availability' ? 'below' : 'above';
  const when = alert.when ?? defaultWhen;
  const measured = measure(ctx, alert);
  let expr: string;
  if (alert.expr) expr = alert.expr;
  else if (measured) {
    expr = `${measured.expr} ${when === 'below' ? '<' : '>'} ${promNumber(
      measured.threshold,
    )}`;
  } else return undefined;
  const subject = alert.workload
    ? `${alert.workload} in ${ctx.service}`
    : ctx.service;
  const readable = measured
    ? `${promNumber(measured.threshold)}${measured.unit}`
    : String(alert.threshold);
  return {
    alert: alertName(alert.name),
    expr,
    ...(alert.for ? { for: promDuration(alert.for) } : {}),
    labels: {
      ...baseLabels(ctx),
      source: 'plan',
      severity: alert.severity,
      signal: alert.signal,
      ...(alert.workload ? { workload: alert.workload } : {}),
      ...(alert.notify?.length ? { notify: alert.notify.join(',') } : {}),
    },
    annotations: {
      summary: `${alert.name}: ${alert.signal} of ${subject} (${ctx.envName}) is ${when} ${readable}`,
      description: `Plan alert ${alert.name}: ${
        alert.signal
      } ${when} ${readable}${alert.for ? ` for ${alert.for}` : ''}.`,
    },
  };
}

export function alertRuleGroups(ctx: RenderContext): RuleGroup[] {
  const groups: RuleGroup[] = [];
  const slo = sloRules(ctx);
  if (slo.length) groups.push({ name: `${ctx.prefix}-slos`, rules: slo });
  const planned = (ctx.env.observability?.alerts ?? [])
    .map(alert => planAlertRule(ctx, alert))
    .filter((r): r is AlertingRule => !!r);
  if (planned.length)
    groups.push({ name: `${ctx.prefix}-alerts`, rules: planned });
  return groups;
}

export function renderAlertRules(ctx: RenderContext): string | undefined {
  const groups = alertRuleGroups(ctx);
  if (!groups.length) return undefined;
  return toYaml(
    { groups },
    `${ctx.header}\nPrometheus alerting rules (rule_files, or a PrometheusRule's spec).`,
  );
}

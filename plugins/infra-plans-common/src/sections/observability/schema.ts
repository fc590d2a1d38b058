/**
 * The `observability` section: metrics, logs, tracing, alerts and
 * dashboards.
 */
import { z } from 'zod';
import { dnsName, duration, resourceName } from '../shared/schemaPrimitives';

/** Alert signals; percentage signals take a threshold in percent, latency ones a duration. @public */
export const ALERT_SIGNALS = [
  'error-rate',
  'availability',
  'latency-p95',
  'latency-p99',
  'cpu',
  'memory',
  'disk',
  'queue-depth',
  'queue-age',
  'replication-lag',
  'custom',
] as const;

/** Signals whose threshold is a percentage: checked to be 0–100, printed with `%`. */
export const PERCENT_SIGNALS: ReadonlySet<string> = new Set([
  'error-rate',
  'availability',
  'cpu',
  'memory',
  'disk',
]);

/** Signals whose threshold is a duration such as 300ms or 5m. */
export const DURATION_SIGNALS: ReadonlySet<string> = new Set([
  'latency-p95',
  'latency-p99',
  'queue-age',
  'replication-lag',
]);

/** @public */
export const alertSchema = z
  .object({
    name: resourceName,
    signal: z.enum(ALERT_SIGNALS),
    /** Percent (error-rate, availability, cpu, memory, disk), duration (latency, queue-age, replication-lag) or a count. */
    threshold: z.union([z.number(), z.string()]),
    /** Whether the alert fires above (default) or below the threshold. */
    when: z.enum(['above', 'below']).optional(),
    for: duration.optional(),
    severity: z.enum(['critical', 'warning', 'info']),
    workload: dnsName.optional(),
    expr: z.string().optional(),
    notify: z.array(z.string()).optional(),
  })
  .strict();

/** @public */
export const observabilitySchema = z
  .object({
    metrics: z
      .object({
        provider: z.enum([
          'prometheus',
          'cloudwatch',
          'datadog',
          'grafana-cloud',
        ]),
        scrapeInterval: duration.optional(),
        retention: duration.optional(),
      })
      .strict()
      .optional(),
    logs: z
      .object({
        provider: z.enum(['cloudwatch', 'loki', 'elasticsearch', 'datadog']),
        retention: duration.optional(),
      })
      .strict()
      .optional(),
    tracing: z
      .object({
        provider: z.enum(['opentelemetry', 'xray', 'datadog']),
        sampleRate: z.number().min(0).max(1).optional(),
      })
      .strict()
      .optional(),
    alerts: z.array(alertSchema).optional(),
    dashboards: z.array(z.string()).optional(),
  })
  .strict();

/** @public */
export type ObservabilityPlan = z.infer<typeof observabilitySchema>;
/** @public */
export type Alert = z.infer<typeof alertSchema>;

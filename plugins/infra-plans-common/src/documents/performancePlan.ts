/**
 * `Performance_Optimization_Plan.json`: performance targets, the resource
 * and scaling settings that carry them, and recommendations derived from the
 * plan. Every key is always present; unspecified values are `null`.
 */
import type { EnvironmentPlan, InfraPlan } from '../schema';
import { parseDuration, parseMemory } from '../units';
import {
  orderedEnvironments,
  round1,
  toGiB,
  toMiB,
  workloadFigures,
} from './derive';
import { capacitySummary } from './scalabilityDesign';

/** Identifier of the document format. @public */
export const PERFORMANCE_OPTIMIZATION_PLAN_SCHEMA =
  'gatehouse.io/performance-optimization-plan/v1';

/** One recommendation of the performance plan. @public */
export interface PerformanceRecommendation {
  /** Stable identifier: `<environment>.<subject>.<check>`. */
  id: string;
  area:
    | 'resources'
    | 'autoscaling'
    | 'caching'
    | 'database'
    | 'observability'
    | 'capacity'
    | 'probes';
  priority: 'high' | 'medium' | 'low';
  /** Workload, data store or environment the recommendation is about. */
  subject: string;
  recommendation: string;
}

/** One environment of the performance plan. @public */
export interface PerformanceEnvironment {
  name: string;
  tier: string;
  targets: {
    availabilityPercent: number;
    latencyP95Ms: number;
    latencyP99Ms: number | null;
    throughputRps: number | null;
    errorRatePercent: number | null;
  } | null;
  workloads: {
    name: string;
    qosClass: string;
    cpu: {
      requestMillicores: number;
      limitMillicores: number | null;
      limitToRequestRatio: number | null;
    };
    memory: { requestMiB: number; limitMiB: number | null };
    replicas: { min: number; max: number };
    scaleOn: string[];
    scaleUpWindow: string | null;
    scaleDownWindow: string | null;
  }[];
  capacity: {
    cpuRequestedAtMaxMillicores: number;
    memoryRequestedAtMaxGiB: number;
    cpuAllocatableAtMaxMillicores: number | null;
    memoryAllocatableAtMaxGiB: number | null;
    cpuHeadroomPercent: number | null;
  };
  caching: {
    name: string;
    engine: string;
    nodeType: string;
    nodes: number;
    evictionPolicy: string | null;
    usedBy: string[];
  }[];
  databases: {
    name: string;
    instanceClass: string;
    readReplicas: number;
    storageGiB: number;
    maxStorageGiB: number | null;
    storageType: string | null;
  }[];
  alerts: {
    name: string;
    signal: string;
    threshold: number | string;
    severity: string;
  }[];
  recommendations: PerformanceRecommendation[];
}

/** The `Performance_Optimization_Plan.json` document. @public */
export interface PerformanceOptimizationPlan {
  schema: typeof PERFORMANCE_OPTIMIZATION_PLAN_SCHEMA;
  service: string;
  revision: number | null;
  environments: PerformanceEnvironment[];
}

const ms = (d: string | undefined) =>
  d === undefined ? null : Math.round((parseDuration(d) ?? 0) * 1000);

function recommendations(
  name: string,
  env: EnvironmentPlan,
): PerformanceRecommendation[] {
  const out: PerformanceRecommendation[] = [];
  const add = (
    subject: string,
    check: string,
    area: PerformanceRecommendation['area'],
    priority: PerformanceRecommendation['priority'],
    recommendation: string,
  ) =>
    out.push({
      id: `${name}.${subject}.${check}`,
      area,
      priority,
      subject,
      recommendation,
    });
  const strict = env.tier !== 'development';

  for (const w of env.workloads) {
    const f = workloadFigures(w);
    if (w.type === 'service' && !w.probes?.readiness) {
      add(
        w.name,
        'readiness-probe',
        'probes',
        'high',
        'Add a readiness probe so rollouts and scale-ups only send traffic to warmed-up pods.',
      );
    }
    if (f.memoryLimit === null) {
      add(
        w.name,
        'memory-limit',
        'resources',
        strict ? 'high' : 'low',
        'Set a memory limit; without one a leak can starve neighbours on the node.',
      );
    } else if (strict && f.memoryLimit > f.memoryRequest) {
      add(
        w.name,
        'memory-request-equals-limit',
        'resources',
        'medium',
        `Raise the memory request from ${toMiB(
          f.memoryRequest,
        )} MiB to the limit (${toMiB(
          f.memoryLimit,
        )} MiB): pods using more than they request are the first evicted under node memory pressure.`,
      );
    }
    if (
      f.cpuLimit !== null &&
      f.cpuLimit < 2 * f.cpuRequest &&
      w.type === 'service'
    ) {
      add(
        w.name,
        'cpu-throttling',
        'resources',
        'low',
        `The CPU limit (${f.cpuLimit}m) is under twice the request (${f.cpuRequest}m); CFS throttling will show up as tail latency. Raise or drop the CPU limit for latency-sensitive services.`,
      );
    }
    const hpa = w.autoscaling;
    if (hpa) {
      const cpu = hpa.targets.cpuUtilization;
      if (cpu !== undefined && cpu > 80) {
        add(
          w.name,
          'hpa-cpu-target',
          'autoscaling',
          'medium',
          `Lower the CPU target from ${cpu}% to 60–75% so replicas are added before saturation (new pods take time to become ready).`,
        );
      }
      const down =
        parseDuration(hpa.behavior?.scaleDown?.stabilizationWindow ?? '300s') ??
        300;
      if (down < 300) {
        add(
          w.name,
          'scale-down-window',
          'autoscaling',
          'low',
          'Keep the scale-down stabilisation window at 300s or more to avoid flapping on bursty traffic.',
        );
      }
      if (hpa.minReplicas < 2 && env.tier === 'production') {
        add(
          w.name,
          'min-replicas',
          'autoscaling',
          'high',
          'Run at least two replicas in production so one pod or node failure does not drop traffic.',
        );
      }
    } else if (
      w.type === 'service' &&
      strict &&
      env.slos?.throughputRps !== undefined
    ) {
      add(
        w.name,
        'autoscaling',
        'autoscaling',
        'medium',
        'Add an HPA: the throughput objective implies variable load, and a fixed replica count either wastes capacity or saturates.',
      );
    }
  }

  const slos = env.slos;
  const d = env.data ?? {};
  const alerts = env.observability?.alerts ?? [];
  if (slos) {
    const p95 = ms(slos.latencyP95) ?? 0;
    if ((d.databases ?? []).length && !(d.caches ?? []).length && p95 <= 200) {
      add(
        'environment',
        'read-cache',
        'caching',
        'medium',
        `A p95 objective of ${slos.latencyP95} with every read going to the database leaves little margin; add a Redis/Valkey cache for hot reads.`,
      );
    }
    if (
      !alerts.some(
        a => a.signal === 'latency-p95' || a.signal === 'latency-p99',
      )
    ) {
      add(
        'environment',
        'latency-alert',
        'observability',
        'high',
        `Add a latency-p95 alert at or below ${slos.latencyP95} so the objective is watched.`,
      );
    }
    if (
      !alerts.some(
        a => a.signal === 'error-rate' || a.signal === 'availability',
      )
    ) {
      add(
        'environment',
        'error-alert',
        'observability',
        'high',
        'Add an error-rate alert tied to the availability objective.',
      );
    }
    if ((slos.throughputRps ?? 0) >= 1000) {
      for (const db of d.databases ?? []) {
        if (!db.readReplicas) {
          add(
            db.name,
            'read-replicas',
            'database',
            'medium',
            `At ${slos.throughputRps} req/s, add a read replica to ${db.name} and route read-only queries to it.`,
          );
        }
      }
    }
  }
  for (const db of d.databases ?? []) {
    if (!db.storage.max) {
      add(
        db.name,
        'storage-autoscaling',
        'database',
        'low',
        'Set storage.max to enable storage autoscaling instead of resizing by hand.',
      );
    }
    if (db.storage.type === 'gp2') {
      add(
        db.name,
        'gp3',
        'database',
        'low',
        'Move from gp2 to gp3: baseline 3,000 IOPS regardless of size, at a lower price.',
      );
    }
  }
  if (env.tier === 'production' && !env.observability?.tracing) {
    add(
      'environment',
      'tracing',
      'observability',
      'low',
      'Enable distributed tracing (OpenTelemetry) to find the slow hop behind p95 regressions.',
    );
  }
  const cap = capacitySummary(env);
  if (
    cap.allocatable.max.cpu &&
    cap.requested.max.cpu > 0.8 * cap.allocatable.max.cpu
  ) {
    add(
      'environment',
      'capacity-headroom',
      'capacity',
      'medium',
      `At maximum scale the workloads request ${Math.round(
        (cap.requested.max.cpu / cap.allocatable.max.cpu) * 100,
      )}% of the node groups' allocatable CPU; raise maxSize to keep 20% headroom.`,
    );
  }
  return out;
}

function environment(
  name: string,
  env: EnvironmentPlan,
): PerformanceEnvironment {
  const slos = env.slos;
  const d = env.data ?? {};
  const cap = capacitySummary(env);
  return {
    name,
    tier: env.tier,
    targets: slos
      ? {
          availabilityPercent: slos.availability,
          latencyP95Ms: ms(slos.latencyP95) ?? 0,
          latencyP99Ms: ms(slos.latencyP99),
          throughputRps: slos.throughputRps ?? null,
          errorRatePercent: slos.errorRate ?? null,
        }
      : null,
    workloads: env.workloads.map(w => {
      const f = workloadFigures(w);
      const t = w.autoscaling?.targets;
      return {
        name: w.name,
        qosClass: f.qosClass,
        cpu: {
          requestMillicores: f.cpuRequest,
          limitMillicores: f.cpuLimit,
          limitToRequestRatio:
            f.cpuLimit === null || f.cpuRequest === 0
              ? null
              : round1(f.cpuLimit / f.cpuRequest),
        },
        memory: {
          requestMiB: toMiB(f.memoryRequest),
          limitMiB: f.memoryLimit === null ? null : toMiB(f.memoryLimit),
        },
        replicas: { min: f.minReplicas, max: f.maxReplicas },
        scaleOn: t
          ? [
              t.cpuUtilization !== undefined ? `cpu:${t.cpuUtilization}%` : '',
              t.memoryUtilization !== undefined
                ? `memory:${t.memoryUtilization}%`
                : '',
              t.requestsPerSecond !== undefined
                ? `requests-per-second:${t.requestsPerSecond}`
                : '',
              t.queue
                ? `queue:${t.queue.name}:${t.queue.messagesPerReplica}`
                : '',
            ].filter(Boolean)
          : [],
        scaleUpWindow:
          w.autoscaling?.behavior?.scaleUp?.stabilizationWindow ?? null,
        scaleDownWindow:
          w.autoscaling?.behavior?.scaleDown?.stabilizationWindow ?? null,
      };
    }),
    capacity: {
      cpuRequestedAtMaxMillicores: cap.requested.max.cpu,
      memoryRequestedAtMaxGiB: toGiB(cap.requested.max.memory),
      cpuAllocatableAtMaxMillicores:
        cap.allocatable.max.cpu === null
          ? null
          : Math.floor(cap.allocatable.max.cpu),
      memoryAllocatableAtMaxGiB:
        cap.allocatable.max.memory === null
          ? null
          : toGiB(cap.allocatable.max.memory),
      cpuHeadroomPercent: cap.allocatable.max.cpu
        ? Math.round(
            (1 - cap.requested.max.cpu / cap.allocatable.max.cpu) * 100,
          )
        : null,
    },
    caching: (d.caches ?? []).map(c => ({
      name: c.name,
      engine: `${c.engine} ${c.version}`,
      nodeType: c.nodeType,
      nodes: (c.shards ?? 1) * (1 + (c.replicasPerShard ?? 0)),
      evictionPolicy: c.evictionPolicy ?? null,
      usedBy: env.workloads
        .filter(w => (w.uses ?? []).includes(c.name))
        .map(w => w.name),
    })),
    databases: (d.databases ?? []).map(db => ({
      name: db.name,
      instanceClass: db.instanceClass,
      readReplicas: db.readReplicas ?? 0,
      storageGiB: toGiB(parseMemory(db.storage.allocated) ?? 0),
      maxStorageGiB: db.storage.max
        ? toGiB(parseMemory(db.storage.max) ?? 0)
        : null,
      storageType: db.storage.type ?? null,
    })),
    alerts: (env.observability?.alerts ?? []).map(a => ({
      name: a.name,
      signal: a.signal,
      threshold: a.threshold,
      severity: a.severity,
    })),
    recommendations: recommendations(name, env),
  };
}

/**
 * Builds the `Performance_Optimization_Plan.json` document as an object.
 * @public
 */
export function buildPerformanceOptimizationPlan(
  plan: InfraPlan,
): PerformanceOptimizationPlan {
  return {
    schema: PERFORMANCE_OPTIMIZATION_PLAN_SCHEMA,
    service: plan.metadata.service,
    revision: plan.metadata.revision ?? null,
    environments: orderedEnvironments(plan).map(([name, env]) =>
      environment(name, env),
    ),
  };
}

/**
 * Renders `Performance_Optimization_Plan.json` (two-space indented, trailing newline).
 * @public
 */
export function renderPerformanceOptimizationPlan(plan: InfraPlan): string {
  return `${JSON.stringify(buildPerformanceOptimizationPlan(plan), null, 2)}\n`;
}

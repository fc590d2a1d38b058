/**
 * `Performance_Optimization_Plan.json`: performance targets, the resource
 * and scaling settings that carry them, and recommendations derived from the
 * plan. Every key is always present; unspecified values are `null`.
 *
 * The types below are the document's format; each section fills its part
 * (`sections/<section>/document.ts`). The capacity figures and the
 * recommendations that weigh the SLOs against several sections are the
 * document's own.
 */
import type { EnvironmentPlan, InfraPlan } from '../schema';
import { cachingPerformance } from '../sections/caches/document';
import {
  databasesPerformance,
  recommendForDatabaseStorage,
} from '../sections/databases/document';
import { alertsPerformance } from '../sections/observability/document';
import { slosPerformance } from '../sections/slos/document';
import {
  recommendForWorkloads,
  workloadsPerformance,
} from '../sections/workloads/document';
import { Recommend, milliseconds, orderedEnvironments, toGiB } from './derive';
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

function recommendations(
  name: string,
  env: EnvironmentPlan,
): PerformanceRecommendation[] {
  const out: PerformanceRecommendation[] = [];
  const add: Recommend = (subject, check, area, priority, recommendation) =>
    out.push({
      id: `${name}.${subject}.${check}`,
      area,
      priority,
      subject,
      recommendation,
    });

  recommendForWorkloads(env, add);

  // What the SLOs ask of the data tier and of the alerts.
  const slos = env.slos;
  const d = env.data ?? {};
  const alerts = env.observability?.alerts ?? [];
  if (slos) {
    const p95 = milliseconds(slos.latencyP95) ?? 0;
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
  recommendForDatabaseStorage(env, add);
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
  const cap = capacitySummary(env);
  return {
    name,
    tier: env.tier,
    targets: slosPerformance(env),
    workloads: workloadsPerformance(env),
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
    caching: cachingPerformance(env),
    databases: databasesPerformance(env),
    alerts: alertsPerformance(env),
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

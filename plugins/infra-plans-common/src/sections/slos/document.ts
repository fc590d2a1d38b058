/** The SLOs' parts of the generated documents. */
import { milliseconds, round1, workloadFigures } from '../../documents/derive';
import { facts, num, table } from '../../documents/markdown';
import type { PerformanceEnvironment } from '../../documents/performancePlan';
import type { EnvironmentPlan } from '../../schema';

/** `Infrastructure_Requirements.md`: the objectives table. */
export function slosRequirements(env: EnvironmentPlan): string {
  const slos = env.slos;
  return [
    '### Service level objectives\n\n',
    slos
      ? table(
          ['Objective', 'Target'],
          [
            ['Availability', `${slos.availability}%`],
            ['p95 latency', slos.latencyP95],
            ['p99 latency', slos.latencyP99],
            [
              'Throughput',
              slos.throughputRps !== undefined
                ? `${num(slos.throughputRps)} req/s`
                : undefined,
            ],
            [
              'Error rate',
              slos.errorRate !== undefined ? `≤ ${slos.errorRate}%` : undefined,
            ],
            ['Window', slos.window],
          ].filter(([, v]) => v !== undefined),
        )
      : '_Not specified._\n',
  ].join('');
}

/**
 * `Scalability_Architecture_Design.md`: the targets the design must carry,
 * with the throughput each service replica takes at maximum scale; nothing
 * without SLOs.
 */
export function designTargetsScalability(
  env: EnvironmentPlan,
): string | undefined {
  const slos = env.slos;
  if (!slos) return undefined;
  return [
    '### Targets the design must carry\n\n',
    facts([
      ['Availability', `${slos.availability}% over ${slos.window ?? '30d'}`],
      ['p95 latency', slos.latencyP95],
      [
        'Throughput',
        slos.throughputRps !== undefined
          ? `${num(slos.throughputRps)} req/s`
          : undefined,
      ],
      [
        'Throughput per replica at max scale',
        slos.throughputRps !== undefined
          ? (() => {
              const replicas = env.workloads
                .filter(w => w.type === 'service')
                .reduce((s, w) => s + workloadFigures(w).maxReplicas, 0);
              return replicas
                ? `${round1(
                    slos.throughputRps / replicas,
                  )} req/s across ${replicas} service replicas`
                : undefined;
            })()
          : undefined,
      ],
    ]),
  ].join('');
}

/** `Performance_Optimization_Plan.json`: the environment's `targets`. */
export function slosPerformance(
  env: EnvironmentPlan,
): PerformanceEnvironment['targets'] {
  const slos = env.slos;
  if (!slos) return null;
  return {
    availabilityPercent: slos.availability,
    latencyP95Ms: milliseconds(slos.latencyP95) ?? 0,
    latencyP99Ms: milliseconds(slos.latencyP99),
    throughputRps: slos.throughputRps ?? null,
    errorRatePercent: slos.errorRate ?? null,
  };
}

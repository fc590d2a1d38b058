/** The workloads' parts of the generated documents. */
import type { DeploymentWorkload } from '../../documents/deploymentArchitecturePlan';
import {
  Recommend,
  describeBudget,
  describeProbe,
  describeTargets,
  kubernetesKinds,
  placement,
  round1,
  toMiB,
  workloadFigures,
} from '../../documents/derive';
import { table } from '../../documents/markdown';
import type { PerformanceEnvironment } from '../../documents/performancePlan';
import type { EnvironmentPlan } from '../../schema';
import { formatCpu, formatMemory, parseDuration } from '../../units';

/** `Infrastructure_Requirements.md`: every workload with its size, probes, autoscaling and budget. */
export function workloadsRequirements(env: EnvironmentPlan): string {
  const rows = env.workloads.map(w => {
    const f = workloadFigures(w);
    const hpa = w.autoscaling;
    return [
      w.name,
      w.type,
      w.image,
      (w.ports ?? [])
        .map(p => `${p.containerPort}${p.name ? ` (${p.name})` : ''}`)
        .join(', '),
      w.replicas,
      `${formatCpu(f.cpuRequest)} / ${
        f.cpuLimit === null ? '—' : formatCpu(f.cpuLimit)
      }`,
      `${formatMemory(f.memoryRequest)} / ${
        f.memoryLimit === null ? '—' : formatMemory(f.memoryLimit)
      }`,
      [
        describeProbe(w.probes?.liveness) &&
          `liveness: ${describeProbe(w.probes?.liveness)}`,
        describeProbe(w.probes?.readiness) &&
          `readiness: ${describeProbe(w.probes?.readiness)}`,
      ]
        .filter(Boolean)
        .join('; '),
      hpa
        ? `${hpa.minReplicas}–${hpa.maxReplicas} on ${describeTargets(w).join(
            ', ',
          )}`
        : 'fixed',
      describeBudget(w),
    ];
  });
  return [
    '### Workloads\n\n',
    table(
      [
        'Workload',
        'Type',
        'Image',
        'Ports',
        'Replicas',
        'CPU request / limit',
        'Memory request / limit',
        'Probes',
        'Autoscaling',
        'Disruption budget',
      ],
      rows,
    ),
  ].join('');
}

/** `Deployment_Architecture_Plan.json`: the environment's `workloads`. */
export function workloadsDeployment(
  env: EnvironmentPlan,
): DeploymentWorkload[] {
  return env.workloads.map(w => {
    const f = workloadFigures(w);
    const hpa = w.autoscaling;
    return {
      name: w.name,
      type: w.type,
      image: w.image,
      nodeGroup: placement(env, w),
      ports: (w.ports ?? []).map(p => ({
        name: p.name ?? null,
        containerPort: p.containerPort,
        servicePort:
          w.type === 'service' ? p.servicePort ?? p.containerPort : null,
      })),
      replicas: {
        initial: w.replicas,
        min: f.minReplicas,
        max: f.maxReplicas,
      },
      resources: {
        cpuRequestMillicores: f.cpuRequest,
        cpuLimitMillicores: f.cpuLimit,
        memoryRequestMiB: toMiB(f.memoryRequest),
        memoryLimitMiB: f.memoryLimit === null ? null : toMiB(f.memoryLimit),
        qosClass: f.qosClass,
      },
      probes: {
        liveness: describeProbe(w.probes?.liveness),
        readiness: describeProbe(w.probes?.readiness),
        startup: describeProbe(w.probes?.startup),
      },
      autoscaling: hpa
        ? {
            minReplicas: hpa.minReplicas,
            maxReplicas: hpa.maxReplicas,
            cpuUtilization: hpa.targets.cpuUtilization ?? null,
            memoryUtilization: hpa.targets.memoryUtilization ?? null,
            requestsPerSecond: hpa.targets.requestsPerSecond ?? null,
            queue: hpa.targets.queue ? { ...hpa.targets.queue } : null,
          }
        : null,
      disruptionBudget: w.disruptionBudget
        ? {
            minAvailable: w.disruptionBudget.minAvailable ?? null,
            maxUnavailable: w.disruptionBudget.maxUnavailable ?? null,
          }
        : null,
      exposure: w.expose
        ? {
            loadBalancer: w.expose.loadBalancer,
            host: w.expose.host ?? null,
            path: w.expose.path ?? '/',
          }
        : null,
      uses: [...(w.uses ?? [])],
      kubernetesKinds: kubernetesKinds(env, w),
    };
  });
}

/** An HPA scaling direction as `window 60s; 100% per 15s`. */
function behaviour(
  rules:
    | {
        stabilizationWindow?: string;
        policies?: { type: string; value: number; period: string }[];
      }
    | undefined,
): string {
  if (!rules) return 'default';
  const policies = (rules.policies ?? [])
    .map(
      p => `${p.value}${p.type === 'percent' ? '%' : ' pods'} per ${p.period}`,
    )
    .join(', ');
  return (
    [
      rules.stabilizationWindow ? `window ${rules.stabilizationWindow}` : '',
      policies,
    ]
      .filter(Boolean)
      .join('; ') || 'default'
  );
}

/** `Scalability_Architecture_Design.md`: how each workload scales and where it runs. */
export function workloadAutoscalingScalability(env: EnvironmentPlan): string {
  return [
    '### Workload autoscaling\n\n',
    table(
      [
        'Workload',
        'Node group',
        'Replicas',
        'HPA min–max',
        'Targets',
        'Scale up',
        'Scale down',
        'Disruption budget',
      ],
      env.workloads.map(w => {
        const hpa = w.autoscaling;
        return [
          w.name,
          placement(env, w) ?? 'unschedulable',
          w.replicas,
          hpa ? `${hpa.minReplicas}–${hpa.maxReplicas}` : 'fixed',
          describeTargets(w).join(', '),
          hpa ? behaviour(hpa.behavior?.scaleUp) : '',
          hpa ? behaviour(hpa.behavior?.scaleDown) : '',
          describeBudget(w) ?? 'none',
        ];
      }),
    ),
  ].join('');
}

/** `Performance_Optimization_Plan.json`: the environment's `workloads`. */
export function workloadsPerformance(
  env: EnvironmentPlan,
): PerformanceEnvironment['workloads'] {
  return env.workloads.map(w => {
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
  });
}

/**
 * `Performance_Optimization_Plan.json`: recommendations on each workload's
 * probes, requests and limits, and autoscaling.
 */
export function recommendForWorkloads(
  env: EnvironmentPlan,
  add: Recommend,
): void {
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
}

/**
 * The main workload of a preset environment: a service behind the public
 * load balancer with health and readiness probes, sized for the tier, and
 * (outside development) autoscaled with a disruption budget.
 */
import type { Tier } from '../../schema';
import type { PresetContext } from '../shared/presetContext';
import type { Workload } from './schema';

const WORKLOAD_SIZING: Record<
  Tier,
  {
    replicas: number;
    hpa?: { min: number; max: number };
    requests: { cpu: string; memory: string };
    limits: { cpu: string; memory: string };
  }
> = {
  development: {
    replicas: 1,
    requests: { cpu: '100m', memory: '128Mi' },
    limits: { cpu: '500m', memory: '512Mi' },
  },
  staging: {
    replicas: 2,
    hpa: { min: 2, max: 6 },
    requests: { cpu: '250m', memory: '256Mi' },
    limits: { cpu: '500m', memory: '512Mi' },
  },
  production: {
    replicas: 3,
    hpa: { min: 3, max: 30 },
    requests: { cpu: '500m', memory: '512Mi' },
    limits: { cpu: '1', memory: '1Gi' },
  },
};

/** The main workload, using the data stores named in `uses`. */
export function presetWorkload(ctx: PresetContext, uses: string[]): Workload {
  const { tier, workload } = ctx;
  const { name, port } = workload;
  const s = WORKLOAD_SIZING[tier];
  return {
    name,
    type: 'service',
    image: workload.image ?? `ghcr.io/gatehouse/${name}:0.1.0`,
    ports: [{ name: 'http', containerPort: port, servicePort: 80 }],
    replicas: s.replicas,
    nodeGroup: 'general',
    resources: { requests: { ...s.requests }, limits: { ...s.limits } },
    probes: {
      liveness: {
        http: { path: '/health', port: 'http' },
        initialDelay: '10s',
        period: '10s',
      },
      readiness: {
        http: { path: '/ready', port: 'http' },
        initialDelay: '5s',
        period: '5s',
      },
    },
    ...(s.hpa
      ? {
          autoscaling: {
            minReplicas: s.hpa.min,
            maxReplicas: s.hpa.max,
            targets: { cpuUtilization: 70, memoryUtilization: 80 },
            behavior: {
              scaleUp: {
                stabilizationWindow: '60s',
                policies: [{ type: 'percent', value: 100, period: '15s' }],
              },
              scaleDown: {
                stabilizationWindow: '300s',
                policies: [{ type: 'percent', value: 10, period: '60s' }],
              },
            },
          },
          disruptionBudget: { maxUnavailable: 1 },
        }
      : {}),
    expose: {
      loadBalancer: 'public',
      ...(workload.host ? { host: workload.host } : {}),
      path: '/',
      port: 'http',
    },
    ...(uses.length ? { uses } : {}),
    ...(tier === 'development' ? {} : { secrets: [`${name}-credentials`] }),
  };
}

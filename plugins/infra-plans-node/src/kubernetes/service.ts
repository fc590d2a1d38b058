/**
 * Services of a workload: the one other pods and the load balancer's
 * target group reach it through, and for blue-green the preview Service
 * Argo Rollouts points at the new version before promotion.
 */
import type { Workload } from '@gatehouse/plugin-infra-plans-common';
import type { RenderContext } from '../context';
import { compact } from './workload';
import { KubeObject, objectMeta, selectorLabels } from './meta';

export function servicePorts(workload: Workload) {
  const ports = workload.ports ?? [];
  return ports.map(p =>
    compact({
      // Service ports need names once there is more than one.
      name:
        p.name ?? (ports.length > 1 ? `port-${p.containerPort}` : undefined),
      port: p.servicePort ?? p.containerPort,
      targetPort: p.name ?? p.containerPort,
      protocol: p.protocol ?? 'TCP',
    }),
  );
}

export function service(
  ctx: RenderContext,
  workload: Workload,
  name = workload.name,
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: objectMeta(ctx, name, workload),
    spec: {
      type: 'ClusterIP',
      selector: selectorLabels(workload),
      ports: servicePorts(workload),
    },
  };
}

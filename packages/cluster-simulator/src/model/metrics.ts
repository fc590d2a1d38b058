import type { IPod } from 'kubernetes-models/v1/Pod';
import { MIB } from '@gatehouse/plugin-infra-plans-common';
import { KubeObject } from '../types';
import type { ClusterState } from './ClusterState';
import { timestamp, unit } from './ids';
import { resourceTypeByKind } from './kinds';
import { resourceAmount } from './pods';

/**
 * metrics.k8s.io/v1beta1 objects, computed on request like metrics-server
 * does. Usage is a deterministic fraction of each container's requests;
 * production orchestrator-api runs hot (91% of its CPU request, matching its
 * HPA at maximum).
 */

const WINDOW = '15s';

/** CPU (millicores) and memory (MiB) a container uses. */
export function containerUsage(
  clusterName: string,
  pod: IPod,
  containerName: string,
): { cpuMilli: number; memoryMi: number } {
  const container = pod.spec!.containers.find(c => c.name === containerName)!;
  const req = container.resources?.requests ?? {};
  const cpuReq = req.cpu !== undefined ? resourceAmount(req.cpu) * 1000 : 100;
  const memReq =
    req.memory !== undefined ? resourceAmount(req.memory) / MIB : 128;
  const seed = `${clusterName}/${pod.metadata!.namespace}/${
    pod.metadata!.name
  }/${containerName}`;
  const app = pod.metadata!.labels?.['app.kubernetes.io/name'];
  const hot =
    app === 'orchestrator-api' &&
    containerName === 'orchestrator-api' &&
    clusterName.includes('production');
  const cpuFraction = hot
    ? 0.88 + unit(`${seed}/cpu`) * 0.06
    : 0.15 + unit(`${seed}/cpu`) * 0.6;
  const memFraction = 0.4 + unit(`${seed}/mem`) * 0.45;
  return {
    cpuMilli: Math.max(1, Math.round(cpuReq * cpuFraction)),
    memoryMi: Math.max(1, Math.round(memReq * memFraction)),
  };
}

function isMeasured(pod: IPod): boolean {
  return (
    pod.status?.phase === 'Running' &&
    (pod.status.containerStatuses ?? []).length > 0 &&
    (pod.status.containerStatuses ?? []).every(cs => cs.state?.running)
  );
}

export function podMetrics(
  state: ClusterState,
  namespace?: string,
): KubeObject[] {
  const now = state.now();
  return state.store
    .list(resourceTypeByKind('Pod'), namespace)
    .map(p => p as unknown as IPod)
    .filter(isMeasured)
    .map(pod => {
      const meta = pod.metadata!;
      return {
        apiVersion: 'metrics.k8s.io/v1beta1',
        kind: 'PodMetrics',
        metadata: {
          name: meta.name!,
          namespace: meta.namespace,
          creationTimestamp: timestamp(now),
          labels: { ...meta.labels },
        },
        timestamp: timestamp(now - 7000),
        window: WINDOW,
        containers: pod.spec!.containers.map(c => {
          const usage = containerUsage(state.name, pod, c.name);
          return {
            name: c.name,
            usage: {
              cpu: `${usage.cpuMilli}m`,
              memory: `${usage.memoryMi}Mi`,
            },
          };
        }),
      };
    });
}

export function nodeMetrics(state: ClusterState): KubeObject[] {
  const now = state.now();
  const perNode = new Map<string, { cpu: number; mem: number }>();
  for (const obj of state.store.list(resourceTypeByKind('Pod'))) {
    const pod = obj as unknown as IPod;
    if (!isMeasured(pod) || !pod.spec!.nodeName) {
      continue;
    }
    const acc = perNode.get(pod.spec!.nodeName) ?? { cpu: 0, mem: 0 };
    for (const c of pod.spec!.containers) {
      const usage = containerUsage(state.name, pod, c.name);
      acc.cpu += usage.cpuMilli;
      acc.mem += usage.memoryMi;
    }
    perNode.set(pod.spec!.nodeName, acc);
  }
  return state.store.list(resourceTypeByKind('Node')).map(node => {
    const acc = perNode.get(node.metadata.name) ?? { cpu: 0, mem: 0 };
    return {
      apiVersion: 'metrics.k8s.io/v1beta1',
      kind: 'NodeMetrics',
      metadata: {
        name: node.metadata.name,
        creationTimestamp: timestamp(now),
        labels: { ...node.metadata.labels },
      },
      timestamp: timestamp(now - 9000),
      window: '20.05s',
      usage: {
        cpu: `${acc.cpu + 180}m`,
        memory: `${Math.round(acc.mem + 1100)}Mi`,
      },
    };
  });
}

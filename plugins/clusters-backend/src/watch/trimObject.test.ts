import { createClusterState } from '@gatehouse/cluster-simulator';
import type { WorkloadObjects } from '../kubernetes/objectTypes';
import { groupByService, workloadHealth } from '../service/workloadHealth';
import { trimObject } from './trimObject';

const KINDS: Record<keyof WorkloadObjects, string> = {
  pods: 'Pod',
  deployments: 'Deployment',
  statefulsets: 'StatefulSet',
  horizontalpodautoscalers: 'HorizontalPodAutoscaler',
  rollouts: 'Rollout',
};

const NOW = Date.parse('2025-06-02T12:00:00Z');

function objectsOf(environment: 'development' | 'staging' | 'production') {
  const state = createClusterState({ environment, now: NOW - 3_600_000 });
  return Object.fromEntries(
    Object.entries(KINDS).map(([type, kind]) => [type, state.objects(kind)]),
  ) as unknown as WorkloadObjects;
}

function trimmed(objects: WorkloadObjects): WorkloadObjects {
  return Object.fromEntries(
    Object.entries(objects).map(([type, list]) => [
      type,
      (list as unknown[]).map(o =>
        trimObject(type as keyof WorkloadObjects, o),
      ),
    ]),
  ) as unknown as WorkloadObjects;
}

function healthOf(objects: WorkloadObjects) {
  return [...groupByService(objects)].map(([serviceId, group]) =>
    workloadHealth({ serviceId, entityRef: null, title: null }, group, NOW),
  );
}

describe('trimObject', () => {
  it.each(['development', 'staging', 'production'] as const)(
    'keeps everything workload health reads: the same health from trimmed objects on %s',
    environment => {
      const whole = objectsOf(environment);
      const health = healthOf(whole);
      // The simulator's broken workloads are there, so the problems are compared too.
      expect(health.some(h => h.status !== 'healthy')).toBe(true);
      expect(healthOf(trimmed(whole))).toEqual(health);
    },
  );

  it('keeps a small part of each object', () => {
    const whole = objectsOf('production');
    const size = (o: unknown) => JSON.stringify(o).length;
    const pods = whole.pods;
    const before = pods.reduce((sum, p) => sum + size(p), 0);
    const after = pods.reduce((sum, p) => sum + size(trimObject('pods', p)), 0);
    expect(after / before).toBeLessThan(0.25);

    const [pod] = pods;
    expect(Object.keys(trimObject('pods', pod).metadata!).sort()).toEqual(
      expect.not.arrayContaining(['managedFields', 'uid', 'resourceVersion']),
    );
    expect(trimObject('pods', pod)).not.toHaveProperty('spec');
    // Only the labels read: the service and the pod template hash.
    expect(
      Object.keys(trimObject('pods', pod).metadata!.labels ?? {}).sort(),
    ).toEqual(
      ['backstage.io/kubernetes-id', 'pod-template-hash'].filter(
        label => pod.metadata!.labels![label] !== undefined,
      ),
    );
  });

  it('keeps the change annotations of a workload and drops the others', () => {
    const deployment = {
      metadata: {
        name: 'task-runner',
        namespace: 'task-runner',
        annotations: {
          'gatehouse.io/change-request': 'cr-1',
          'gatehouse.io/change-hash': 'abc',
          'kubectl.kubernetes.io/last-applied-configuration': '{"huge":true}',
        },
      },
      spec: { replicas: 3, template: { spec: { containers: [] } } },
      status: { readyReplicas: 2, conditions: [{ type: 'Available' }] },
    };
    expect(trimObject('deployments', deployment)).toEqual({
      metadata: {
        name: 'task-runner',
        namespace: 'task-runner',
        annotations: {
          'gatehouse.io/change-request': 'cr-1',
          'gatehouse.io/change-hash': 'abc',
        },
      },
      spec: { replicas: 3 },
      status: { readyReplicas: 2 },
    });
  });
});

import { createClusterState } from './simulator';
import { validateKubernetesObject } from './schema';
import { KubeObject } from './types';

const NOW = Date.parse('2025-06-02T12:00:00Z');

describe('schema validation of generated objects', () => {
  const clusters = [
    createClusterState({ environment: 'development', now: NOW }),
    createClusterState({ environment: 'staging', now: NOW }),
    createClusterState({
      environment: 'production',
      now: NOW,
      podsPerCluster: 150,
    }),
  ];

  it.each(clusters.map(c => [c.name, c] as const))(
    'every object of every kind in %s is valid',
    (_name, state) => {
      const objects = state.allObjects();
      const kinds = new Set(objects.map(o => o.kind));
      expect(Array.from(kinds).sort()).toEqual(
        expect.arrayContaining([
          'ConfigMap',
          'CronJob',
          'Deployment',
          'Event',
          'HorizontalPodAutoscaler',
          'Ingress',
          'Job',
          'LimitRange',
          'Namespace',
          'Node',
          'PersistentVolumeClaim',
          'Pod',
          'PodDisruptionBudget',
          'ReplicaSet',
          'ResourceQuota',
          'Service',
          'StatefulSet',
        ]),
      );
      const failures = objects
        .map(o => ({
          ref: `${o.kind} ${o.metadata.namespace}/${o.metadata.name}`,
          errors: validateKubernetesObject(o),
        }))
        .filter(r => r.errors.length > 0);
      expect(failures).toEqual([]);
    },
  );

  it('validates the Argo Rollout with its CRD schema and its template as a PodTemplateSpec', () => {
    const [rollout] = clusters[2].objects('Rollout');
    expect(rollout).toBeDefined();
    expect(validateKubernetesObject(rollout)).toEqual([]);
    const broken = structuredClone(rollout) as any;
    broken.spec.template.spec.containers[0].ports[0].containerPort = 'http';
    const errors = validateKubernetesObject(broken);
    expect(
      errors.some(e => e.includes('spec.template (as PodTemplateSpec)')),
    ).toBe(true);
  });

  it('validates metrics.k8s.io objects', () => {
    const state = clusters[2];
    const podMetrics = state.podMetrics();
    const nodeMetrics = state.nodeMetrics();
    expect(podMetrics.length).toBeGreaterThan(100);
    for (const m of [...podMetrics, ...nodeMetrics]) {
      expect(validateKubernetesObject(m)).toEqual([]);
    }
    const bad = structuredClone(podMetrics[0]) as any;
    bad.containers[0].usage.cpu = 'lots';
    expect(validateKubernetesObject(bad).join()).toMatch(/usage/);
  });

  it('rejects objects that break the schema', () => {
    const pod = structuredClone(clusters[0].objects('Pod')[0]) as KubeObject &
      any;
    pod.spec.containers[0].resources.requests = { cpu: { millis: 250 } };
    expect(validateKubernetesObject(pod).length).toBeGreaterThan(0);
    const deployment = structuredClone(
      clusters[0].objects('Deployment')[0],
    ) as any;
    delete deployment.spec.selector;
    expect(validateKubernetesObject(deployment).join()).toMatch(/selector/);
    const event = structuredClone(clusters[0].objects('Event')[0]) as any;
    event.firstTimestamp = 'yesterday';
    expect(validateKubernetesObject(event).join()).toMatch(/date-time/);
    expect(
      validateKubernetesObject({
        apiVersion: 'v9',
        kind: 'Nope',
        metadata: { name: 'x' },
      }),
    ).toEqual(['no schema for v9/Nope']);
  });
});

import { createClusterState } from '../simulator';
import { KubeObject, WatchEvent } from '../types';
import { ClusterState } from './ClusterState';
import { SCENARIO_ANNOTATION } from './generate';
import { isPodReady } from './pods';

const NOW = Date.parse('2025-06-02T12:00:00Z');

function byScenario(state: ClusterState, scenario: string): KubeObject[] {
  return state
    .objects('Pod')
    .filter(p => p.metadata.annotations?.[SCENARIO_ANNOTATION] === scenario);
}

function statusOf(obj: KubeObject): any {
  return obj.status;
}

function podsWithLabel(
  state: ClusterState,
  ns: string,
  key: string,
  value: string,
) {
  return state
    .objects('Pod', ns)
    .filter(p => p.metadata.labels?.[key] === value);
}

describe('ClusterState', () => {
  const dev = createClusterState({ environment: 'development', now: NOW });
  const staging = createClusterState({ environment: 'staging', now: NOW });
  const prod = createClusterState({ name: 'eks-production-use1', now: NOW });

  it('names clusters after their environment and infers the environment from the name', () => {
    expect(dev.name).toBe('eks-development-use1');
    expect(staging.name).toBe('eks-staging-use1');
    expect(prod.environment).toBe('production');
    expect(() => createClusterState({ name: 'mystery' })).toThrow(
      /environment/,
    );
  });

  it('is deterministic for the same start time', () => {
    const again = createClusterState({ environment: 'production', now: NOW });
    expect(again.allObjects()).toEqual(prod.allObjects());
    const later = createClusterState({
      environment: 'production',
      now: NOW + 1000,
    });
    expect(later.objects('Pod')[0].metadata.creationTimestamp).not.toBe(
      prod.objects('Pod')[0].metadata.creationTimestamp,
    );
  });

  it.each([
    [
      'development',
      dev,
      { 'orchestrator-api': 1, 'operator-console': 1, 'task-runner': 1 },
    ],
    [
      'staging',
      staging,
      { 'orchestrator-api': 2, 'operator-console': 2, 'task-runner': 2 },
    ],
    [
      'production',
      prod,
      { 'orchestrator-api': 6, 'operator-console': 3, 'task-runner': 4 },
    ],
  ] as const)('runs the %s replica counts', (_env, state, expected) => {
    for (const [name, replicas] of Object.entries(expected)) {
      const d = state.get('Deployment', name, name)!;
      expect((d.spec as any).replicas).toBe(replicas);
      const pods = podsWithLabel(
        state,
        name,
        'app.kubernetes.io/instance',
        name,
      );
      expect(pods).toHaveLength(replicas);
    }
    const sts = state.get('StatefulSet', 'knowledge-store', 'knowledge-store')!;
    expect((sts.spec as any).replicas).toBe(state === dev ? 1 : 3);
  });

  it('labels every workload pod with backstage.io/kubernetes-id and app.kubernetes.io/name in its service namespace', () => {
    for (const state of [dev, staging, prod]) {
      for (const pod of state.objects('Pod')) {
        const id = pod.metadata.labels?.['backstage.io/kubernetes-id'];
        expect(id).toBe(pod.metadata.namespace);
        expect(pod.metadata.labels?.['app.kubernetes.io/name']).toBe(id);
      }
    }
  });

  it('gives pods owner references to ReplicaSets (owned by Deployments or the Rollout), StatefulSets and Jobs', () => {
    for (const state of [dev, staging, prod]) {
      for (const pod of state.objects('Pod')) {
        const [owner] = pod.metadata.ownerReferences!;
        expect(owner.controller).toBe(true);
        const ownerObj = state.get(
          owner.kind,
          pod.metadata.namespace,
          owner.name,
        )!;
        expect(ownerObj.metadata.uid).toBe(owner.uid);
        expect(['ReplicaSet', 'StatefulSet', 'Job']).toContain(owner.kind);
        const rsOwner = ownerObj.metadata.ownerReferences?.[0];
        const expectedOwnerKinds =
          owner.kind === 'ReplicaSet'
            ? ['Deployment', 'Rollout']
            : ['CronJob', undefined];
        expect(expectedOwnerKinds).toContain(rsOwner?.kind);
        const grandOwner = rsOwner
          ? state.get(rsOwner.kind, pod.metadata.namespace, rsOwner.name)
          : undefined;
        expect(grandOwner?.metadata.uid).toBe(rsOwner?.uid);
      }
    }
  });

  it('gives running pods realistic specs and statuses', () => {
    const nodes = new Set(prod.objects('Node').map(n => n.metadata.name));
    const running = prod
      .objects('Pod')
      .filter(p => statusOf(p).phase === 'Running');
    expect(running.length).toBeGreaterThan(10);
    for (const pod of running) {
      const spec = pod.spec as any;
      const status = statusOf(pod);
      expect(nodes.has(spec.nodeName)).toBe(true);
      expect(status.podIP).toMatch(/^10\.\d+\.\d+\.\d+$/);
      expect(status.hostIP).toMatch(/^10\.\d+\.\d+\.\d+$/);
      expect(Date.parse(pod.metadata.creationTimestamp!)).toBeLessThanOrEqual(
        NOW,
      );
      for (const c of spec.containers) {
        expect(c.image).toMatch(/:[\w.-]+$/);
        expect(c.resources.requests.cpu).toBeDefined();
        expect(c.resources.limits.memory).toBeDefined();
      }
      const app = spec.containers[0];
      expect(app.ports[0].containerPort).toBeGreaterThan(0);
      expect(app.readinessProbe.httpGet.path).toBeDefined();
      expect(app.livenessProbe).toBeDefined();
      expect(status.containerStatuses).toHaveLength(spec.containers.length);
      expect(status.conditions.map((c: any) => c.type)).toEqual(
        expect.arrayContaining([
          'Ready',
          'ContainersReady',
          'PodScheduled',
          'Initialized',
        ]),
      );
    }
    const ips = running.map(p => statusOf(p).podIP);
    expect(new Set(ips).size).toBe(ips.length);
  });

  describe('broken workloads (as documented in the README)', () => {
    it('production: exactly one task-runner pod in CrashLoopBackOff', () => {
      const crashing = prod
        .objects('Pod')
        .filter(p =>
          statusOf(p).containerStatuses?.some(
            (cs: any) => cs.state?.waiting?.reason === 'CrashLoopBackOff',
          ),
        );
      expect(crashing).toHaveLength(1);
      const [pod] = crashing;
      expect(pod.metadata.namespace).toBe('task-runner');
      expect(pod.metadata.annotations?.[SCENARIO_ANNOTATION]).toBe(
        'crash-loop-backoff',
      );
      const cs = statusOf(pod).containerStatuses[0];
      expect(cs.restartCount).toBeGreaterThan(5);
      expect(cs.lastState.terminated.exitCode).toBe(1);
      expect(cs.lastState.terminated.reason).toBe('Error');
      expect(cs.ready).toBe(false);
      expect(statusOf(pod).phase).toBe('Running');
      expect(isPodReady(pod)).toBe(false);
      for (const state of [dev, staging]) {
        expect(byScenario(state, 'crash-loop-backoff')).toHaveLength(0);
      }
    });

    it('staging: one operator-console pod Running but not Ready, with a readiness probe failure event', () => {
      const [pod, ...rest] = byScenario(staging, 'readiness-probe-failing');
      expect(rest).toHaveLength(0);
      expect(pod.metadata.namespace).toBe('operator-console');
      expect(statusOf(pod).phase).toBe('Running');
      const ready = statusOf(pod).conditions.find(
        (c: any) => c.type === 'Ready',
      );
      expect(ready).toMatchObject({
        status: 'False',
        reason: 'ContainersNotReady',
      });
      const cs = statusOf(pod).containerStatuses[0];
      expect(cs.ready).toBe(false);
      expect(cs.state.running.startedAt).toBeDefined();
      expect(cs.restartCount).toBe(0);
      const events = staging
        .objects('Event', 'operator-console')
        .filter((e: any) => e.involvedObject.name === pod.metadata.name);
      expect(events).toEqual([
        expect.objectContaining({
          reason: 'Unhealthy',
          type: 'Warning',
          message: expect.stringMatching(/^Readiness probe failed/),
        }),
      ]);
      const notReady = staging
        .objects('Pod')
        .filter(p => statusOf(p).phase === 'Running' && !isPodReady(p));
      expect(notReady).toHaveLength(1);
    });

    it('production: orchestrator-api HPA at its maximum with ScalingLimited', () => {
      const hpa = prod.get('hpa', 'orchestrator-api', 'orchestrator-api')!;
      const { spec, status } = hpa as any;
      expect(status.currentReplicas).toBe(spec.maxReplicas);
      expect(status.desiredReplicas).toBe(spec.maxReplicas);
      expect(status.conditions).toContainEqual(
        expect.objectContaining({
          type: 'ScalingLimited',
          status: 'True',
          reason: 'TooManyReplicas',
        }),
      );
      for (const state of [dev, staging, prod]) {
        for (const other of state.objects('hpa')) {
          if (
            other === hpa ||
            (state === prod && other.metadata.name === 'orchestrator-api')
          ) {
            continue;
          }
          const o = other as any;
          expect(o.status.currentReplicas).toBeLessThan(o.spec.maxReplicas);
        }
      }
    });

    it('development: knowledge-store-0 Pending, Unschedulable for insufficient memory', () => {
      const pod = dev.get('Pod', 'knowledge-store', 'knowledge-store-0')!;
      expect(pod.metadata.annotations?.[SCENARIO_ANNOTATION]).toBe(
        'unschedulable-insufficient-memory',
      );
      expect(statusOf(pod).phase).toBe('Pending');
      expect((pod.spec as any).nodeName).toBeUndefined();
      expect(statusOf(pod).conditions).toEqual([
        expect.objectContaining({
          type: 'PodScheduled',
          status: 'False',
          reason: 'Unschedulable',
          message: expect.stringContaining('Insufficient memory'),
        }),
      ]);
      const events = dev.objects('Event', 'knowledge-store');
      expect(events.map((e: any) => e.reason)).toEqual(['FailedScheduling']);
      const pending = [dev, staging, prod].flatMap(s =>
        s.objects('Pod').filter(p => statusOf(p).phase === 'Pending'),
      );
      expect(pending).toHaveLength(1);
    });
  });

  it('keeps Deployment and ReplicaSet status consistent with their pods', () => {
    for (const state of [dev, staging, prod]) {
      for (const d of state.objects('Deployment')) {
        const ns = d.metadata.namespace!;
        const rsList = state
          .objects('ReplicaSet', ns)
          .filter(
            rs => rs.metadata.ownerReferences?.[0].uid === d.metadata.uid,
          );
        const pods = state
          .objects('Pod', ns)
          .filter(p =>
            rsList.some(
              rs => rs.metadata.uid === p.metadata.ownerReferences?.[0].uid,
            ),
          );
        const ready = pods.filter(isPodReady).length;
        const status = statusOf(d);
        expect(status.replicas ?? 0).toBe(pods.length);
        expect(status.readyReplicas ?? 0).toBe(ready);
        expect(status.availableReplicas ?? 0).toBe(ready);
        expect(status.updatedReplicas ?? 0).toBe(pods.length);
        expect(status.unavailableReplicas ?? 0).toBe(
          (d.spec as any).replicas - ready,
        );
        expect(status.observedGeneration).toBe(d.metadata.generation);
        const available = status.conditions.find(
          (c: any) => c.type === 'Available',
        );
        expect(available.status).toBe(
          ready >=
            (d.spec as any).replicas - Math.floor((d.spec as any).replicas / 4)
            ? 'True'
            : 'False',
        );
        for (const rs of rsList) {
          const own = pods.filter(
            p => p.metadata.ownerReferences?.[0].uid === rs.metadata.uid,
          );
          expect((rs.spec as any).replicas).toBe(own.length);
          expect(statusOf(rs).replicas).toBe(own.length);
          expect(statusOf(rs).readyReplicas ?? 0).toBe(
            own.filter(isPodReady).length,
          );
        }
      }
    }
    const console = statusOf(
      staging.get('Deployment', 'operator-console', 'operator-console')!,
    );
    expect(console).toMatchObject({
      replicas: 2,
      readyReplicas: 1,
      unavailableReplicas: 1,
    });
    const runner = statusOf(
      prod.get('Deployment', 'task-runner', 'task-runner')!,
    );
    expect(runner).toMatchObject({
      replicas: 4,
      readyReplicas: 3,
      availableReplicas: 3,
    });
  });

  it('runs the production canary as an Argo Rollout with stable and canary ReplicaSets', () => {
    const ro = prod.get(
      'Rollout',
      'orchestrator-api',
      'orchestrator-api-canary',
    ) as any;
    expect(ro.spec.strategy.canary.steps.length).toBeGreaterThan(0);
    expect(ro.status).toMatchObject({
      phase: 'Paused',
      currentStepIndex: 1,
      replicas: 2,
      updatedReplicas: 1,
      readyReplicas: 2,
    });
    const rsList = prod
      .objects('ReplicaSet', 'orchestrator-api')
      .filter(rs => rs.metadata.ownerReferences?.[0].kind === 'Rollout');
    expect(
      rsList
        .map(rs => rs.metadata.labels?.['rollouts-pod-template-hash'])
        .sort(),
    ).toEqual([ro.status.currentPodHash, ro.status.stableRS].sort());
    for (const state of [dev, staging]) {
      expect(state.objects('Rollout')).toHaveLength(0);
    }
  });

  it('has the services, ingresses, PDBs and CronJobs of the examples', () => {
    for (const state of [dev, staging, prod]) {
      expect(
        state
          .objects('Service')
          .map(s => s.metadata.name)
          .sort(),
      ).toEqual([
        'knowledge-store',
        'knowledge-store-headless',
        'operator-console',
        'orchestrator-api',
      ]);
      expect(
        state
          .objects('Ingress')
          .map(s => s.metadata.name)
          .sort(),
      ).toEqual(['operator-console', 'orchestrator-api']);
      expect(
        state
          .objects('pdb')
          .map(s => s.metadata.name)
          .sort(),
      ).toEqual(['knowledge-store', 'orchestrator-api']);
      expect(state.objects('CronJob').map(s => s.metadata.name)).toEqual([
        'task-runner-cleanup',
      ]);
      expect(state.objects('Job')).toHaveLength(1);
      expect(
        state
          .objects('hpa')
          .map(s => s.metadata.name)
          .sort(),
      ).toEqual(['orchestrator-api', 'task-runner']);
    }
  });

  describe('simulation helpers', () => {
    it('scale() adds and removes pods, updates statuses and emits watch events', () => {
      const state = createClusterState({ environment: 'staging', now: NOW });
      const events: WatchEvent[] = [];
      const stopPods = state.watch('Pod', e => events.push(e), {
        namespace: 'orchestrator-api',
      });
      const deployEvents: WatchEvent[] = [];
      const stopDeploy = state.watch('Deployment', e => deployEvents.push(e));
      state.scale('orchestrator-api', 'orchestrator-api', 4);
      expect(events.filter(e => e.type === 'ADDED')).toHaveLength(2);
      let d = statusOf(
        state.get('Deployment', 'orchestrator-api', 'orchestrator-api')!,
      );
      expect(d).toMatchObject({
        replicas: 4,
        readyReplicas: 4,
        availableReplicas: 4,
      });
      expect(deployEvents.map(e => e.type)).toContain('MODIFIED');
      const hpa = statusOf(
        state.get('hpa', 'orchestrator-api', 'orchestrator-api')!,
      );
      expect(hpa.currentReplicas).toBe(4);
      expect(hpa.conditions).toContainEqual(
        expect.objectContaining({ type: 'ScalingLimited', status: 'True' }),
      );

      events.length = 0;
      state.scale('orchestrator-api', 'orchestrator-api', 1);
      expect(events.filter(e => e.type === 'DELETED')).toHaveLength(3);
      expect(
        events.find(e => e.type === 'MODIFIED')?.object.metadata
          .deletionTimestamp,
      ).toBeDefined();
      d = statusOf(
        state.get('Deployment', 'orchestrator-api', 'orchestrator-api')!,
      );
      expect(d).toMatchObject({ replicas: 1, readyReplicas: 1 });
      expect(state.objects('Pod', 'orchestrator-api')).toHaveLength(1);
      stopPods();
      stopDeploy();
      expect(() => state.scale('orchestrator-api', 'nope', 1)).toThrow(
        /no deployment/,
      );
      expect(() =>
        state.scale('orchestrator-api', 'orchestrator-api', -1),
      ).toThrow(/invalid/);
    });

    it('scale() works for StatefulSets with ordinal pods', () => {
      const state = createClusterState({ environment: 'production', now: NOW });
      state.scale('knowledge-store', 'knowledge-store', 5);
      expect(
        state.objects('Pod', 'knowledge-store').map(p => p.metadata.name),
      ).toEqual([
        'knowledge-store-0',
        'knowledge-store-1',
        'knowledge-store-2',
        'knowledge-store-3',
        'knowledge-store-4',
      ]);
      expect(
        statusOf(state.get('sts', 'knowledge-store', 'knowledge-store')!),
      ).toMatchObject({
        replicas: 5,
        readyReplicas: 5,
      });
      state.scale('knowledge-store', 'knowledge-store', 2);
      expect(state.objects('Pod', 'knowledge-store')).toHaveLength(2);
    });

    it('crash() puts a container into CrashLoopBackOff and recover() heals it', () => {
      const state = createClusterState({
        environment: 'development',
        now: NOW,
      });
      const [pod] = podsWithLabel(
        state,
        'operator-console',
        'app.kubernetes.io/name',
        'operator-console',
      );
      const events: WatchEvent[] = [];
      state.watch('Pod', e => events.push(e));
      state.crash('operator-console', pod.metadata.name, { restarts: 3 });
      const crashed = state.get('Pod', 'operator-console', pod.metadata.name)!;
      const cs = statusOf(crashed).containerStatuses[0];
      expect(cs.restartCount).toBe(3);
      expect(cs.state.waiting.reason).toBe('CrashLoopBackOff');
      expect(cs.lastState.terminated.exitCode).toBe(1);
      expect(events).toEqual([expect.objectContaining({ type: 'MODIFIED' })]);
      expect(
        statusOf(
          state.get('Deployment', 'operator-console', 'operator-console')!,
        ).readyReplicas,
      ).toBeUndefined();
      state.recover('operator-console', pod.metadata.name);
      expect(
        isPodReady(state.get('Pod', 'operator-console', pod.metadata.name)!),
      ).toBe(true);
      expect(
        statusOf(
          state.get('Deployment', 'operator-console', 'operator-console')!,
        ).readyReplicas,
      ).toBe(1);
      expect(() => state.crash('operator-console', 'missing')).toThrow(
        /not found/,
      );
    });

    it('deletePod() lets the ReplicaSet replace the pod', () => {
      const state = createClusterState({ environment: 'staging', now: NOW });
      const before = podsWithLabel(
        state,
        'task-runner',
        'app.kubernetes.io/instance',
        'task-runner',
      );
      state.deletePod('task-runner', before[0].metadata.name);
      const after = podsWithLabel(
        state,
        'task-runner',
        'app.kubernetes.io/instance',
        'task-runner',
      );
      expect(after).toHaveLength(before.length);
      expect(after.map(p => p.metadata.name)).not.toContain(
        before[0].metadata.name,
      );
    });

    it('produces plausible pod logs and metrics', () => {
      const [pod] = podsWithLabel(
        prod,
        'orchestrator-api',
        'app.kubernetes.io/instance',
        'orchestrator-api',
      );
      const text = prod.podLogs('orchestrator-api', pod.metadata.name, {
        container: 'orchestrator-api',
        tailLines: 3,
      });
      expect(text.trimEnd().split('\n')).toHaveLength(3);
      expect(() => prod.podLogs('orchestrator-api', pod.metadata.name)).toThrow(
        /a container name must be specified/,
      );
      const metrics = prod.podMetrics('orchestrator-api') as any[];
      expect(metrics.length).toBe(8);
      for (const m of metrics) {
        for (const c of m.containers) {
          expect(c.usage.cpu).toMatch(/^\d+m$/);
          expect(c.usage.memory).toMatch(/^\d+Mi$/);
        }
      }
    });
  });
});

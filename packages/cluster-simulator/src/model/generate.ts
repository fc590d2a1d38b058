import type { IPod } from 'kubernetes-models/v1/Pod';
import type { ClusterState, SimNode } from './ClusterState';
import { ClusterGenerator, REGISTRY } from './ClusterGenerator';
import { NODE_PROFILES } from './environments';
import { DAY, HOUR, SECOND } from './ids';
import { resourceTypeByKind } from './kinds';

/**
 * Builds a cluster's initial objects: nodes, the system namespaces, the
 * scenarios' services (the example services with their environment's
 * replica counts and documented broken workloads) and, for benchmarks,
 * synthetic `bench-svc-###` services. What each service looks like lives in
 * its scenario (`scenarios/` at the package root); this is the engine.
 */

/** One service the simulator populates a cluster with. */
export interface ExampleScenario {
  /** The service's name, which is also its namespace. */
  readonly service: string;
  /** Adds the service's objects for the generator's environment. */
  populate(g: ClusterGenerator): void;
}

/** Annotation on the pods of the documented broken workloads. */
export const SCENARIO_ANNOTATION = 'simulator.gatehouse.io/scenario';

/** Marks a pod as the documented broken workload `scenario`. */
export function markScenario(pod: IPod, scenario: string): void {
  pod.metadata!.annotations = {
    ...pod.metadata!.annotations,
    [SCENARIO_ANNOTATION]: scenario,
  };
}

/** Populates a fresh ClusterState with the scenarios, in their order. */
export function populateCluster(
  state: ClusterState,
  scenarios: ReadonlyArray<ExampleScenario>,
  options: { podsPerCluster?: number; benchServices?: number },
) {
  const g = new ClusterGenerator(state);
  const { T, env } = g;
  const exampleNodes = g.nodes(env, NODE_PROFILES[env].count, 0);
  state.nodes.push(...exampleNodes);

  for (const ns of [
    'default',
    'kube-system',
    'kube-public',
    'kube-node-lease',
  ]) {
    g.namespace(ns, T - 400 * DAY);
  }

  for (const scenario of scenarios) {
    scenario.populate(g);
  }

  addBenchServices(g, exampleNodes, options);

  // ------------------------------------------- statuses, from the pods
  for (const ns of state.store
    .index(resourceTypeByKind('Namespace'))
    .sorted()) {
    state.refreshStatuses(
      ns.obj.metadata.name,
      settledTime(state, ns.obj.metadata.name),
    );
  }
}

/**
 * Fills the cluster up to `podsPerCluster` pods with synthetic services on
 * their own `bench` nodes, so benchmarks can measure large clusters.
 */
function addBenchServices(
  g: ClusterGenerator,
  exampleNodes: SimNode[],
  options: { podsPerCluster?: number; benchServices?: number },
) {
  const { state } = g;
  const examplePods = state.store.index(resourceTypeByKind('Pod')).size;
  const benchPods = Math.max(0, (options.podsPerCluster ?? 0) - examplePods);
  if (benchPods > 0) {
    const benchNodes = g.nodes(
      'bench',
      Math.ceil(benchPods / 100),
      exampleNodes.length,
    );
    state.nodes.push(...benchNodes);
    state.nodesFor = ns =>
      ns.startsWith('bench-svc-') ? benchNodes : exampleNodes;
    const services = Math.max(
      1,
      Math.min(benchPods, options.benchServices ?? Math.ceil(benchPods / 20)),
    );
    const width = Math.max(3, String(services).length);
    for (let i = 0; i < services; i++) {
      const svc = `bench-svc-${String(i + 1).padStart(width, '0')}`;
      const replicas =
        Math.floor(benchPods / services) + (i < benchPods % services ? 1 : 0);
      const created = g.createdAt(svc, 10, 60);
      g.namespace(svc, created - HOUR, { 'backstage.io/kubernetes-id': svc });
      g.deployment({
        service: svc,
        component: 'service',
        version: `1.0.${i % 10}`,
        replicas,
        containers: [
          {
            name: 'app',
            image: `${REGISTRY}/bench-svc:{version}`,
            port: { name: 'http', containerPort: 8080 },
            cpuRequestMilli: 50,
            cpuLimitMilli: 250,
            memoryRequestMi: 64,
            memoryLimitMi: 128,
            probes: { readinessPath: '/readyz', livenessPath: '/livez' },
          },
        ],
        createdAt: created,
        rolledOutAt: g.rolledOutAt(svc, 1, 200),
        revision: 1 + (i % 5),
      });
      g.service({
        service: svc,
        component: 'service',
        port: 80,
        targetPort: 'http',
        createdAt: created,
      });
    }
  }
}

/** When a namespace's objects last changed (for condition transition times). */
function settledTime(state: ClusterState, namespace: string): number {
  let latest = 0;
  for (const pod of state.store.list(resourceTypeByKind('Pod'), namespace)) {
    latest = Math.max(latest, Date.parse(pod.metadata.creationTimestamp!));
  }
  return Math.min(state.startTime, latest + 20 * SECOND);
}

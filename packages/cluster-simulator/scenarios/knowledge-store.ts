import { ClusterGenerator, registryImage } from '../src/model/ClusterGenerator';
import { NODE_PROFILES } from '../src/model/environments';
import { ExampleScenario, markScenario } from '../src/model/generate';
import { HOUR, MINUTE, timestamp } from '../src/model/ids';
import { unschedulablePod } from '../src/model/pods';

/**
 * knowledge-store: the database, a StatefulSet with a volume per pod and a
 * headless Service; in development its first pod asks for more memory than
 * any node has and stays Pending.
 */
export const knowledgeStore: ExampleScenario = {
  service: 'knowledge-store',
  populate: populateKnowledgeStore,
};

function populateKnowledgeStore(g: ClusterGenerator) {
  const svc = knowledgeStore.service;
  const { T, env, state } = g;
  const created = g.createdAt(svc, 150, 300);
  g.namespace(svc, created - HOUR, { 'backstage.io/kubernetes-id': svc });
  g.namespaceGuards(svc, created - HOUR);
  g.configMap(svc, created, {
    ENVIRONMENT: env,
    SHARDS: '16',
    SNAPSHOT_INTERVAL: '15m',
  });
  const storage = g.pick({
    development: '20Gi',
    staging: '50Gi',
    production: '200Gi',
  });
  const sts = g.statefulSet({
    service: svc,
    component: 'database',
    version: g.pick({
      development: '5.4.0',
      staging: '5.3.2',
      production: '5.3.2',
    }),
    replicas: g.pick({ development: 1, staging: 3, production: 3 }),
    containers: [
      {
        name: svc,
        image: registryImage(svc),
        port: { name: 'http', containerPort: 8080 },
        cpuRequestMilli: g.pick({
          development: 1000,
          staging: 1000,
          production: 2000,
        }),
        cpuLimitMilli: g.pick({
          development: 2000,
          staging: 2000,
          production: 4000,
        }),
        memoryRequestMi: g.pick({
          development: 12 * 1024,
          staging: 4 * 1024,
          production: 8 * 1024,
        }),
        memoryLimitMi: g.pick({
          development: 12 * 1024,
          staging: 4 * 1024,
          production: 8 * 1024,
        }),
        probes: { readinessPath: '/v1/ready', livenessPath: '/v1/live' },
        env: { ENVIRONMENT: env, DATA_DIR: '/var/lib/knowledge-store' },
      },
    ],
    createdAt: created,
    rolledOutAt: g.rolledOutAt(svc, 30, 200),
    storage,
    dataMountPath: '/var/lib/knowledge-store',
  });
  g.service({
    service: svc,
    component: 'database',
    port: 8080,
    targetPort: 'http',
    createdAt: created,
  });
  g.service({
    service: svc,
    name: `${svc}-headless`,
    component: 'database',
    port: 8080,
    targetPort: 'http',
    headless: true,
    createdAt: created,
  });
  g.pdb(svc, 1, created);
  for (const pod of g.podsOf(sts)) {
    const pending = env === 'development' && pod.metadata.name === `${svc}-0`;
    if (pending) {
      // Broken: the pod asks for more memory than any development node has.
      const since = T - 26 * HOUR;
      const count = NODE_PROFILES.development.count;
      const message = `0/${count} nodes are available: ${count} Insufficient memory. preemption: 0/${count} nodes are available: ${count} No preemption victims found for incoming pod.`;
      const broken = unschedulablePod(pod, { message, since });
      broken.metadata!.creationTimestamp = timestamp(since);
      markScenario(broken, 'unschedulable-insufficient-memory');
      const stored = state.put(broken);
      g.claim(sts, stored, storage, false);
      state.addEvent({
        involved: stored,
        reason: 'FailedScheduling',
        type: 'Warning',
        message,
        component: 'default-scheduler',
        first: since,
        last: T - 2 * MINUTE,
        count: 312,
      });
    } else {
      g.claim(sts, pod, storage, true);
    }
  }
}

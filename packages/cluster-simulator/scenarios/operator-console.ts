import type { IPod } from 'kubernetes-models/v1/Pod';
import { ClusterGenerator, registryImage } from '../src/model/ClusterGenerator';
import { ExampleScenario, markScenario } from '../src/model/generate';
import { HOUR, SECOND } from '../src/model/ids';
import { unreadyPod } from '../src/model/pods';

/**
 * operator-console: the web front end, a Deployment behind a Service and an
 * Ingress; in staging one pod fails its readiness probe.
 */
export const operatorConsole: ExampleScenario = {
  service: 'operator-console',
  populate: populateOperatorConsole,
};

function populateOperatorConsole(g: ClusterGenerator) {
  const svc = operatorConsole.service;
  const { T, env, state } = g;
  const created = g.createdAt(svc, 90, 150);
  g.namespace(svc, created - HOUR, { 'backstage.io/kubernetes-id': svc });
  g.namespaceGuards(svc, created - HOUR);
  g.configMap(svc, created, {
    ENVIRONMENT: env,
    ORCHESTRATOR_API_URL:
      'http://orchestrator-api.orchestrator-api.svc.cluster.local',
  });
  const deployment = g.deployment({
    service: svc,
    component: 'web',
    version: g.pick({
      development: '2.8.0',
      staging: '2.7.3',
      production: '2.7.1',
    }),
    previousVersion: g.pick({
      development: '2.7.3',
      staging: '2.7.1',
      production: '2.7.0',
    }),
    replicas: g.pick({ development: 1, staging: 2, production: 3 }),
    containers: [
      {
        name: svc,
        image: registryImage(svc),
        port: { name: 'http', containerPort: 3000 },
        cpuRequestMilli: 100,
        cpuLimitMilli: 500,
        memoryRequestMi: 128,
        memoryLimitMi: 256,
        probes: {
          readinessPath: '/api/health/ready',
          livenessPath: '/api/health/live',
        },
        env: { PORT: '3000', NODE_ENV: 'production' },
      },
    ],
    createdAt: created,
    rolledOutAt: g.rolledOutAt(svc, 3, 30),
    revision: g.between(`${svc}/rev`, 8, 30),
  });
  g.service({
    service: svc,
    component: 'web',
    port: 80,
    targetPort: 'http',
    createdAt: created,
  });
  g.ingress(svc, created);

  if (env === 'staging') {
    // Broken: one pod runs but fails its readiness probe.
    const pod = g.deploymentPods(deployment)[0];
    const since = T - 3 * HOUR;
    const started = Date.parse(
      (pod as unknown as IPod).status!.containerStatuses![0].state!.running!
        .startedAt!,
    );
    const broken = unreadyPod(pod, {
      since: Math.max(since, started + 20 * SECOND),
    });
    markScenario(broken, 'readiness-probe-failing');
    const stored = state.put(broken);
    const first = Math.max(since, started + 15 * SECOND);
    state.addEvent({
      involved: stored,
      fieldPath: `spec.containers{${svc}}`,
      reason: 'Unhealthy',
      type: 'Warning',
      message: 'Readiness probe failed: HTTP probe failed with statuscode: 503',
      component: 'kubelet',
      host: (stored as unknown as IPod).spec!.nodeName,
      first,
      last: T - 7 * SECOND,
      count: Math.max(1, Math.floor((T - 7 * SECOND - first) / (10 * SECOND))),
    });
  }
}

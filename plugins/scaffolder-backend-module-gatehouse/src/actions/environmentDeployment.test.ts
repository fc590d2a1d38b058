import {
  DeliveryStrategy,
  presetEnvironmentPlan,
} from '@gatehouse/plugin-infra-plans-common';
import { renderEnvironmentRepository } from '@gatehouse/plugin-infra-plans-node';
import { TEST_NOW } from '@gatehouse/test-utils';
import yaml from 'yaml';
import { workloadRollout } from './environmentDeployment';

/**
 * A staging environment with the preset's service (`app`, with ports) and a
 * worker without ports (probed by a command), delivered with `strategy`.
 */
function serviceAndWorker(strategy: DeliveryStrategy) {
  const plan = presetEnvironmentPlan({
    service: 'orchestrator-api',
    owner: 'team-agents',
    environment: 'perf-test',
    tier: 'staging',
    delivery: strategy,
    asOf: new Date(TEST_NOW),
  });
  const env = plan.spec.environments['perf-test'];
  const {
    ports,
    expose,
    probes: _probes,
    ...worker
  } = structuredClone(env.workloads[0]);
  // A worker is checked by a command: it has no port to probe.
  env.workloads.push({
    ...worker,
    name: 'worker',
    type: 'worker',
    probes: { liveness: { exec: { command: ['/bin/healthcheck'] } } },
  });
  return plan;
}

/** How the rendered manifest of a workload rolls it out. */
function renderedRollout(
  files: { path: string; content: string }[],
  name: string,
) {
  const file = files.find(
    f =>
      f.path === `kubernetes/${name}/deployment.yaml` ||
      f.path === `kubernetes/${name}/rollout.yaml`,
  )!;
  const object = yaml.parse(file.content);
  if (object.kind === 'Deployment') return 'rolling';
  if (object.spec.strategy.blueGreen) return 'blue-green';
  return object.spec.strategy.canary.steps ? 'canary' : 'canary without steps';
}

describe('workloadRollout', () => {
  it.each([
    ['rolling', { app: 'rolling', worker: 'rolling' }],
    ['blue-green', { app: 'blue-green', worker: 'canary without steps' }],
    ['canary', { app: 'canary', worker: 'canary' }],
  ] as const)(
    'says how the renderer rolls out each workload of a %s environment',
    (strategy, expected) => {
      const plan = serviceAndWorker(strategy);
      const env = plan.spec.environments['perf-test'];
      const { files } = renderEnvironmentRepository({
        plan,
        environment: 'perf-test',
      });
      const ours = Object.fromEntries(
        env.workloads.map(w => [w.name, workloadRollout(env, w)]),
      );
      const rendered = Object.fromEntries(
        env.workloads.map(w => [w.name, renderedRollout(files, w.name)]),
      );
      expect(ours).toEqual(expected);
      expect(rendered).toEqual(expected);
    },
  );
});

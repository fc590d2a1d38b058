import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import kubernetesPlugin from '@backstage/plugin-kubernetes-backend';
import { writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { appConfigFor } from '../appConfig';
import { startClusterSimulator } from '../simulator';
import { httpRequest } from './http';

/**
 * Runs Backstage's Kubernetes backend plugin (its own fetcher, fan-out
 * handler and metrics lookup) against the simulator and writes what the
 * plugin answers as JSON to the file named by PROBE_OUTPUT.
 *
 * It runs as its own Node process because the plugin loads
 * @kubernetes/client-node (an ES module) with a dynamic import(), which
 * jest's module sandbox only supports under --experimental-vm-modules.
 */

const started = Date.now();
const progress = (step: string) =>
  process.stderr.write(`[probe +${Date.now() - started} ms] ${step}\n`);
export const SERVICES = [
  'orchestrator-api',
  'operator-console',
  'task-runner',
  'knowledge-store',
];

export function component(name: string) {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: { 'backstage.io/kubernetes-id': name },
    },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-platform' },
  };
}

async function main() {
  const output = process.env.PROBE_OUTPUT;
  if (!output) {
    throw new Error('PROBE_OUTPUT must name the result file');
  }
  progress('starting simulator');
  const sim = await startClusterSimulator({
    portBase: 0,
    token: 'portal-token',
  });
  const backend = await startTestBackend({
    features: [
      kubernetesPlugin,
      catalogServiceMock.factory({ entities: SERVICES.map(component) }),
      mockServices.rootConfig.factory({ data: appConfigFor(sim.clusters) }),
      mockServices.rootLogger.factory({ level: 'error' }),
    ],
  });
  progress('backend started');
  try {
    const { port } = backend.server.address() as AddressInfo;
    const base = `http://127.0.0.1:${port}/api/kubernetes`;
    const objectsFor = async (service: string) => {
      const res = await httpRequest(`${base}/services/${service}`, {
        method: 'POST',
        body: { entity: component(service) },
        timeoutMs: 20_000,
      });
      return { status: res.status, body: res.json() };
    };
    const clusters = (await httpRequest(`${base}/clusters`)).json();
    const services: Record<string, unknown> = {};
    for (const service of SERVICES) {
      services[service] = await objectsFor(service);
      progress(`fetched ${service}`);
    }
    await sim.setFault('eks-staging-use1', 'error5xx:500');
    await sim.setFault('eks-development-use1', 'down');
    const withFaults = await objectsFor('task-runner');
    writeFileSync(output, JSON.stringify({ clusters, services, withFaults }));
    progress('done');
  } finally {
    await backend.stop();
    await sim.stop();
  }
}

main().then(
  () => process.exit(0),
  err => {
    process.stderr.write(`${err?.stack ?? err}\n`);
    process.exit(1);
  },
);

import { mockCredentials } from '@backstage/backend-test-utils';
import {
  ClusterSimulator,
  startClusterSimulator,
} from '@gatehouse/cluster-simulator';
import { clustersRoutes } from '@gatehouse/plugin-clusters-common';
import { routesMissingFromReadme, verifyContract } from '@gatehouse/test-utils';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { startClustersBackend } from './__testUtils__/startClustersBackend';

jest.setTimeout(60_000);

let sim: ClusterSimulator;

beforeAll(async () => {
  sim = await startClusterSimulator({ portBase: 0 });
});

afterAll(async () => {
  await sim?.stop();
});

describe('the clusters contract', () => {
  it('mounts every route of the map, and each answers as its type says', async () => {
    const { backend, server } = await startClustersBackend({
      clusters: sim.clusters,
      timeoutMs: 30_000,
    });
    try {
      const port = (server.address() as AddressInfo).port;
      const problems = await verifyContract({
        routes: clustersRoutes,
        typesEntry: require.resolve('@gatehouse/plugin-clusters-common'),
        baseUrl: `http://localhost:${port}/api/clusters`,
        headers: { authorization: mockCredentials.user.header() },
        calls: {
          dashboard: { query: { environment: 'production' } },
          entityHealth: {
            params: {
              kind: 'component',
              namespace: 'default',
              name: 'task-runner',
            },
          },
        },
      });
      expect(problems).toEqual([]);
    } finally {
      await backend.stop();
    }
  });

  it('is documented route by route in the README', () => {
    const readme = readFileSync(join(__dirname, '../README.md'), 'utf8');
    expect(routesMissingFromReadme(clustersRoutes, readme)).toEqual([]);
  });
});

import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { notificationService } from '@backstage/plugin-notifications-node';
import { costRoutes } from '@gatehouse/plugin-cost-common';
import {
  routesMissingFromReadme,
  verifyContract,
  withTestClock,
} from '@gatehouse/test-utils';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { SAMPLE_FILE } from './focus/__testUtils__/fixtures';
import { costPlugin } from './plugin';

jest.setTimeout(120_000);

const repo = join(__dirname, '../../..');
const read = (path: string) => readFileSync(join(repo, path), 'utf8');

const notificationsFactory = createServiceFactory({
  service: notificationService,
  deps: {},
  factory: () => ({ send: async () => {} }),
});

const ENTITY = 'component:default/task-runner';

/** A Deployment of two replicas asking 500m CPU and 1 GiB each. */
const deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'api', namespace: 'default' },
  spec: {
    replicas: 2,
    template: {
      spec: {
        containers: [
          {
            name: 'api',
            image: 'api:1',
            resources: { requests: { cpu: '500m', memory: '1Gi' } },
          },
        ],
      },
    },
  },
};

describe('the cost contract', () => {
  it('mounts every route of the map, and each answers as its type says', async () => {
    const billingDir = mkdtempSync(join(tmpdir(), 'cost-contract-'));
    copyFileSync(SAMPLE_FILE, join(billingDir, 'sample.csv'));
    const backend = await startTestBackend({
      features: [
        costPlugin,
        notificationsFactory,
        catalogServiceMock.factory({
          entities: [
            {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'Component',
              metadata: {
                name: 'task-runner',
                namespace: 'default',
                annotations: { 'gatehouse.io/monthly-budget-usd': '100' },
              },
              spec: {
                type: 'service',
                owner: 'team-agents',
                lifecycle: 'production',
              },
            },
          ],
        }),
        mockServices.rootConfig.factory({
          data: withTestClock({
            gatehouse: { cost: { ingestion: { locations: [billingDir] } } },
          }),
        }),
      ],
    });
    try {
      // Ingest first, so that spend, budgets and ingestions have content.
      const started = await request(backend.server).post(
        '/api/cost/ingestions',
      );
      const deadline = Date.now() + 90_000;
      for (;;) {
        const run = await request(backend.server).get(
          `/api/cost/ingestions/${started.body.id}`,
        );
        if (run.body.status === 'succeeded') break;
        if (run.body.status === 'failed' || Date.now() > deadline) {
          throw new Error(`ingestion ended ${run.body.status}`);
        }
        await new Promise(wake => setTimeout(wake, 100));
      }
      const saved = await request(backend.server)
        .post('/api/cost/estimates/infra-plan')
        .send({
          plan: read('examples/plans/task-runner/infra-plan.yaml'),
          entityRef: ENTITY,
        });
      expect(saved.status).toBe(201);

      const port = (backend.server.address() as AddressInfo).port;
      const range = { from: '2024-09-01', to: '2024-09-30' };
      const problems = await verifyContract({
        routes: costRoutes,
        typesEntry: require.resolve('@gatehouse/plugin-cost-common'),
        baseUrl: `http://localhost:${port}/api/cost`,
        headers: { authorization: mockCredentials.user.header() },
        calls: {
          totals: { query: range },
          timeseries: { query: { ...range, top: 3 } },
          movers: { query: { ...range, limit: 5 } },
          budgets: { query: {} },
          alerts: { query: {} },
          entitySummary: { query: { entityRef: ENTITY } },
          estimateTerraform: {
            body: {
              plan: read('plugins/cost-node/src/__fixtures__/plan-mixed.json'),
              save: false,
            },
            status: 200,
          },
          estimateKubernetes: {
            body: { objects: [deployment], nodeInstanceType: 'm6i.large' },
          },
          estimateInfraPlan: {
            body: {
              plan: read('examples/plans/task-runner/infra-plan.yaml'),
              environment: 'production',
              entityRef: ENTITY,
            },
          },
          listEstimates: { query: { entityRef: ENTITY } },
          getEstimate: { params: { id: saved.body.id } },
          accuracy: {
            query: {
              entityRef: ENTITY,
              environment: 'production',
              since: '2026-11-01',
              estimatedMonthly: 750,
            },
          },
          startIngestion: {},
          listIngestions: { query: { limit: 5 } },
          getIngestion: { params: { id: started.body.id } },
        },
      });
      expect(problems).toEqual([]);
    } finally {
      await backend.stop();
    }
  });

  it('is documented route by route in the README', () => {
    const readme = readFileSync(join(__dirname, '../README.md'), 'utf8');
    expect(routesMissingFromReadme(costRoutes, readme)).toEqual([]);
  });
});

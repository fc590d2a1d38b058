import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { infraPlansRoutes } from '@gatehouse/plugin-infra-plans-common';
import {
  routesMissingFromReadme,
  verifyContract,
  withTestClock,
} from '@gatehouse/test-utils';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { infraPlansPlugin } from './plugin';

jest.setTimeout(60_000);

const examplePlan = readFileSync(
  resolve(
    __dirname,
    '../../../examples/plans/orchestrator-api/infra-plan.yaml',
  ),
  'utf8',
);

describe('the infra-plans contract', () => {
  it('mounts every route of the map, and each answers as its type says', async () => {
    const repo = mkdtempSync(join(tmpdir(), 'infra-plans-contract-'));
    const catalogFile = join(repo, 'catalog-info.yaml');
    writeFileSync(join(repo, 'infra-plan.yaml'), examplePlan);
    const backend = await startTestBackend({
      features: [
        infraPlansPlugin,
        catalogServiceMock.factory({
          entities: [
            {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'Component',
              metadata: {
                name: 'orchestrator-api',
                namespace: 'default',
                annotations: {
                  'backstage.io/managed-by-location': `file:${catalogFile}`,
                  'gatehouse.io/infra-plan': './infra-plan.yaml',
                },
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
            catalog: { locations: [{ type: 'file', target: catalogFile }] },
          }),
        }),
      ],
    });
    try {
      const port = (backend.server.address() as AddressInfo).port;
      const entity = {
        kind: 'component',
        namespace: 'default',
        name: 'orchestrator-api',
      };
      const problems = await verifyContract({
        routes: infraPlansRoutes,
        typesEntry: require.resolve('@gatehouse/plugin-infra-plans-common'),
        baseUrl: `http://localhost:${port}/api/infra-plans`,
        headers: { authorization: mockCredentials.user.header() },
        calls: {
          validate: { body: { yaml: examplePlan } },
          getPlan: { params: entity },
          listRevisions: { params: entity },
          saveRevision: {
            params: entity,
            body: {
              yaml: examplePlan.replace('maxSize: 20', 'maxSize: 30'),
              message: 'room for the launch',
            },
          },
          getRevision: { params: { ...entity, revision: 2 } },
          diff: { params: entity, query: { from: 1, to: 2 } },
          document: {
            params: { ...entity, document: 'Infrastructure_Requirements.md' },
            query: {},
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
    expect(routesMissingFromReadme(infraPlansRoutes, readme)).toEqual([]);
  });
});

import { createBackend } from '@backstage/backend-defaults';
import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';

/*
 * The infra-plans backend alone, for working on it (`yarn start` in this
 * package). Requests need no sign-in (mock auth), and the catalog holds one
 * service whose plan is the repository's orchestrator-api example, so that
 *
 *   curl http://localhost:7007/api/infra-plans/entities/component/default/orchestrator-api/plan
 *
 * answers the plan; every route is listed in this package's README.
 */
const backend = createBackend();

backend.add(mockServices.auth.factory());
backend.add(mockServices.httpAuth.factory());
backend.add(
  catalogServiceMock.factory({
    entities: [
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: 'orchestrator-api',
          namespace: 'default',
          annotations: {
            'backstage.io/managed-by-location': `file:${require.resolve(
              '../../../examples/plans/orchestrator-api/infra-plan.yaml',
            )}`,
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
);

backend.add(import('../src'));

backend.start();

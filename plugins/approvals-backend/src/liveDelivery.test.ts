import { mockServices } from '@backstage/backend-test-utils';
import type { EntityWorkloadHealth } from '@gatehouse/plugin-clusters-common';
import { storageTestDatabases, TEST_NOW } from '@gatehouse/test-utils';
import {
  filesOnlyChange,
  startApprovalsBackend,
} from './__testUtils__/harness';
import { DeliveryService } from './delivery/DeliveryService';
import { carriersOf, LiveChecker } from './delivery/LiveChecker';
import { DatabaseApprovalsStore } from './store/DatabaseApprovalsStore';

jest.setTimeout(120_000);

const databases = storageTestDatabases();

/** The clusters backend's answer for orchestrator-api, with these workloads on one cluster. */
function healthWith(
  workloads: Array<{
    name: string;
    ready: number;
    desired: number;
    contentHash?: string;
  }>,
): EntityWorkloadHealth {
  return {
    entityRef: 'component:default/orchestrator-api',
    serviceId: 'orchestrator-api',
    namespace: 'orchestrator-api',
    status: 'healthy',
    clusters: [
      {
        name: 'eks-staging-use1',
        title: null,
        environment: 'staging',
        entityRef: 'resource:default/eks-staging-use1',
        status: 'ok',
        error: null,
        fetchedAt: TEST_NOW,
        health: {
          serviceId: 'orchestrator-api',
          entityRef: 'component:default/orchestrator-api',
          title: null,
          status: 'healthy',
          ready: 0,
          desired: 0,
          failingPods: [],
          hpasAtMaximum: [],
          workloads: workloads.map(w => ({
            kind: 'Rollout' as const,
            name: w.name,
            namespace: 'orchestrator-api',
            ready: w.ready,
            desired: w.desired,
            change: w.contentHash
              ? { requestId: 'any', contentHash: w.contentHash }
              : null,
          })),
        },
      },
    ],
  };
}

describe.each(databases.eachSupportedId())(
  'an applied change going live on %s',
  databaseId => {
    it('is live once every workload naming its hash is ready, and not before', async () => {
      const knex = await databases.init(databaseId);
      const h = await startApprovalsBackend({ knex });
      try {
        const submitted = (
          await h
            .request()
            .post('/api/approvals/requests')
            .set(h.as('user:default/bob'))
            .send(filesOnlyChange('staging'))
        ).body;
        await h
          .request()
          .post(`/api/approvals/requests/${submitted.id}/decisions`)
          .set(h.as('user:default/alice'))
          .send({ decision: 'approve', revisionHash: submitted.contentHash });
        await h
          .request()
          .post(`/api/approvals/requests/${submitted.id}/delivery`)
          .set(h.asService('external:ci'))
          .send({ step: 'applied', contentHash: submitted.contentHash });

        const store = await DatabaseApprovalsStore.create({
          database: mockServices.database({ knex }),
        });
        const logger = mockServices.logger.mock();
        const delivery = new DeliveryService({
          store,
          notifier: { deliveryStep: async () => {}, changed: async () => {} },
          clock: { now: () => new Date(TEST_NOW) },
          logger,
        });
        let health = healthWith([
          {
            name: 'api',
            ready: 2,
            desired: 3,
            contentHash: submitted.contentHash,
          },
          { name: 'worker', ready: 1, desired: 1 },
        ]);
        const asked: unknown[] = [];
        const live = new LiveChecker({
          store,
          delivery,
          discovery: mockServices.discovery(),
          auth: mockServices.auth(),
          logger,
          clusters: {
            entityHealth: async entity => {
              asked.push(entity);
              return health;
            },
          },
        });
        const state = async () =>
          (
            await h
              .request()
              .get(`/api/approvals/requests/${submitted.id}`)
              .set(h.as('user:default/bob'))
          ).body.delivery;

        // Rolling out: 2 of 3 ready.
        await live.checkAll();
        expect(asked).toEqual([
          { kind: 'component', namespace: 'default', name: 'orchestrator-api' },
        ]);
        expect((await state()).state).toBe('applied');

        health = healthWith([
          {
            name: 'api',
            ready: 3,
            desired: 3,
            contentHash: submitted.contentHash,
          },
          { name: 'worker', ready: 1, desired: 1 },
        ]);
        await live.checkAll();
        const reached = await state();
        expect(reached.state).toBe('live');
        expect(reached.events.at(-1)).toMatchObject({
          step: 'live',
          actor: 'gatehouse:cluster-watcher',
          detail: 'Rollout/api on eks-staging-use1: 3 of 3 ready',
        });
        // Live requests are not looked at again.
        asked.length = 0;
        await live.checkAll();
        expect(asked).toEqual([]);
      } finally {
        await h.backend.stop();
      }
    });
  },
);

describe('the workloads that carry a change', () => {
  it('are those whose manifest names its content hash, on every cluster', () => {
    const hash = 'f'.repeat(64);
    expect(
      carriersOf(
        healthWith([
          { name: 'api', ready: 1, desired: 2, contentHash: hash },
          { name: 'old', ready: 1, desired: 1, contentHash: 'a'.repeat(64) },
          { name: 'plain', ready: 1, desired: 1 },
        ]),
        hash,
      ),
    ).toEqual([
      {
        cluster: 'eks-staging-use1',
        kind: 'Rollout',
        name: 'api',
        ready: 1,
        desired: 2,
      },
    ]);
  });
});

import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabaseId,
} from '@backstage/backend-test-utils';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { notificationService } from '@backstage/plugin-notifications-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { storageTestDatabases } from '@gatehouse/test-utils';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { readInfraPlan } from '@gatehouse/plugin-cost-node';
import { costPlugin } from './plugin';
import { DatabaseCostStore } from './store/DatabaseCostStore';
import { daysOf } from './store/dayRanges';
import { withTestClock } from '@gatehouse/test-utils';
import { TEST_NOW } from '@gatehouse/test-utils';

jest.setTimeout(60_000);

const databases = storageTestDatabases();

const planText = readFileSync(
  join(__dirname, '../../../examples/plans/task-runner/infra-plan.yaml'),
  'utf8',
);
const ENTITY = 'component:default/task-runner';

const notificationsFactory = createServiceFactory({
  service: notificationService,
  deps: {},
  factory: () => ({ send: async () => {} }),
});

/** Daily spend of task-runner in production: 20 a day in March, 26 from 11 April. */
function billing() {
  const line = (day: string, cost: number) => ({
    sourceFile: 'billing.csv',
    day,
    provider: 'AWS',
    service: 'task-runner',
    team: 'team-agents',
    environment: 'production',
    serviceCategory: 'Compute',
    chargeCategory: 'Usage',
    currency: 'USD',
    billedCost: cost,
    effectiveCost: cost,
    listCost: null,
    rowCount: 1,
  });
  return [
    ...daysOf({ from: '2026-03-01', to: '2026-04-09' }).map(d => line(d, 20)),
    line('2026-04-10', 23),
    ...daysOf({ from: '2026-04-11', to: '2026-04-30' }).map(d => line(d, 26)),
  ];
}

async function startOn(databaseId: TestDatabaseId, allow = true) {
  const knex = await databases.init(databaseId);
  // Billing data stored the way ingestion stores it, before the plugin starts.
  const store = await DatabaseCostStore.create({
    database: mockServices.database({ knex, migrations: { skip: false } }),
  });
  const aggregates = billing();
  await store.replaceFile({
    source: 'billing',
    path: 'billing.csv',
    sha256: 'sha',
    size: 1,
    rowsRead: aggregates.length,
    rowsRejected: 0,
    rowsUnattributed: 0,
    aggregates,
  });
  return startTestBackend({
    features: [
      costPlugin,
      notificationsFactory,
      catalogServiceMock.factory({ entities: [] }),
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({
        data: withTestClock({
          gatehouse: { cost: { accuracy: { settleAfter: '7d' } } },
        }),
      }),
      ...(allow
        ? []
        : [mockServices.permissions.factory({ result: AuthorizeResult.DENY })]),
    ],
  });
}

describe.each(databases.eachSupportedId())(
  'infrastructure plan estimates and accuracy over HTTP on %s',
  databaseId => {
    it('estimates an environment of a YAML plan, keeps it and lists it on the service', async () => {
      const backend = await startOn(databaseId);
      try {
        const created = await request(backend.server)
          .post('/api/cost/estimates/infra-plan')
          .send({
            plan: planText,
            environment: 'development',
            entityRef: ENTITY,
          });
        expect(created.status).toBe(201);
        // EKS 73 + NAT gateway with its address and 100 GB 41 + two t3.small
        // nodes with root volumes 34.368 + the bucket's default usage 2.39.
        expect(created.body).toMatchObject({
          kind: 'infra-plan',
          entityRef: ENTITY,
          environment: 'development',
          createdBy: 'user:default/mock',
          monthlyBefore: 0,
          monthlyAfter: 150.758,
          monthlyDelta: 150.758,
          // Built but billed by usage the plan gives no volume for: the
          // control-plane log group, the queue and its dead-letter queue.
          unpricedCount: 3,
        });
        expect(created.body.result.infraPlan.environments).toEqual([
          expect.objectContaining({ name: 'development', budgetMonthly: 300 }),
        ]);
        expect(created.body.result.unpriced).toEqual([
          expect.objectContaining({
            address: 'module.development.aws_cloudwatch_log_group.cluster',
            reason: expect.stringContaining('CloudWatch Logs is billed per GB'),
          }),
          expect.objectContaining({
            address:
              'module.development.aws_sqs_queue.dead_letter["task-queue"]',
            reason: expect.stringContaining('SQS is billed per million'),
          }),
          expect.objectContaining({
            address: 'module.development.aws_sqs_queue.queue["task-queue"]',
            reason: expect.stringContaining('SQS is billed per million'),
          }),
        ]);

        const listed = await request(backend.server).get(
          `/api/cost/estimates?entityRef=${ENTITY}`,
        );
        expect(listed.body.estimates).toEqual([
          expect.objectContaining({ id: created.body.id, kind: 'infra-plan' }),
        ]);
        const kept = await request(backend.server).get(
          `/api/cost/estimates/${created.body.id}`,
        );
        expect(kept.body.result.infraPlan.workloads[0]).toMatchObject({
          environment: 'development',
          nodeGroup: 'general',
        });
      } finally {
        await backend.stop();
      }
    });

    it('compares with the prior revision given as an object, without keeping it when asked', async () => {
      const backend = await startOn(databaseId);
      try {
        const prior = readInfraPlan(planText, '', { asOf: new Date(TEST_NOW) });
        const proposed = readInfraPlan(planText, '', {
          asOf: new Date(TEST_NOW),
        });
        proposed.metadata.revision = 2;
        proposed.spec.environments.development.compute.nodeGroups[0].desiredSize = 3;
        const answer = await request(backend.server)
          .post('/api/cost/estimates/infra-plan')
          .send({
            plan: proposed,
            priorPlan: prior,
            environment: 'development',
            save: false,
          });
        expect(answer.status).toBe(200);
        // One more t3.small node (15.184) with its 20 GB gp2 root volume (2).
        expect(answer.body).toMatchObject({
          monthlyBefore: 150.758,
          monthlyAfter: 167.942,
          monthlyDelta: 17.184,
        });
        expect(answer.body.result.infraPlan).toMatchObject({
          revision: 2,
          priorRevision: 1,
          environments: [expect.objectContaining({ change: 'changed' })],
        });
        const listed = await request(backend.server).get('/api/cost/estimates');
        expect(listed.body.estimates).toEqual([]);
      } finally {
        await backend.stop();
      }
    });

    it('answers an invalid plan with a 400 carrying its located issues', async () => {
      const backend = await startOn(databaseId);
      try {
        const broken = await request(backend.server)
          .post('/api/cost/estimates/infra-plan')
          .send({
            plan: planText.replace('maxSize: 3', 'maxSize: lots'),
            entityRef: ENTITY,
          });
        expect(broken.status).toBe(400);
        expect(broken.body.error.name).toBe('InputError');
        expect(broken.body.error.message).toMatch(
          /^Invalid infrastructure plan: 1 error: \d+:\d+ spec\.environments\.development\.compute\.nodeGroups\[0\]\.maxSize: /,
        );
        expect(broken.body.error.input).toBe('plan');
        expect(broken.body.error.issues).toEqual([
          expect.objectContaining({
            path: 'spec.environments.development.compute.nodeGroups[0].maxSize',
            line: planText.split('\n').indexOf('            maxSize: 3') + 1,
            severity: 'error',
          }),
        ]);

        const badPrior = await request(backend.server)
          .post('/api/cost/estimates/infra-plan')
          .send({ plan: planText, priorPlan: { kind: 'Something' } });
        expect(badPrior.status).toBe(400);
        expect(badPrior.body.error.input).toBe('priorPlan');
        expect(badPrior.body.error.message).toContain(
          'Invalid infrastructure plan (priorPlan)',
        );

        const unknownEnvironment = await request(backend.server)
          .post('/api/cost/estimates/infra-plan')
          .send({ plan: planText, environment: 'qa' });
        expect(unknownEnvironment.status).toBe(400);
        expect(unknownEnvironment.body.error.message).toContain(
          'Environment "qa" is not in the plan',
        );

        const noPlan = await request(backend.server)
          .post('/api/cost/estimates/infra-plan')
          .send({ environment: 'development' });
        expect(noPlan.status).toBe(400);
        expect(noPlan.body.error.message).toMatch(/^Invalid body: plan: /);

        const listed = await request(backend.server).get('/api/cost/estimates');
        expect(listed.body.estimates).toEqual([]);
      } finally {
        await backend.stop();
      }
    });

    it('compares an approved estimate with the spend before and after approval', async () => {
      const backend = await startOn(databaseId);
      try {
        const answer = await request(backend.server)
          .get('/api/cost/accuracy')
          .query({
            entityRef: ENTITY,
            environment: 'production',
            since: '2026-04-10T09:30:00Z',
            estimatedMonthly: 750,
            estimatedDelta: 150,
          });
        expect(answer.status).toBe(200);
        // After: 11–30 April, 20 days at 26 = 790.83 a month; before: the 20
        // days to 9 April at 20 = 608.33 a month; the change 182.5.
        const month = 730 / 24;
        expect(answer.body).toMatchObject({
          status: 'settled',
          approvedOn: '2026-04-10',
          settlesOn: '2026-04-17',
          after: { from: '2026-04-11', to: '2026-04-30', days: 20, total: 520 },
          before: {
            from: '2026-03-21',
            to: '2026-04-09',
            days: 20,
            total: 400,
          },
        });
        expect(answer.body.actual.monthly).toBeCloseTo(26 * month, 5);
        expect(answer.body.actual.delta).toBeCloseTo(6 * month, 5);
        expect(answer.body.error.monthly.difference).toBeCloseTo(
          750 - 26 * month,
          5,
        );
        expect(answer.body.error.monthly.percent).toBeCloseTo(
          ((750 - 26 * month) / (26 * month)) * 100,
          5,
        );
        expect(answer.body.error.delta.percent).toBeCloseTo(
          ((150 - 6 * month) / (6 * month)) * 100,
          5,
        );

        const settling = await request(backend.server)
          .get('/api/cost/accuracy')
          .query({
            entityRef: ENTITY,
            environment: 'production',
            since: '2026-04-28',
            estimatedMonthly: 750,
          });
        expect(settling.body).toMatchObject({
          status: 'settling',
          settlesOn: '2026-05-05',
          dataUpTo: '2026-04-30',
          error: null,
        });

        const bad = await request(backend.server)
          .get('/api/cost/accuracy')
          .query({
            entityRef: 'task-runner',
            environment: 'production',
            since: 'yesterday',
            estimatedMonthly: 'lots',
          });
        expect(bad.status).toBe(400);
        expect(bad.body.error.message).toContain(
          'entityRef: must be a full entity ref',
        );
        expect(bad.body.error.message).toContain('since: must be a day');
        expect(bad.body.error.message).toContain('estimatedMonthly');
      } finally {
        await backend.stop();
      }
    });

    it('requires the permissions and a signed-in caller', async () => {
      const backend = await startOn(databaseId, false);
      try {
        const estimate = await request(backend.server)
          .post('/api/cost/estimates/infra-plan')
          .send({ plan: planText });
        expect(estimate.status).toBe(403);
        const accuracy = await request(backend.server)
          .get('/api/cost/accuracy')
          .query({
            entityRef: ENTITY,
            environment: 'production',
            since: '2026-04-10',
            estimatedMonthly: 1,
          });
        expect(accuracy.status).toBe(403);
        const anonymous = await request(backend.server)
          .post('/api/cost/estimates/infra-plan')
          .set('authorization', mockCredentials.none.header())
          .send({ plan: planText });
        expect(anonymous.status).toBe(401);
      } finally {
        await backend.stop();
      }
    });
  },
);

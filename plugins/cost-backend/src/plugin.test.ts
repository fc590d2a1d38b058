import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { notificationService } from '@backstage/plugin-notifications-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  mkdtempSync,
  writeFileSync,
  copyFileSync,
  readFileSync,
} from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { costPlugin } from './plugin';
import { SAMPLE_FILE } from './focus/__testUtils__/fixtures';
import { withTestClock } from '@gatehouse/test-utils';

jest.setTimeout(60_000);

const sentNotifications: any[] = [];
const notificationsFactory = createServiceFactory({
  service: notificationService,
  deps: {},
  factory: () => ({
    send: async (options: any) => {
      sentNotifications.push(options);
    },
  }),
});

const services = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'orchestrator-api',
      namespace: 'default',
      annotations: { 'gatehouse.io/monthly-budget-usd': '100' },
    },
    spec: { type: 'service', owner: 'team-agents', lifecycle: 'production' },
  },
];

async function startCostBackend(options: {
  billingDir: string;
  allow?: boolean;
}) {
  return startTestBackend({
    features: [
      costPlugin,
      notificationsFactory,
      catalogServiceMock.factory({ entities: services }),
      mockServices.rootConfig.factory({
        data: withTestClock({
          gatehouse: {
            cost: { ingestion: { locations: [options.billingDir] } },
          },
        }),
      }),
      ...(options.allow === false
        ? [mockServices.permissions.factory({ result: AuthorizeResult.DENY })]
        : []),
    ],
  });
}

async function waitForRun(server: any, id: string) {
  const deadline = Date.now() + 45_000;
  for (;;) {
    const { body } = await request(server).get(`/api/cost/ingestions/${id}`);
    if (body.status === 'succeeded' || body.status === 'failed') return body;
    if (Date.now() > deadline)
      throw new Error(`ingestion ${id} still ${body.status}`);
    await new Promise(wake => setTimeout(wake, 200));
  }
}

describe('the cost backend over HTTP', () => {
  it('ingests a billing folder on demand, with progress, and serves the spend', async () => {
    const billingDir = mkdtempSync(join(tmpdir(), 'cost-billing-'));
    copyFileSync(SAMPLE_FILE, join(billingDir, 'sample.csv'));
    const backend = await startCostBackend({ billingDir });
    try {
      const started = await request(backend.server).post(
        '/api/cost/ingestions',
      );
      expect(started.status).toBe(202);
      expect(started.body).toMatchObject({
        status: 'queued',
        trigger: 'manual',
      });
      const run = await waitForRun(backend.server, started.body.id);
      expect(run).toMatchObject({
        status: 'succeeded',
        filesTotal: 1,
        filesDone: 1,
        rowsRead: 1000,
        rowsRejected: 0,
      });

      // The sample is September 2024. Its EffectiveCost, added up straight from the file:
      const records: Record<string, string>[] = parseCsv(
        readFileSync(SAMPLE_FILE),
        { columns: true },
      );
      const fileTotal = records
        .filter(r => r.ChargePeriodStart.startsWith('2024-09'))
        .reduce((sum, r) => sum + Number(r.EffectiveCost), 0);
      const totals = await request(backend.server).get(
        '/api/cost/spend/totals?from=2024-09-01&to=2024-09-30&groupBy=service',
      );
      expect(totals.status).toBe(200);
      expect(totals.body.total).toBeCloseTo(fileTotal, 6);
      const groupSum = totals.body.groups.reduce(
        (sum: number, g: any) => sum + g.cost,
        0,
      );
      expect(groupSum).toBeCloseTo(fileTotal, 6);
      // Most of the sample carries no service tag: it is shown as unattributed, not dropped.
      expect(totals.body.groups.find((g: any) => g.key === null).cost).toBe(
        totals.body.unattributed,
      );

      // The same folder again: nothing changes, nothing is counted twice.
      const again = await request(backend.server).post('/api/cost/ingestions');
      const second = await waitForRun(backend.server, again.body.id);
      expect(second).toMatchObject({
        status: 'succeeded',
        filesDone: 0,
        filesSkipped: 1,
      });
      const totalsAgain = await request(backend.server).get(
        '/api/cost/spend/totals?from=2024-09-01&to=2024-09-30&groupBy=service',
      );
      expect(totalsAgain.body.total).toBeCloseTo(totals.body.total, 9);

      const listing = await request(backend.server).get('/api/cost/ingestions');
      expect(listing.body.files).toEqual([
        expect.objectContaining({
          path: 'sample.csv',
          rowsRead: 1000,
          firstDay: '2024-09-01',
        }),
      ]);
    } finally {
      await backend.stop();
    }
  });

  it('keeps the previous data when a file turns bad, and says why', async () => {
    const billingDir = mkdtempSync(join(tmpdir(), 'cost-billing-'));
    writeFileSync(join(billingDir, 'broken.csv'), 'just,some,columns\n1,2,3\n');
    const backend = await startCostBackend({ billingDir });
    try {
      const started = await request(backend.server).post(
        '/api/cost/ingestions',
      );
      const run = await waitForRun(backend.server, started.body.id);
      expect(run.status).toBe('failed');
      expect(run.message).toMatch(/broken\.csv/);
      expect(run.message).toMatch(/BilledCost/);
    } finally {
      await backend.stop();
    }
  });

  it('answers bad input with a 400 that says what is wrong', async () => {
    const backend = await startCostBackend({ billingDir: tmpdir() });
    try {
      const badRange = await request(backend.server).get(
        '/api/cost/spend/totals?from=2026-05-01&to=2026-04-01',
      );
      expect(badRange.status).toBe(400);
      expect(badRange.body.error.message).toContain(
        'from must not be after to',
      );
      const badDay = await request(backend.server).get(
        '/api/cost/spend/totals?from=2026-13-01&to=2026-14-01',
      );
      expect(badDay.status).toBe(400);
      expect(badDay.body.error.message).toMatch(/from: .*day/);
      const badDimension = await request(backend.server).get(
        '/api/cost/spend/timeseries?from=2026-01-01&to=2026-01-31&groupBy=planet',
      );
      expect(badDimension.status).toBe(400);
      expect(badDimension.body.error.message).toContain('groupBy');

      const notJson = await request(backend.server)
        .post('/api/cost/estimates/terraform')
        .send({ plan: '{"format_version": "1.2", ' });
      expect(notJson.status).toBe(400);
      expect(notJson.body.error.message).toContain(
        'The plan is not valid JSON',
      );
      const notAPlan = await request(backend.server)
        .post('/api/cost/estimates/terraform')
        .send({ plan: { format_version: '1.2', resource_changes: 'nope' } });
      expect(notAPlan.status).toBe(400);
      expect(notAPlan.body.error.message).toContain('resource_changes');
      expect(
        (await request(backend.server).get('/api/cost/estimates')).body
          .estimates,
      ).toEqual([]);
    } finally {
      await backend.stop();
    }
  });

  it('refuses plans over 50 MB with 413', async () => {
    const backend = await startCostBackend({ billingDir: tmpdir() });
    try {
      const huge = JSON.stringify({
        plan: { padding: 'x'.repeat(51 * 1024 * 1024) },
      });
      const response = await request(backend.server)
        .post('/api/cost/estimates/terraform')
        .set('content-type', 'application/json')
        .send(huge);
      expect(response.status).toBe(413);
    } finally {
      await backend.stop();
    }
  });

  it('estimates a plan for a service and lists it on the service', async () => {
    const backend = await startCostBackend({ billingDir: tmpdir() });
    try {
      const plan = {
        format_version: '1.2',
        terraform_version: '1.9.0',
        resource_changes: [
          {
            address: 'aws_instance.web',
            mode: 'managed',
            type: 'aws_instance',
            name: 'web',
            provider_name: 'registry.terraform.io/hashicorp/aws',
            change: {
              actions: ['create'],
              before: null,
              after: { instance_type: 't3.medium' },
              after_unknown: { id: true },
            },
          },
        ],
      };
      const created = await request(backend.server)
        .post('/api/cost/estimates/terraform')
        .send({
          plan,
          entityRef: 'component:default/orchestrator-api',
          environment: 'staging',
        });
      expect(created.status).toBe(201);
      // 0.0416 USD/hour × 730 hours, plus the default root volume if any.
      expect(created.body.monthlyBefore).toBe(0);
      expect(created.body.monthlyAfter).toBeGreaterThanOrEqual(30.368);
      const listed = await request(backend.server).get(
        '/api/cost/estimates?entityRef=component:default/orchestrator-api',
      );
      expect(listed.body.estimates).toEqual([
        expect.objectContaining({
          id: created.body.id,
          environment: 'staging',
          createdBy: 'user:default/mock',
        }),
      ]);
    } finally {
      await backend.stop();
    }
  });

  it('requires a signed-in caller and the permission', async () => {
    const denied = await startCostBackend({
      billingDir: tmpdir(),
      allow: false,
    });
    try {
      const response = await request(denied.server).get(
        '/api/cost/spend/totals?from=2026-01-01&to=2026-01-31',
      );
      expect(response.status).toBe(403);
      const ingest = await request(denied.server).post('/api/cost/ingestions');
      expect(ingest.status).toBe(403);
      const anonymous = await request(denied.server)
        .get('/api/cost/alerts')
        .set('authorization', mockCredentials.none.header());
      expect(anonymous.status).toBe(401);
    } finally {
      await denied.stop();
    }
  });
});

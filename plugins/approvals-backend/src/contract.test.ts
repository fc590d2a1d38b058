import {
  approvalsRoutes,
  approvalsWebhookRoutes,
} from '@gatehouse/plugin-approvals-common';
import costPlugin from '@gatehouse/plugin-cost-backend';
import { routesMissingFromReadme, verifyContract } from '@gatehouse/test-utils';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import {
  filesOnlyChange,
  startApprovalsBackend,
} from './__testUtils__/harness';
import { smallInstancePlan } from './__testUtils__/terraformPlans';

jest.setTimeout(120_000);

describe('the approvals contract', () => {
  let h: Awaited<ReturnType<typeof startApprovalsBackend>>;
  beforeAll(async () => {
    h = await startApprovalsBackend({ extraFeatures: [costPlugin] });
  });
  afterAll(() => h.backend.stop());

  it('mounts every route of the map, and each answers as its type says', async () => {
    const bob = h.as('user:default/bob');
    // A pending staging change with a Terraform plan, and a development
    // change that carries an infrastructure plan.
    const planned = await h
      .request()
      .post('/api/approvals/requests')
      .set(bob)
      .send(filesOnlyChange('staging', { plan: smallInstancePlan }));
    expect(planned.status).toBe(201);
    const infra = await h
      .request()
      .post('/api/approvals/requests')
      .set(bob)
      .send({
        title: 'task-runner as planned',
        entityRef: 'component:default/task-runner',
        environment: 'development',
        infraPlan: {
          plan: readFileSync(
            join(
              __dirname,
              '../../../examples/plans/task-runner/infra-plan.yaml',
            ),
            'utf8',
          ),
        },
        notes: {
          rollbackPlan: 'Apply the prior plan.',
          testPlan: 'Smoke test.',
        },
      });
    expect(infra.status).toBe(201);

    const port = (h.server.address() as AddressInfo).port;
    const problems = await verifyContract({
      routes: approvalsRoutes,
      typesEntry: require.resolve('@gatehouse/plugin-approvals-common'),
      baseUrl: `http://localhost:${port}/api/approvals`,
      headers: bob,
      calls: {
        submit: { body: filesOnlyChange('production') },
        list: { query: { view: 'mine', limit: 5 } },
        counts: {},
        get: { params: { id: planned.body.id } },
        terraformPlan: { params: { id: planned.body.id, revision: 1 } },
        infraPlan: { params: { id: infra.body.id, revision: 1 } },
        decide: {
          params: { id: planned.body.id },
          body: {
            decision: 'approve',
            comment: 'Looks right.',
            revisionHash: planned.body.contentHash,
          },
          headers: h.as('user:default/alice'),
        },
        gate: { params: { id: planned.body.id }, query: {} },
        // After the decision above: the staging change is approved.
        reportDelivery: {
          params: { id: planned.body.id },
          body: {
            step: 'proposed',
            contentHash: planned.body.contentHash,
            link: 'https://git.example.com/shop/pull/1',
          },
        },
        unapprovedChanges: { query: {} },
      },
    });
    expect(problems).toEqual([]);
  });

  it('is documented route by route in the README', () => {
    const readme = readFileSync(join(__dirname, '../README.md'), 'utf8');
    expect(routesMissingFromReadme(approvalsRoutes, readme)).toEqual([]);
    expect(routesMissingFromReadme(approvalsWebhookRoutes, readme)).toEqual([]);
  });
});

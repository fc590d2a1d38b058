import { mockCredentials } from '@backstage/backend-test-utils';
import costPlugin from '@gatehouse/plugin-cost-backend';
import knexFactory from 'knex';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  filesOnlyChange,
  startApprovalsBackend,
} from './__testUtils__/harness';
import { smallInstancePlan } from './__testUtils__/terraformPlans';

jest.setTimeout(60_000);

describe('the approvals backend over HTTP', () => {
  let h: Awaited<ReturnType<typeof startApprovalsBackend>>;
  beforeAll(async () => {
    h = await startApprovalsBackend({ extraFeatures: [costPlugin] });
  });
  afterAll(() => h.backend.stop());

  it('holds a staging change until an eligible person other than the submitter approves that exact revision', async () => {
    const submitted = await h
      .request()
      .post('/api/approvals/requests')
      .set(h.as('user:default/bob'))
      .send(filesOnlyChange('staging'));
    expect(submitted.status).toBe(201);
    const request = submitted.body;
    expect(request).toMatchObject({
      status: 'pending',
      submitter: 'user:default/bob',
      submitterKind: 'user',
      revision: 1,
      policySummary: '0 of 1; needs team-agents or platform-approvers',
    });
    expect(request.current.files[0]).toMatchObject({
      path: 'k8s/deployment.yaml',
      status: 'modified',
    });
    expect(request.current.files[0].diff).toContain('+replicas: 5');
    expect(h.recorded.notifications[0]).toMatchObject({
      recipients: {
        type: 'entity',
        entityRef: [
          'group:default/team-agents',
          'group:default/platform-approvers',
        ],
      },
      payload: {
        title: 'Approval needed: Raise API replicas in staging',
        scope: `approval-request:${request.id}`,
      },
    });

    const decide = (user: string, body: object) =>
      h
        .request()
        .post(`/api/approvals/requests/${request.id}/decisions`)
        .set(h.as(user))
        .send(body);
    const approve = {
      decision: 'approve',
      comment: 'looks fine',
      revisionHash: request.contentHash,
    };

    const own = await decide('user:default/bob', approve);
    expect(own.status).toBe(403);
    expect(own.body.error.message).toContain('your own approval never counts');
    const outsider = await decide('user:default/erin', approve);
    expect(outsider.status).toBe(403);
    expect(outsider.body.error.message).toBe(
      'Only members of team-agents, platform-approvers decide on this request',
    );
    const service = await h
      .request()
      .post(`/api/approvals/requests/${request.id}/decisions`)
      .set(h.asService('external:ci'))
      .send(approve);
    expect(service.status).toBe(403);
    const stale = await decide('user:default/alice', {
      ...approve,
      revisionHash: 'a'.repeat(64),
    });
    expect(stale.status).toBe(409);
    const badHash = await decide('user:default/alice', {
      ...approve,
      revisionHash: 'nope',
    });
    expect(badHash.status).toBe(400);
    expect(badHash.body.error.message).toContain('revisionHash');

    const approved = await decide('user:default/alice', approve);
    expect(approved.status).toBe(201);
    expect(approved.body).toMatchObject({
      status: 'approved',
      viewer: { canDecide: false },
    });
    expect(
      approved.body.audit.map((a: any) => [a.action, a.actor, a.statusAfter]),
    ).toEqual([
      ['submitted', 'user:default/bob', 'pending'],
      ['approve', 'user:default/alice', 'approved'],
      ['approved', 'policy', 'approved'],
    ]);
    expect(
      approved.body.audit.every(
        (a: any) => a.contentHash === request.contentHash,
      ),
    ).toBe(true);
    // Once approved nothing more can be decided.
    expect((await decide('user:default/dave', approve)).status).toBe(409);

    expect(h.recorded.notifications.at(-1)).toMatchObject({
      recipients: { type: 'entity', entityRef: 'user:default/bob' },
      payload: {
        title: 'Your change request Raise API replicas in staging is approved',
      },
    });
    expect(h.recorded.signals.map(s => s.channel)).toContain(
      `gatehouse:approvals:request:${request.id}`,
    );

    const gate = await h
      .request()
      .get(
        `/api/approvals/requests/${request.id}/gate?hash=${request.contentHash}`,
      )
      .set(h.asService('external:ci'));
    expect(gate.body).toMatchObject({ approved: true, status: 'approved' });
    const otherHash = await h
      .request()
      .get(`/api/approvals/requests/${request.id}/gate?hash=${'b'.repeat(64)}`)
      .set(h.asService('external:ci'));
    expect(otherHash.body.approved).toBe(false);
  });

  it('approves a small low-risk development plan automatically, with its estimate, and starts the follow-up', async () => {
    const response = await h
      .request()
      .post('/api/approvals/requests')
      .set(h.as('user:default/bob'))
      .send({
        ...filesOnlyChange('development'),
        files: undefined,
        plan: smallInstancePlan,
        followUp: {
          templateRef: 'template:default/apply-environment',
          values: { environment: 'development' },
        },
      });
    expect(response.status).toBe(201);
    expect(response.body.status).toBe('auto-approved');
    // t3.micro: 0.0104 USD/hour × 730 hours, and its 8 GB gp3 root volume.
    expect(response.body.current.estimate.totals.monthlyBefore).toBe(0);
    expect(response.body.costDelta).toBeGreaterThan(7.59);
    expect(response.body.costDelta).toBeLessThan(100);
    expect(response.body.current.estimateId).toMatch(/[0-9a-f-]{36}/);
    // The follow-up gets the approved values and the request that allowed them.
    expect(h.recorded.scaffolded.at(-1)).toEqual({
      templateRef: 'template:default/apply-environment',
      values: {
        environment: 'development',
        approval: {
          requestId: response.body.id,
          contentHash: response.body.contentHash,
        },
      },
    });
    const again = await h
      .request()
      .get(`/api/approvals/requests/${response.body.id}`)
      .set(h.as('user:default/alice'));
    expect(again.body.audit.map((a: any) => a.action)).toEqual([
      'submitted',
      'auto-approved',
      'follow-up-started',
    ]);
    expect(again.body.followUp.taskId).toMatch(/^task-/);
  });

  it('binds approvals to a revision: a resubmission resets them and decisions on the old one are refused', async () => {
    const first = (
      await h
        .request()
        .post('/api/approvals/requests')
        .set(h.as('user:default/bob'))
        .send(filesOnlyChange('production'))
    ).body;
    expect(first.policySummary).toContain('0 of 2');
    const ok = await h
      .request()
      .post(`/api/approvals/requests/${first.id}/decisions`)
      .set(h.as('user:default/alice'))
      .send({ decision: 'approve', revisionHash: first.contentHash });
    expect(ok.body.policySummary).toBe(
      '1 of 2; needs 1 more from team-agents, platform-approvers or sre',
    );
    const second = await h
      .request()
      .post('/api/approvals/requests')
      .set(h.as('user:default/bob'))
      .send(
        filesOnlyChange('production', {
          requestId: first.id,
          files: [
            {
              path: 'k8s/deployment.yaml',
              content: 'replicas: 6\n',
              previousContent: 'replicas: 3\n',
            },
          ],
        }),
      );
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({
      id: first.id,
      revision: 2,
      status: 'pending',
    });
    expect(second.body.contentHash).not.toBe(first.contentHash);
    expect(
      second.body.policy.requirements.every(
        (r: any) => r.approvedBy.length === 0,
      ),
    ).toBe(true);
    const onOld = await h
      .request()
      .post(`/api/approvals/requests/${first.id}/decisions`)
      .set(h.as('user:default/dave'))
      .send({ decision: 'approve', revisionHash: first.contentHash });
    expect(onOld.status).toBe(409);
    expect(onOld.body.error.message).toContain('superseded');
  });

  it('refuses malformed input with the reason and stores nothing', async () => {
    const before = (
      await h
        .request()
        .get('/api/approvals/requests')
        .set(h.as('user:default/alice'))
    ).body.total;
    const badPlan = await h
      .request()
      .post('/api/approvals/requests')
      .set(h.as('user:default/bob'))
      .send({
        ...filesOnlyChange('staging'),
        files: undefined,
        plan: '{"format_version": "1.2", "resource_changes": [',
      });
    expect(badPlan.status).toBe(400);
    expect(badPlan.body.error.message).toContain('The plan is not valid JSON');
    const noRollback = await h
      .request()
      .post('/api/approvals/requests')
      .set(h.as('user:default/bob'))
      .send({
        ...filesOnlyChange('staging'),
        notes: { rollbackPlan: '', testPlan: 'x' },
      });
    expect(noRollback.status).toBe(400);
    expect(noRollback.body.error.message).toContain(
      'notes.rollbackPlan: a rollback plan is required',
    );
    const unknownEntity = await h
      .request()
      .post('/api/approvals/requests')
      .set(h.as('user:default/bob'))
      .send({
        ...filesOnlyChange('staging'),
        entityRef: 'component:default/nope',
      });
    expect(unknownEntity.status).toBe(400);
    const huge = await h
      .request()
      .post('/api/approvals/requests')
      .set(h.as('user:default/bob'))
      .set('content-type', 'application/json')
      .send(
        JSON.stringify({
          ...filesOnlyChange('staging'),
          plan: { pad: 'x'.repeat(51 * 1024 * 1024) },
        }),
      );
    expect(huge.status).toBe(413);
    expect(
      (
        await h
          .request()
          .get('/api/approvals/requests')
          .set(h.as('user:default/alice'))
      ).body.total,
    ).toBe(before);
  });

  it('lets pipelines submit and read with a service token', async () => {
    const submitted = await h
      .request()
      .post('/api/approvals/requests')
      .set(h.asService('external:ci'))
      .send(filesOnlyChange('staging'));
    expect(submitted.status).toBe(201);
    expect(submitted.body).toMatchObject({
      submitter: 'service:external:ci',
      submitterKind: 'pipeline',
    });
    const read = await h
      .request()
      .get(`/api/approvals/requests/${submitted.body.id}`)
      .set(h.asService('external:ci'));
    expect(read.status).toBe(200);
  });

  it('shows each person what waits for them, oldest urgent first', async () => {
    const waiting = await h
      .request()
      .get('/api/approvals/requests?view=waiting&status=open')
      .set(h.as('user:default/dave'));
    expect(waiting.status).toBe(200);
    expect(waiting.body.items.length).toBeGreaterThan(0);
    expect(
      waiting.body.items.every(
        (r: any) =>
          r.status === 'pending' && r.submitter !== 'user:default/dave',
      ),
    ).toBe(true);
    const risks = waiting.body.items.map(
      (r: any) => ({ low: 0, medium: 1, high: 2 }[r.riskLevel as 'low']),
    );
    expect([...risks].sort((a, b) => b - a)).toEqual(risks);
    const counts = await h
      .request()
      .get('/api/approvals/requests/counts')
      .set(h.as('user:default/dave'));
    expect(counts.body.waitingForMe).toBe(waiting.body.total);
    const erin = await h
      .request()
      .get('/api/approvals/requests/counts')
      .set(h.as('user:default/erin'));
    expect(erin.body.waitingForMe).toBe(0);
    const bad = await h
      .request()
      .get('/api/approvals/requests?view=everything')
      .set(h.as('user:default/dave'));
    expect(bad.status).toBe(400);
  });

  it('answers a poll that already has the answer with 304 until something changes', async () => {
    const first = await h
      .request()
      .get('/api/approvals/requests/counts')
      .set(h.as('user:default/dave'));
    expect(first.status).toBe(200);
    const etag = first.headers.etag;
    expect(etag).toMatch(/^W\/"/);
    const unchanged = await h
      .request()
      .get('/api/approvals/requests/counts')
      .set({ ...h.as('user:default/dave'), 'if-none-match': etag });
    expect(unchanged.status).toBe(304);

    const submitted = await h
      .request()
      .post('/api/approvals/requests')
      .set(h.as('user:default/bob'))
      .send(filesOnlyChange('production'));
    expect(submitted.status).toBe(201);
    const changed = await h
      .request()
      .get('/api/approvals/requests/counts')
      .set({ ...h.as('user:default/dave'), 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(changed.body.waitingForMe).toBe(first.body.waitingForMe + 1);
    expect(changed.headers.etag).not.toBe(etag);
  });
  it('offers submit and status to automation agents through the actions registry', async () => {
    const { output } = (await h.actionsRegistry.invoke({
      // The mock registry names actions after a fixed 'test' plugin id.
      id: 'test:submit-change-request',
      input: {
        title: 'Agent: add a read replica',
        entityRef: 'component:default/orchestrator-api',
        environment: 'staging',
        planJson: JSON.stringify(smallInstancePlan),
        rollbackPlan: 'Delete the replica.',
        testPlan: 'Failover drill.',
      },
      credentials: mockCredentials.user('user:default/frank'),
    })) as any;
    expect(output).toMatchObject({
      status: 'pending',
      url: expect.stringContaining('/approvals/requests/'),
    });
    const read = await h
      .request()
      .get(`/api/approvals/requests/${output.id}`)
      .set(h.as('user:default/alice'));
    expect(read.body.submitterKind).toBe('agent');
  });
});

describe('restarts', () => {
  it('keeps pending requests and decisions across a backend restart', async () => {
    const filename = join(
      mkdtempSync(join(tmpdir(), 'approvals-restart-')),
      'approvals.sqlite',
    );
    const open = () =>
      knexFactory({
        client: 'better-sqlite3',
        connection: { filename },
        useNullAsDefault: true,
      });
    const firstKnex = open();
    const first = await startApprovalsBackend({ knex: firstKnex });
    const submitted = (
      await first
        .request()
        .post('/api/approvals/requests')
        .set(first.as('user:default/bob'))
        .send(filesOnlyChange('production'))
    ).body;
    await first
      .request()
      .post(`/api/approvals/requests/${submitted.id}/decisions`)
      .set(first.as('user:default/alice'))
      .send({ decision: 'approve', revisionHash: submitted.contentHash });
    await first.backend.stop();
    await firstKnex.destroy();

    const secondKnex = open();
    const second = await startApprovalsBackend({ knex: secondKnex });
    try {
      const after = (
        await second
          .request()
          .get(`/api/approvals/requests/${submitted.id}`)
          .set(second.as('user:default/dave'))
      ).body;
      expect(after).toMatchObject({
        status: 'pending',
        contentHash: submitted.contentHash,
      });
      expect(after.decisions.map((d: any) => d.approver)).toEqual([
        'user:default/alice',
      ]);
      expect(after.viewer.canDecide).toBe(true);
      const done = await second
        .request()
        .post(`/api/approvals/requests/${submitted.id}/decisions`)
        .set(second.as('user:default/dave'))
        .send({ decision: 'approve', revisionHash: submitted.contentHash });
      expect(done.body.status).toBe('approved');
    } finally {
      await second.backend.stop();
      await secondKnex.destroy();
    }
  });
});

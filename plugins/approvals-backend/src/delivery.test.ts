import { mockCredentials } from '@backstage/backend-test-utils';
import { storageTestDatabases } from '@gatehouse/test-utils';
import {
  filesOnlyChange,
  startApprovalsBackend,
} from './__testUtils__/harness';

jest.setTimeout(120_000);

const databases = storageTestDatabases();

/** A staging change bob submits and alice approves. */
async function approvedChange(
  h: Awaited<ReturnType<typeof startApprovalsBackend>>,
) {
  const submitted = await h
    .request()
    .post('/api/approvals/requests')
    .set(h.as('user:default/bob'))
    .send(filesOnlyChange('staging'));
  expect(submitted.status).toBe(201);
  const approved = await h
    .request()
    .post(`/api/approvals/requests/${submitted.body.id}/decisions`)
    .set(h.as('user:default/alice'))
    .send({ decision: 'approve', revisionHash: submitted.body.contentHash });
  expect(approved.body.status).toBe('approved');
  return approved.body as { id: string; contentHash: string };
}

describe.each(databases.eachSupportedId())(
  'the delivery of an approved change on %s',
  databaseId => {
    let h: Awaited<ReturnType<typeof startApprovalsBackend>>;
    beforeAll(async () => {
      h = await startApprovalsBackend({
        knex: await databases.init(databaseId),
      });
    });
    afterAll(() => h.backend.stop());

    const report = (
      id: string,
      body: object,
      as = h.asService('external:ci'),
    ) =>
      h
        .request()
        .post(`/api/approvals/requests/${id}/delivery`)
        .set(as)
        .send(body);

    it('moves proposed → applied, audited, shown on the request and in the inbox, and told to the submitter', async () => {
      const request = await approvedChange(h);
      const proposed = await report(request.id, {
        step: 'proposed',
        contentHash: request.contentHash,
        link: 'https://git.example.com/shop/staging/pulls/7',
        commit: 'a1b2c3d4e5f6',
      });
      expect(proposed.status).toBe(201);
      expect(proposed.body.delivery).toMatchObject({
        state: 'proposed',
        events: [
          {
            step: 'proposed',
            revision: 1,
            contentHash: request.contentHash,
            actor: 'service:external:ci',
            link: 'https://git.example.com/shop/staging/pulls/7',
            commit: 'a1b2c3d4e5f6',
          },
        ],
      });

      const applied = await report(request.id, {
        step: 'applied',
        contentHash: request.contentHash,
        link: 'https://ci.example.com/runs/42',
      });
      expect(applied.status).toBe(201);
      expect(applied.body.delivery.state).toBe('applied');
      expect(
        applied.body.delivery.events.map((e: { step: string }) => e.step),
      ).toEqual(['proposed', 'applied']);
      expect(
        applied.body.audit
          .filter((a: { action: string }) => a.action.startsWith('delivery-'))
          .map((a: { action: string; comment: string }) => [
            a.action,
            a.comment,
          ]),
      ).toEqual([
        [
          'delivery-proposed',
          'https://git.example.com/shop/staging/pulls/7 · a1b2c3d4e5f6',
        ],
        ['delivery-applied', 'https://ci.example.com/runs/42'],
      ]);

      const listed = await h
        .request()
        .get('/api/approvals/requests')
        .query({ view: 'mine' })
        .set(h.as('user:default/bob'));
      expect(
        listed.body.items.find((i: { id: string }) => i.id === request.id)
          .deliveryState,
      ).toBe('applied');

      const toSubmitter = h.recorded.notifications.filter(
        n => n.payload.scope === `approval-delivery:${request.id}`,
      );
      expect(toSubmitter.map(n => n.payload.title)).toEqual([
        'Raise API replicas in staging: proposed',
        'Raise API replicas in staging: applied',
      ]);
      expect(toSubmitter[0].recipients).toEqual({
        type: 'entity',
        entityRef: 'user:default/bob',
      });
    });

    it('records a step reported twice once, and lets a failed apply be applied later', async () => {
      const request = await approvedChange(h);
      const body = {
        step: 'failed',
        contentHash: request.contentHash,
        link: 'https://ci.example.com/runs/43',
      };
      await report(request.id, body);
      const again = await report(request.id, body);
      expect(again.status).toBe(201);
      expect(again.body.delivery.events).toHaveLength(1);
      const retried = await report(request.id, {
        ...body,
        step: 'applied',
        link: 'https://ci.example.com/runs/44',
      });
      expect(retried.body.delivery.state).toBe('applied');
    });

    it('refuses what was not approved, a step behind the delivery, and bad input, saying why', async () => {
      const request = await approvedChange(h);
      const wrongHash = await report(request.id, {
        step: 'applied',
        contentHash: 'b'.repeat(64),
      });
      expect(wrongHash.status).toBe(409);
      expect(wrongHash.body.error.message).toBe(
        `The content hash ${'b'.repeat(
          64,
        )} is not the approved one of change request ${
          request.id
        } (revision 1, ${request.contentHash})`,
      );

      await report(request.id, {
        step: 'applied',
        contentHash: request.contentHash,
      });
      const backwards = await report(request.id, {
        step: 'proposed',
        contentHash: request.contentHash,
      });
      expect(backwards.status).toBe(409);
      expect(backwards.body.error.message).toContain(
        'already applied; a delivery only moves forward',
      );

      const pending = (
        await h
          .request()
          .post('/api/approvals/requests')
          .set(h.as('user:default/bob'))
          .send(filesOnlyChange('production'))
      ).body;
      const notApproved = await report(pending.id, {
        step: 'applied',
        contentHash: pending.contentHash,
      });
      expect(notApproved.status).toBe(409);
      expect(notApproved.body.error.message).toBe(
        `Change request ${pending.id} is pending, not approved: nothing of it may be delivered`,
      );

      const bad = await report(request.id, {
        step: 'deployed',
        contentHash: 'xyz',
        link: 'not a url',
      });
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toContain('step');
      expect(bad.body.error.message).toContain('contentHash');
      expect(bad.body.error.message).toContain('link');

      const unknown = await report('no-such-request', {
        step: 'applied',
        contentHash: request.contentHash,
      });
      expect(unknown.status).toBe(404);

      const unsigned = await h
        .request()
        .post(`/api/approvals/requests/${request.id}/delivery`)
        .set({ authorization: mockCredentials.none.header() })
        .send({ step: 'applied', contentHash: request.contentHash });
      expect(unsigned.status).toBe(401);
    });

    it('lets agents report through the actions registry, refused for another hash', async () => {
      const request = await approvedChange(h);
      const reported = await h.actionsRegistry.invoke({
        id: 'test:report-change-delivery',
        input: {
          id: request.id,
          contentHash: request.contentHash,
          status: 'applied',
          log: 'https://ci.example.com/runs/45',
        },
        credentials: mockCredentials.service('external:agent'),
      } as any);
      expect(reported.output).toEqual({
        recorded: true,
        deliveryState: 'applied',
      });
      await expect(
        h.actionsRegistry.invoke({
          id: 'test:report-change-delivery',
          input: {
            id: request.id,
            contentHash: 'c'.repeat(64),
            status: 'failed',
          },
          credentials: mockCredentials.service('external:agent'),
        } as any),
      ).rejects.toThrow('is not the approved one');
    });
  },
);

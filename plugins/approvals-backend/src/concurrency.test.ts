import { storageTestDatabases } from '@gatehouse/test-utils';
import {
  filesOnlyChange,
  startApprovalsBackend,
} from './__testUtils__/harness';

jest.setTimeout(120_000);

const databases = storageTestDatabases();

/**
 * 50 people decide on one production request at the same moment, over HTTP.
 * Whatever the interleaving, the recorded decisions, the audit trail and the
 * final state must agree with each other and with the policy.
 */
describe.each(databases.eachSupportedId())(
  '50 simultaneous decisions on %s',
  databaseId => {
    async function run(decisionFor: (i: number) => 'approve' | 'reject') {
      const knex = await databases.init(databaseId);
      const h = await startApprovalsBackend({ knex });
      try {
        const request = (
          await h
            .request()
            .post('/api/approvals/requests')
            .set(h.as('user:default/bob'))
            .send(filesOnlyChange('production'))
        ).body;
        const responses = await Promise.all(
          Array.from({ length: 50 }, (_, i) =>
            h
              .request()
              .post(`/api/approvals/requests/${request.id}/decisions`)
              .set(h.as(`user:default/approver-${i + 1}`))
              .send({
                decision: decisionFor(i),
                revisionHash: request.contentHash,
              }),
          ),
        );
        const final = (
          await h
            .request()
            .get(`/api/approvals/requests/${request.id}`)
            .set(h.as('user:default/alice'))
        ).body;
        return { responses, final };
      } finally {
        await h.backend.stop();
      }
    }

    it('approves once the policy is met and refuses every later decision', async () => {
      const { responses, final } = await run(() => 'approve');
      const accepted = responses.filter(r => r.status === 201);
      const refused = responses.filter(r => r.status === 409);
      expect(accepted.length + refused.length).toBe(50);
      // Production needs two approvals (one a platform approver): exactly two count.
      expect(accepted).toHaveLength(2);
      expect(final.status).toBe('approved');
      expect(final.decisions).toHaveLength(2);
      expect(new Set(final.decisions.map((d: any) => d.approver)).size).toBe(2);
      expect(final.audit.map((a: any) => a.action)).toEqual([
        'submitted',
        'approve',
        'approve',
        'approved',
      ]);
      expect(final.policy.satisfied).toBe(true);
    });

    it('keeps state, decisions and audit in agreement when approvals and rejections race', async () => {
      const { responses, final } = await run(i =>
        i % 2 ? 'reject' : 'approve',
      );
      const accepted = responses.filter(r => r.status === 201);
      expect(
        accepted.length + responses.filter(r => r.status === 409).length,
      ).toBe(50);
      expect(final.decisions).toHaveLength(accepted.length);
      // Replay the recorded decisions in order: the outcome must be the stored status.
      let expected = 'pending';
      let approvals = 0;
      for (const decision of final.decisions) {
        expect(expected).toBe('pending'); // nothing was recorded after the request was settled
        if (decision.decision === 'reject') expected = 'rejected';
        else if (++approvals >= 2) expected = 'approved';
      }
      expect(final.status).toBe(expected);
      const decisionAudits = final.audit.filter((a: any) =>
        ['approve', 'reject'].includes(a.action),
      );
      expect(decisionAudits.map((a: any) => a.actor)).toEqual(
        final.decisions.map((d: any) => d.approver),
      );
      expect(
        final.audit.filter((a: any) => a.action === expected),
      ).toHaveLength(1);
    });
  },
);

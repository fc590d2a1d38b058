import { expect, test } from '@playwright/test';
import { api, replicas, submitStagingChange } from './cluster';

test('nginx spreads requests over every replica', async () => {
  const seen = new Set<string>();
  for (let i = 0; i < 3 * replicas.length; i++) {
    const answer = await api('bob', 'GET', '/api/approvals/requests/counts');
    expect(answer.status).toBe(200);
    seen.add(answer.replica!);
  }
  expect(replicas.length).toBeGreaterThanOrEqual(2);
  expect(seen.size).toBe(replicas.length);
});

test('a decision taken on one replica is visible at once on the others', async () => {
  const [a, ...others] = replicas;
  const { body: request } = await submitStagingChange(
    `Replica consistency ${Date.now()}`,
  );
  const decided = await api(
    'alice',
    'POST',
    `/api/approvals/requests/${request.id}/decisions`,
    {
      decision: 'approve',
      comment: 'Decided on A.',
      revisionHash: request.contentHash,
    },
    a.url,
  );
  expect(decided.status).toBe(201);
  expect(decided.body.status).toBe('approved');
  // No waiting: the very next read on each other replica has it.
  for (const replica of others) {
    const read = await api(
      'bob',
      'GET',
      `/api/approvals/requests/${request.id}`,
      undefined,
      replica.url,
    );
    expect(read.status).toBe(200);
    expect(read.body.status).toBe('approved');
    expect(read.body.decisions).toHaveLength(1);
    expect(read.body.decisions[0].approver).toBe('user:default/alice');
    expect(read.body.decisions[0].comment).toBe('Decided on A.');
  }
});

test('concurrent decisions spread over replicas satisfy the policy exactly', async () => {
  // Staging needs one decision from task-runner's owners (team-agents) or
  // platform-approvers. Three eligible people decide the same revision at
  // the same moment, each on another replica: exactly one decision may win,
  // and the request, its decisions and its audit trail must agree.
  const deciders = [
    { user: 'alice', decision: 'approve' },
    { user: 'dave', decision: 'reject' },
    { user: 'frank', decision: 'approve' },
  ];
  for (let round = 0; round < 3; round++) {
    const { body: request } = await submitStagingChange(
      `Concurrent decisions ${round} ${Date.now()}`,
    );
    const answers = await Promise.all(
      deciders.map((d, i) =>
        api(
          d.user,
          'POST',
          `/api/approvals/requests/${request.id}/decisions`,
          {
            decision: d.decision,
            comment: `${d.user} in round ${round}`,
            revisionHash: request.contentHash,
          },
          replicas[i % replicas.length].url,
        ),
      ),
    );
    const statuses = answers.map(a => a.status).sort();
    expect(statuses).toEqual([201, 409, 409]);
    const winner = deciders[answers.findIndex(a => a.status === 201)];

    const final = await api(
      'bob',
      'GET',
      `/api/approvals/requests/${request.id}`,
    );
    expect(final.body.status).toBe(
      winner.decision === 'approve' ? 'approved' : 'rejected',
    );
    expect(final.body.decisions).toHaveLength(1);
    expect(final.body.decisions[0].comment).toBe(
      `${winner.user} in round ${round}`,
    );
    expect(final.body.decisions[0].approver).toBe(
      `user:default/${winner.user}`,
    );
    // The append-only audit trail holds the one decision, nothing else.
    const decisionRecords = final.body.audit.filter((r: any) =>
      ['approve', 'reject', 'request-changes'].includes(r.action),
    );
    expect(decisionRecords).toHaveLength(1);
    expect(decisionRecords[0].action).toBe(winner.decision);
    expect(decisionRecords[0].statusAfter).toBe(final.body.status);
  }
});

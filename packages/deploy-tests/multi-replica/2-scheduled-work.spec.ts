import { expect, test } from '@playwright/test';
import { api, replicas, sleep, submitStagingChange } from './cluster';

test('FOCUS ingestion of the billing folder runs once, not once per replica', async () => {
  // Every replica registers the scheduled ingestion at start-up; the
  // scheduler's lock in PostgreSQL lets one of them run it.
  let answer = await api('grace', 'GET', '/api/cost/ingestions?limit=50');
  const finished = () => answer.body.runs?.some((r: any) => r.finishedAt);
  for (let i = 0; i < 120 && !finished(); i++) {
    await sleep(1000);
    answer = await api('grace', 'GET', '/api/cost/ingestions?limit=50');
  }
  expect(answer.status).toBe(200);
  const scheduled = answer.body.runs.filter(
    (r: any) => r.trigger === 'schedule',
  );
  expect(scheduled).toHaveLength(1);
  expect([scheduled[0].status, scheduled[0].message]).toEqual([
    'succeeded',
    expect.stringMatching(/file\(s\) ingested/),
  ]);
  expect(scheduled[0].filesDone).toBeGreaterThan(0);
  // Each file ingested once.
  const paths = answer.body.files.map((f: any) => f.path);
  expect(paths.length).toBe(scheduled[0].filesDone);
  expect(new Set(paths).size).toBe(paths.length);
  // The same answer from every replica: one shared state.
  for (const replica of replicas) {
    const direct = await api(
      'grace',
      'GET',
      '/api/cost/ingestions?limit=50',
      undefined,
      replica.url,
    );
    expect(
      direct.body.runs.filter((r: any) => r.trigger === 'schedule'),
    ).toHaveLength(1);
  }
});

test('request expiry runs once across the cluster', async () => {
  const { body: request } = await submitStagingChange(`Expiring ${Date.now()}`);
  const wait = Date.parse(request.expiresAt) - Date.now() + 1000;
  expect(wait).toBeLessThan(30_000);
  await sleep(Math.max(wait, 0));

  // Every replica knows the expiry task as one cluster-wide (global) task.
  for (const replica of replicas) {
    const tasks = await api(
      'alice',
      'GET',
      '/api/approvals/.backstage/scheduler/v1/tasks',
      undefined,
      replica.url,
    );
    const expiry = tasks.body.tasks.find(
      (t: any) => t.taskId === 'approvals-expire-requests',
    );
    expect(expiry.scope).toBe('global');
  }
  // Asked to run on every replica at the same moment, it runs once.
  const triggers = await Promise.all(
    replicas.map(replica =>
      api(
        'alice',
        'POST',
        '/api/approvals/.backstage/scheduler/v1/tasks/approvals-expire-requests/trigger',
        undefined,
        replica.url,
      ),
    ),
  );
  for (const trigger of triggers) expect([200, 409]).toContain(trigger.status);

  let read = await api('bob', 'GET', `/api/approvals/requests/${request.id}`);
  for (let i = 0; i < 60 && read.body.status !== 'expired'; i++) {
    await sleep(500);
    read = await api('bob', 'GET', `/api/approvals/requests/${request.id}`);
  }
  expect(read.body.status).toBe('expired');
  await sleep(3000); // room for a second, wrongful run to show
  read = await api('bob', 'GET', `/api/approvals/requests/${request.id}`);
  const expiries = read.body.audit.filter((r: any) => r.action === 'expired');
  expect(expiries).toHaveLength(1);
  expect(expiries[0].actor).toBe('policy');
});

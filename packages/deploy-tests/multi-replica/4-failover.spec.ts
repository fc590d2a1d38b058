import { expect, test } from '@playwright/test';
import { api, replicas, sleep, stagingChange } from './cluster';

test('stopping a replica under load loses no acknowledged request', async () => {
  const LOAD_MS = 20_000;
  const STOP_AT_MS = 5_000;
  const CLIENTS = 4;
  const victim = replicas[1];
  const acknowledged: { id: string; at: number }[] = [];
  const failures: { status: number; at: number }[] = [];
  const started = Date.now();
  let stoppedAt = 0;

  const stopper = (async () => {
    await sleep(STOP_AT_MS);
    stoppedAt = Date.now() - started;
    // As Kubernetes does: SIGTERM, then the replica drains and exits.
    process.kill(-victim.pid, 'SIGTERM');
  })();

  const client = async (n: number) => {
    let i = 0;
    while (Date.now() - started < LOAD_MS) {
      const at = Date.now() - started;
      try {
        const answer = await api(
          'bob',
          'POST',
          '/api/approvals/requests',
          stagingChange(`Failover load ${n}-${i++} ${started}`),
        );
        if (answer.status === 201)
          acknowledged.push({ id: answer.body.id, at });
        else failures.push({ status: answer.status, at });
      } catch {
        failures.push({ status: 0, at });
      }
    }
  };
  await Promise.all([
    stopper,
    ...Array.from({ length: CLIENTS }, (_, n) => client(n)),
  ]);

  test.info().annotations.push({
    type: 'measured',
    description: `${acknowledged.length} acknowledged, ${
      failures.length
    } refused (${JSON.stringify(
      failures.map(f => f.status),
    )}) around the stop at ${stoppedAt} ms`,
  });
  expect(failures.filter(f => f.status >= 400 && f.status < 500)).toEqual([]);
  expect(acknowledged.length).toBeGreaterThan(10);
  // Every acknowledged write is there, read back through the balancer.
  for (const { id } of acknowledged) {
    const read = await api('bob', 'GET', `/api/approvals/requests/${id}`);
    expect(read.status).toBe(200);
  }
  // The remaining replicas kept serving: writes were acknowledged after the stop,
  // and every request of the last 5 seconds succeeded.
  expect(
    acknowledged.filter(a => a.at > stoppedAt + 3000).length,
  ).toBeGreaterThan(0);
  expect(failures.filter(f => f.at > LOAD_MS - 5000)).toEqual([]);
  // And the balancer no longer reaches the stopped replica.
  for (let i = 0; i < 6; i++) {
    const answer = await api('bob', 'GET', '/api/approvals/requests/counts');
    expect(answer.status).toBe(200);
    // nginx lists every upstream it tried; the one that answered is last.
    expect(answer.replica!.split(', ').pop()).not.toBe(
      `127.0.0.1:${victim.port}`,
    );
  }
});

import { GATE_CLI_USAGE, parseDuration, runGateCli } from './runGateCli';

const HASH = 'c'.repeat(64);

function fakeIo(answers: Array<{ status: number; body: unknown }>) {
  const out: string[] = [];
  const err: string[] = [];
  const requests: Array<{ url: string; init: any }> = [];
  let clock = 0;
  return {
    out,
    err,
    requests,
    io: {
      readFile: async (path: string) =>
        path === 'plan.json'
          ? '{"format_version":"1.2"}'
          : `content of ${path}`,
      stdout: (t: string) => out.push(t),
      stderr: (t: string) => err.push(t),
      fetch: (async (url: string, init: any) => {
        requests.push({ url, init });
        const answer = answers.shift()!;
        // As Backstage's error handler answers: JSON, with the status in the body.
        const body =
          answer.status >= 400
            ? {
                ...(answer.body as object),
                response: { statusCode: answer.status },
              }
            : answer.body;
        return new Response(JSON.stringify(body), {
          status: answer.status,
          headers: { 'content-type': 'application/json' },
        });
      }) as any,
      env: {
        GATEHOUSE_URL: 'http://gatehouse.test/',
        GATEHOUSE_TOKEN: 'secret',
      },
      sleep: async (ms: number) => {
        clock += ms;
      },
      now: () => clock,
    },
  };
}

const gate = (over: object) => ({
  status: 200,
  body: {
    approved: false,
    status: 'pending',
    contentHash: HASH,
    reason: 'pending',
    policySummary: '1 of 2; needs platform-approvers',
    ...over,
  },
});

describe('gatehouse gate', () => {
  it('submits a plan with its notes and prints id and hash', async () => {
    const f = fakeIo([
      {
        status: 201,
        body: {
          id: 'r1',
          contentHash: HASH,
          status: 'pending',
          policySummary: '0 of 2',
        },
      },
    ]);
    const code = await runGateCli(
      [
        'submit',
        'plan.json',
        '--entity',
        'component:default/api',
        '--environment',
        'production',
        '--title',
        'Bigger nodes',
        '--rollback',
        'Revert the commit',
        '--test-plan',
        'Staging soak',
      ],
      f.io,
    );
    expect(code).toBe(0);
    expect(f.requests[0].url).toBe(
      'http://gatehouse.test/api/approvals/requests',
    );
    expect(f.requests[0].init.headers.authorization).toBe('Bearer secret');
    expect(JSON.parse(f.requests[0].init.body)).toMatchObject({
      plan: '{"format_version":"1.2"}',
      environment: 'production',
      notes: { rollbackPlan: 'Revert the commit', testPlan: 'Staging soak' },
      submitterKind: 'pipeline',
    });
    expect(JSON.parse(f.out[0])).toMatchObject({
      id: 'r1',
      contentHash: HASH,
      url: 'http://gatehouse.test/approvals/requests/r1',
    });
  });

  it('exits 1 with the backend’s reason when the environment is not one of the entity’s', async () => {
    const message =
      'component:default/api has no environment "prod". Its environments: development (development), production (production).';
    const f = fakeIo([
      {
        status: 400,
        body: {
          error: {
            name: 'InputError',
            message,
            environments: [
              { name: 'development', tier: 'development' },
              { name: 'production', tier: 'production' },
            ],
          },
        },
      },
    ]);
    const code = await runGateCli(
      [
        'submit',
        'plan.json',
        '--entity',
        'component:default/api',
        '--environment',
        'prod',
        '--title',
        'Bigger nodes',
        '--rollback',
        'Revert the commit',
        '--test-plan',
        'Staging soak',
      ],
      f.io,
    );
    expect(code).toBe(1);
    expect(f.err).toEqual([`submission refused: 400 ${message}`]);
    expect(f.out).toEqual([]);
  });

  it('exits 0 only when exactly that hash is approved', async () => {
    const f = fakeIo([
      gate({}),
      gate({ approved: true, status: 'approved', policySummary: 'approved' }),
    ]);
    expect(
      await runGateCli(
        ['wait', 'r1', '--hash', HASH, '--interval', '5s'],
        f.io,
      ),
    ).toBe(0);
    expect(f.requests).toHaveLength(2);
    expect(f.requests[0].url).toBe(
      `http://gatehouse.test/api/approvals/requests/r1/gate?hash=${HASH}`,
    );
  });

  it('exits 1 with the reason when rejected or superseded, 3 on timeout, 2 on bad usage', async () => {
    expect(
      await runGateCli(
        ['wait', 'r1', '--hash', HASH],
        fakeIo([gate({ status: 'rejected', reason: 'rejected: no' })]).io,
      ),
    ).toBe(1);
    const superseded = fakeIo([
      gate({
        contentHash: 'd'.repeat(64),
        reason: 'revision 2 is not the plan you submitted',
      }),
    ]);
    expect(
      await runGateCli(['wait', 'r1', '--hash', HASH], superseded.io),
    ).toBe(1);
    expect(superseded.err[0]).toContain(
      'revision 2 is not the plan you submitted',
    );
    const slow = fakeIo(Array.from({ length: 10 }, () => gate({})));
    expect(
      await runGateCli(
        ['wait', 'r1', '--hash', HASH, '--timeout', '30s', '--interval', '10s'],
        slow.io,
      ),
    ).toBe(3);
    // Asked at 0, 10, 20 and 30 s; the next ask would be past the timeout.
    expect(slow.requests.length).toBe(4);
    expect(
      await runGateCli(['wait', 'r1', '--hash', 'short'], fakeIo([]).io),
    ).toBe(2);
    expect(await runGateCli(['submit', 'plan.json'], fakeIo([]).io)).toBe(2);
  });

  it('takes options as --name=value too, and refuses unknown options or missing values', async () => {
    const f = fakeIo([
      gate({ approved: true, status: 'approved', policySummary: 'approved' }),
    ]);
    expect(
      await runGateCli(['wait', 'r1', `--hash=${HASH}`, '--interval=5s'], f.io),
    ).toBe(0);
    const unknown = fakeIo([]);
    expect(
      await runGateCli(['wait', 'r1', '--hash', HASH, '--hurry'], unknown.io),
    ).toBe(2);
    expect(unknown.err[0]).toContain("Unknown option '--hurry'");
    expect(unknown.requests).toEqual([]);
    const noValue = fakeIo([]);
    expect(await runGateCli(['wait', 'r1', '--hash'], noValue.io)).toBe(2);
    expect(noValue.err[0]).toContain("'--hash <value>' argument missing");
  });

  it('prints its usage on --help, without needing the backend', async () => {
    const f = fakeIo([]);
    const withoutBackend = { ...f.io, env: {} };
    expect(await runGateCli(['--help'], withoutBackend)).toBe(0);
    expect(await runGateCli(['wait', '-h'], withoutBackend)).toBe(0);
    expect(f.out).toEqual([GATE_CLI_USAGE, GATE_CLI_USAGE]);
    expect(f.err).toEqual([]);
  });

  it('parses durations', () => {
    expect(parseDuration('30m')).toBe(1_800_000);
    expect(parseDuration('90s')).toBe(90_000);
    expect(parseDuration('soon')).toBeUndefined();
  });
});

describe('gate report', () => {
  it('records that the pipeline applied the approved change, with its log', async () => {
    const { io, out, requests } = fakeIo([
      {
        status: 201,
        body: { id: 'cr-1', delivery: { state: 'applied', events: [] } },
      },
    ]);
    const code = await runGateCli(
      [
        'report',
        'cr-1',
        '--hash',
        HASH,
        '--status',
        'applied',
        '--log',
        'https://ci.example.com/runs/9',
      ],
      io,
    );
    expect(code).toBe(0);
    expect(requests[0].url).toBe(
      'http://gatehouse.test/api/approvals/requests/cr-1/delivery',
    );
    expect(requests[0].init.method).toBe('POST');
    expect(JSON.parse(requests[0].init.body)).toEqual({
      step: 'applied',
      contentHash: HASH,
      link: 'https://ci.example.com/runs/9',
    });
    expect(JSON.parse(out[0])).toEqual({
      id: 'cr-1',
      deliveryState: 'applied',
      url: 'http://gatehouse.test/approvals/requests/cr-1',
    });
  });

  it('exits 1 with the reason when the hash is not the approved one', async () => {
    const { io, err } = fakeIo([
      {
        status: 409,
        body: {
          error: {
            name: 'ConflictError',
            message: 'The content hash is not the approved one',
          },
        },
      },
    ]);
    const code = await runGateCli(
      ['report', 'cr-1', '--hash', HASH, '--status', 'failed'],
      io,
    );
    expect(code).toBe(1);
    expect(err[0]).toContain('report refused');
    expect(err[0]).toContain('not the approved one');
  });

  it('is bad usage without a status it knows', async () => {
    const { io, err, requests } = fakeIo([]);
    const code = await runGateCli(
      ['report', 'cr-1', '--hash', HASH, '--status', 'deployed'],
      io,
    );
    expect(code).toBe(2);
    expect(err[0]).toContain('--status applied or failed');
    expect(requests).toHaveLength(0);
  });
});

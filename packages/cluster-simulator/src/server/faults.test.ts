import { ClusterSimulator, startClusterSimulator } from '../simulator';
import { get, openWatch, post } from '../__testUtils__/http';
import { fakeServerTimers, waitUntil } from '../__testUtils__/timers';
import { describeFault, parseFault } from './faults';

const DEV = 'eks-development-use1';
const STAGING = 'eks-staging-use1';
const PROD = 'eks-production-use1';

async function errorOf(promise: Promise<unknown>): Promise<any> {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  throw new Error('expected the request to fail');
}

describe('parseFault', () => {
  it.each([
    [null, {}],
    ['none', {}],
    ['down', { down: true }],
    ['hang', { hang: true }],
    ['error5xx', { error5xx: 503 }],
    ['error5xx:500', { error5xx: 500 }],
    ['delayMs:1500', { delayMs: 1500 }],
    ['delay=200+error5xx:502', { delayMs: 200, error5xx: 502 }],
    [{ error5xx: true }, { error5xx: 503 }],
    [{ delayMs: 0, hang: false }, {}],
  ])('%p → %p', (spec, expected) => {
    expect(parseFault(spec as any)).toEqual(expected);
  });

  it.each(['explode', 'error5xx:404', 'delayMs:-1', 'delayMs:soon'])(
    'rejects %p',
    spec => {
      expect(() => parseFault(spec)).toThrow();
    },
  );

  it('rejects unknown fields and describes faults', () => {
    expect(() => parseFault({ slow: true } as any)).toThrow(
      /Unknown fault field/,
    );
    expect(describeFault({ delayMs: 10, error5xx: 500 })).toBe(
      'delayMs:10+error5xx:500',
    );
    expect(describeFault({})).toBe('none');
  });
});

describe('fault injection', () => {
  let sim: ClusterSimulator;
  const url = (cluster: string) =>
    sim.clusters.find(c => c.name === cluster)!.url;

  beforeAll(async () => {
    sim = await startClusterSimulator({
      portBase: 0,
      faults: { [STAGING]: 'hang' },
    });
  });

  afterAll(() => sim.stop());

  afterEach(async () => {
    for (const c of [DEV, STAGING, PROD]) {
      await sim.setFault(c, null);
    }
  });

  it('a hanging cluster leaves requests unanswered until the client times out, while the others answer', async () => {
    expect(sim.getFault(STAGING)).toEqual({ hang: true });
    // The healthy clusters get a generous client timeout: this is about what
    // happens, not how fast (bench/ measures that).
    const [hung, devRes, prodRes] = await Promise.allSettled([
      get(`${url(STAGING)}/api/v1/pods`, undefined, 500),
      get(`${url(DEV)}/api/v1/pods`, undefined, 30_000),
      get(`${url(PROD)}/api/v1/pods`, undefined, 30_000),
    ]);
    expect(hung.status).toBe('rejected');
    expect((hung as PromiseRejectedResult).reason.message).toMatch(
      /timeout after 500ms/,
    );
    expect(devRes).toMatchObject({
      status: 'fulfilled',
      value: { status: 200 },
    });
    expect(prodRes).toMatchObject({
      status: 'fulfilled',
      value: { status: 200 },
    });

    await sim.setFault(STAGING, null);
    expect(
      (await get(`${url(STAGING)}/api/v1/pods`, undefined, 30_000)).status,
    ).toBe(200);
  });

  it('a hanging cluster answers nothing, even after the fault is cleared', async () => {
    await sim.setFault(STAGING, 'hang');
    // Order, not time: a request to the hanging cluster is still unanswered
    // after requests to the others, sent after it, have been answered.
    let hungSettled = false;
    get(`${url(STAGING)}/api/v1/pods`, undefined, 600_000)
      .catch(() => undefined)
      .finally(() => {
        hungSettled = true;
      });
    expect(
      (await get(`${url(DEV)}/api/v1/pods`, undefined, 30_000)).status,
    ).toBe(200);
    expect(
      (await get(`${url(PROD)}/api/v1/pods`, undefined, 30_000)).status,
    ).toBe(200);
    expect(hungSettled).toBe(false);
    // Clearing the fault leaves requests already hanging unanswered (as on a
    // real hung server) and answers new ones. Stopping the simulator
    // (afterAll) cuts the hanging one.
    await sim.setFault(STAGING, null);
    expect(
      (await get(`${url(STAGING)}/api/v1/pods`, undefined, 30_000)).status,
    ).toBe(200);
    expect(hungSettled).toBe(false);
  });

  it('a down cluster refuses connections and comes back on the same port', async () => {
    const port = sim.clusters.find(c => c.name === PROD)!.port;
    await sim.setFault(PROD, 'down');
    const err = await errorOf(get(`${url(PROD)}/version`));
    expect(err.code).toBe('ECONNREFUSED');
    expect((await get(`${url(DEV)}/version`)).status).toBe(200);

    await sim.setFault(PROD, 'none');
    const back = await get(`${url(PROD)}/version`);
    expect(back.status).toBe(200);
    expect(sim.clusters.find(c => c.name === PROD)!.port).toBe(port);
  });

  it('taking a cluster down cuts its open watch streams', async () => {
    const w = await openWatch(`${url(DEV)}/api/v1/pods?watch=true`);
    await w.waitFor(ev => ev.length > 0);
    await sim.setFault(DEV, { down: true });
    await w.ended;
    const err = await errorOf(get(`${url(DEV)}/api/v1/pods`));
    expect(err.code).toBe('ECONNREFUSED');
  });

  it('error5xx answers every request with a 5xx Status', async () => {
    await sim.setFault(DEV, 'error5xx');
    const res = await get(`${url(DEV)}/api/v1/pods`);
    expect(res.status).toBe(503);
    expect(res.json()).toMatchObject({
      kind: 'Status',
      status: 'Failure',
      reason: 'ServiceUnavailable',
      code: 503,
    });
    await sim.setFault(DEV, { error5xx: 500 });
    const internal = await get(`${url(DEV)}/apis/apps/v1/deployments`);
    expect(internal.status).toBe(500);
    expect(internal.json().reason).toBe('InternalError');
    expect((await get(`${url(PROD)}/apis/apps/v1/deployments`)).status).toBe(
      200,
    );
  });

  it('delayMs holds every answer until the delay has passed', async () => {
    await sim.setFault(PROD, { delayMs: 300 });
    fakeServerTimers();
    try {
      let delayedStatus: number | undefined;
      const delayed = get(
        `${url(PROD)}/api/v1/namespaces/task-runner/pods`,
      ).then(res => {
        delayedStatus = res.status;
        return res;
      });
      // The client's own timeout, then the server's delay once the request
      // has arrived.
      await waitUntil(
        () => jest.getTimerCount() === 2,
        'the delayed request reached the server',
      );

      // Another cluster answers at once, with no (fake) time passing.
      const quick = await get(`${url(DEV)}/api/v1/namespaces/task-runner/pods`);
      expect(quick.status).toBe(200);
      expect(delayedStatus).toBeUndefined();

      jest.advanceTimersByTime(299);
      expect(jest.getTimerCount()).toBe(2);
      expect(delayedStatus).toBeUndefined();

      jest.advanceTimersByTime(1);
      const res = await delayed;
      expect(res.status).toBe(200);
      expect(res.json().items).toHaveLength(
        sim.state(PROD).objects('Pod', 'task-runner').length,
      );
    } finally {
      jest.useRealTimers();
    }
  });

  describe('POST /__simulator/faults', () => {
    it('sets faults on any cluster from any cluster, and is itself never faulted', async () => {
      const set = await post(`${url(DEV)}/__simulator/faults`, {
        cluster: STAGING,
        fault: 'hang',
      });
      expect(set.status).toBe(200);
      expect(set.json()).toMatchObject({
        cluster: STAGING,
        fault: { hang: true },
      });
      await expect(
        get(`${url(STAGING)}/api/v1/pods`, undefined, 300),
      ).rejects.toThrow(/timeout/);

      const listed = (await get(`${url(STAGING)}/__simulator/faults`)).json();
      expect(listed.faults[STAGING]).toMatchObject({
        hang: true,
        summary: 'hang',
      });
      expect(listed.faults[DEV]).toMatchObject({ summary: 'none' });

      const clear = await post(`${url(STAGING)}/__simulator/faults`, {
        fault: null,
      });
      expect(clear.json()).toMatchObject({ cluster: STAGING, fault: {} });
      expect((await get(`${url(STAGING)}/api/v1/pods`)).status).toBe(200);
    });

    it('can take its own cluster down after answering', async () => {
      const res = await post(`${url(PROD)}/__simulator/faults`, {
        fault: { down: true },
      });
      expect(res.status).toBe(200);
      // It goes down once the answer has been sent: wait for that, not for
      // some fixed time.
      await waitUntil(
        () => sim.getFault(PROD).down === true,
        'the cluster took itself down',
      );
      expect((await errorOf(get(`${url(PROD)}/version`))).code).toBe(
        'ECONNREFUSED',
      );
      await post(`${url(DEV)}/__simulator/faults`, {
        cluster: PROD,
        fault: 'none',
      });
      expect((await get(`${url(PROD)}/version`)).status).toBe(200);
    });

    it('rejects bad requests', async () => {
      expect(
        (await post(`${url(DEV)}/__simulator/faults`, { fault: 'explode' }))
          .status,
      ).toBe(400);
      expect(
        (
          await post(`${url(DEV)}/__simulator/faults`, {
            cluster: 'nope',
            fault: 'hang',
          })
        ).status,
      ).toBe(404);
      expect((await get(`${url(DEV)}/__simulator/nothing`)).status).toBe(404);
    });
  });
});

describe('fault options at start-up', () => {
  it('starts a cluster down (with a known port) and refuses unknown cluster names', async () => {
    const sim = await startClusterSimulator({
      portBase: 0,
      clusters: [
        { name: DEV, environment: 'development' },
        { name: PROD, environment: 'production' },
      ],
      faults: { [PROD]: 'down', [DEV]: 'error5xx:502' },
    });
    try {
      const prod = sim.clusters.find(c => c.name === PROD)!;
      expect(prod.port).toBeGreaterThan(0);
      expect((await errorOf(get(`${prod.url}/version`))).code).toBe(
        'ECONNREFUSED',
      );
      const dev = sim.clusters.find(c => c.name === DEV)!;
      expect((await get(`${dev.url}/api`)).status).toBe(502);
      await sim.setFault(PROD, null);
      expect((await get(`${prod.url}/version`)).status).toBe(200);
    } finally {
      await sim.stop();
    }
    await expect(
      startClusterSimulator({ portBase: 0, faults: { 'eks-unknown': 'hang' } }),
    ).rejects.toThrow(/unknown cluster/);
  });
});

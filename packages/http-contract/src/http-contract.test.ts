import { InputError } from '@backstage/errors';
import { z } from 'zod';
import {
  audited,
  defineRoutes,
  fillPath,
  jsonAnswer,
  mountRoutes,
  parseInput,
  routeCaller,
  textAnswer,
  toSearch,
} from './index';

describe('parseInput', () => {
  it('returns the parsed value, or a 400 naming every bad field', () => {
    const schema = z.object({
      from: z.string().regex(/^\d{4}$/, 'must be a year'),
      limit: z.coerce.number().max(10),
    });
    expect(parseInput(schema, { from: '2026', limit: '5' }, 'query')).toEqual({
      from: '2026',
      limit: 5,
    });
    expect(() =>
      parseInput(schema, { from: 'x', limit: '50' }, 'query'),
    ).toThrow(
      'Invalid query: from: must be a year; limit: Number must be less than or equal to 10',
    );
    expect(() => parseInput(schema, {}, 'query')).toThrow(InputError);
  });
});

const routes = defineRoutes({
  good: {
    method: 'POST',
    path: '/items/:id',
    params: z.object({ id: z.string() }),
    query: z.object({ dryRun: z.coerce.boolean().optional() }),
    body: z.object({ a: z.number() }),
    answer: jsonAnswer<{ ok: boolean }>('Ok'),
    status: 201,
    summary: 'test',
  },
  bad: {
    method: 'GET',
    path: '/bad',
    answer: jsonAnswer<{ ok: boolean }>('Ok'),
    summary: 'test',
  },
  card: {
    method: 'GET',
    path: '/card',
    answer: textAnswer('text/markdown'),
    summary: 'test',
  },
});

describe('routeCaller', () => {
  it('sends the route its parts, reads the answer, and throws the backend error on failure', async () => {
    const calls: any[] = [];
    const call = routeCaller(
      {
        discoveryApi: { getBaseUrl: async id => `http://backend/api/${id}` },
        fetchApi: {
          fetch: (async (url: string, init: any) => {
            calls.push({ url, init });
            if (url.endsWith('/bad'))
              return new Response(
                JSON.stringify({
                  error: { name: 'InputError', message: 'nope' },
                }),
                { status: 400 },
              );
            if (url.endsWith('/card')) return new Response('# Card');
            return new Response(JSON.stringify({ ok: true }), { status: 201 });
          }) as any,
        },
      },
      'cost',
    );
    expect(
      await call(routes.good, {
        params: { id: 'a b/c' },
        query: { dryRun: true },
        body: { a: 1 },
      }),
    ).toEqual({ ok: true });
    expect(calls[0]).toMatchObject({
      url: 'http://backend/api/cost/items/a%20b%2Fc?dryRun=true',
      init: { method: 'POST', body: '{"a":1}' },
    });
    expect(await call(routes.card)).toBe('# Card');
    await expect(call(routes.bad)).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 400,
      // The backend's own error travels in the ResponseError's cause.
      cause: { message: expect.stringContaining('nope') },
    });
    expect(toSearch({ a: 1, b: undefined, c: '', d: 'x y' })).toBe(
      '?a=1&d=x+y',
    );
    expect(toSearch({})).toBe('');
    expect(() => fillPath('/items/:id', {})).toThrow(
      '/items/:id needs the path parameter id',
    );
  });

  it('refuses a map whose path has parameters but no schema for them', () => {
    expect(() =>
      defineRoutes({
        item: {
          method: 'GET',
          path: '/items/:id',
          answer: jsonAnswer<{}>('Empty'),
          summary: 'test',
        },
      }),
    ).toThrow(
      'Route item (/items/:id) has path parameters but no params schema',
    );
  });
});

describe('mountRoutes', () => {
  /** A router that records what is mounted, and a response that records what is sent. */
  function recordingRouter() {
    const mounted: Record<string, (req: any, res: any) => Promise<void>> = {};
    const mount =
      (method: string) =>
      (path: string, handler: (req: any, res: any) => Promise<void>) => {
        mounted[`${method.toLowerCase()} ${path}`] = handler;
      };
    return {
      mounted,
      router: {
        get: mount('GET'),
        post: mount('POST'),
        put: mount('PUT'),
        patch: mount('PATCH'),
        delete: mount('DELETE'),
      },
    };
  }
  function response() {
    const sent: { status?: number; body?: unknown } = {};
    const res = {
      headersSent: false,
      statusCode: 200,
      status(code: number) {
        res.statusCode = code;
        sent.status = code;
        return res;
      },
      json(body: unknown) {
        sent.body = body;
        res.headersSent = true;
      },
    };
    return { res, sent };
  }

  const handlers = {
    good: async ({ params, body }: any, { credentials }: any) => ({
      ok: params.id === 'x' && body.a === 1 && credentials === 'ada',
    }),
    bad: async () => ({ ok: false }),
    card: async (_: unknown, { res }: any) => {
      res.headersSent = true;
    },
  };

  it('mounts every route of the map, validated, authenticated first, answered with its status', async () => {
    const { router, mounted } = recordingRouter();
    const seen: string[] = [];
    mountRoutes(
      router,
      routes,
      {
        authenticate: async () => {
          seen.push('authenticate');
          return 'ada';
        },
      },
      handlers,
    );
    expect(Object.keys(mounted)).toEqual([
      'post /items/:id',
      'get /bad',
      'get /card',
    ]);

    const ok = response();
    await mounted['post /items/:id'](
      { params: { id: 'x' }, query: {}, body: { a: 1 } },
      ok.res,
    );
    expect(ok.sent).toEqual({ status: 201, body: { ok: true } });

    const invalid = response();
    await expect(
      mounted['post /items/:id'](
        { params: { id: 'x' }, query: {}, body: { a: 'one' } },
        invalid.res,
      ),
    ).rejects.toThrow('Invalid body: a: Expected number, received string');
    expect(seen).toEqual(['authenticate', 'authenticate']);
  });

  it('refuses handlers that do not match the map', () => {
    const { router } = recordingRouter();
    const { card, ...withoutCard } = handlers;
    expect(() =>
      mountRoutes(router, routes, { authenticate: async () => 'ada' }, {
        ...withoutCard,
        extra: card,
      } as any),
    ).toThrow(
      'Handlers do not match the contract: missing card; not in the contract extra',
    );
  });
});

describe('audited', () => {
  function recordingEvent() {
    const outcomes: unknown[] = [];
    return {
      outcomes,
      event: {
        success: async (options?: { meta?: Record<string, unknown> }) => {
          outcomes.push(['success', options?.meta]);
        },
        fail: async (options: { error: Error }) => {
          outcomes.push(['fail', options.error.message]);
        },
      },
    };
  }

  it('reports success with the meta of the result and returns it', async () => {
    const { event, outcomes } = recordingEvent();
    const result = await audited(
      Promise.resolve(event),
      async () => ({ id: 'r1', status: 'pending' }),
      r => ({ requestId: r.id }),
    );
    expect(result).toEqual({ id: 'r1', status: 'pending' });
    expect(outcomes).toEqual([['success', { requestId: 'r1' }]]);
  });

  it('reports failure and throws the same error on', async () => {
    const { event, outcomes } = recordingEvent();
    const error = new Error('stale revision');
    await expect(
      audited(
        event,
        async () => {
          throw error;
        },
        () => ({}),
      ),
    ).rejects.toBe(error);
    expect(outcomes).toEqual([['fail', 'stale revision']]);
  });
});

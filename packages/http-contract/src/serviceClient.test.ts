import { z } from 'zod';
import { defineRoutes, jsonAnswer } from './routes/defineRoutes';
import { routeCaller } from './routes/callRoute';
import { serviceClientOptions } from './serviceClient';

const routes = defineRoutes({
  estimate: {
    method: 'POST',
    path: '/estimates',
    body: z.object({ a: z.number() }),
    answer: jsonAnswer<{ ok: boolean }>('Ok'),
    summary: 'test',
  },
  budgets: {
    method: 'GET',
    path: '/budgets',
    answer: jsonAnswer<{}>('Empty'),
    summary: 'test',
  },
});

describe('serviceClientOptions', () => {
  const fetchSpy = jest.spyOn(global, 'fetch');
  afterEach(() => fetchSpy.mockReset());
  afterAll(() => fetchSpy.mockRestore());

  const deps = {
    discovery: { getBaseUrl: async (id: string) => `http://backend/api/${id}` },
    auth: {
      getPluginRequestToken: jest.fn(
        async (options: { onBehalfOf: string; targetPluginId: string }) => ({
          token: `${options.onBehalfOf}-to-${options.targetPluginId}`,
        }),
      ),
    },
    credentials: 'user:default/ada',
    targetPluginId: 'cost',
  };

  it('sends each request with a token minted on behalf of the credentials', async () => {
    fetchSpy.mockResolvedValue(new Response('{"ok":true}', { status: 200 }));
    const call = routeCaller(serviceClientOptions(deps), 'cost');

    await expect(call(routes.estimate, { body: { a: 1 } })).resolves.toEqual({
      ok: true,
    });

    const [url, init] = fetchSpy.mock.calls[0];
    expect(url).toBe('http://backend/api/cost/estimates');
    const headers = new Headers(init?.headers);
    expect(headers.get('authorization')).toBe(
      'Bearer user:default/ada-to-cost',
    );
    expect(headers.get('content-type')).toBe('application/json');
    expect(init?.signal).toBeUndefined();
  });

  it('gives up after the timeout when one is set', async () => {
    fetchSpy.mockResolvedValue(new Response('{}', { status: 200 }));
    const call = routeCaller(
      serviceClientOptions({ ...deps, timeoutMs: 50 }),
      'cost',
    );
    await call(routes.budgets);
    expect(fetchSpy.mock.calls[0][1]?.signal).toBeInstanceOf(AbortSignal);
  });
});

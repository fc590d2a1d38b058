import { InputError } from '@backstage/errors';
import { z } from 'zod';
import { audited, jsonRequester, parseInput, toSearch } from './index';

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

describe('jsonRequester', () => {
  it('sends JSON to the plugin and throws the backend error on failure', async () => {
    const calls: any[] = [];
    const request = jsonRequester(
      {
        discoveryApi: { getBaseUrl: async id => `http://backend/api/${id}` },
        fetchApi: {
          fetch: (async (url: string, init: any) => {
            calls.push({ url, init });
            return url.endsWith('/bad')
              ? new Response(
                  JSON.stringify({
                    error: { name: 'InputError', message: 'nope' },
                  }),
                  { status: 400 },
                )
              : new Response(JSON.stringify({ ok: true }), { status: 200 });
          }) as any,
        },
      },
      'cost',
    );
    expect(await request('/good', { method: 'POST', body: { a: 1 } })).toEqual({
      ok: true,
    });
    expect(calls[0]).toMatchObject({
      url: 'http://backend/api/cost/good',
      init: { method: 'POST', body: '{"a":1}' },
    });
    await expect(request('/bad')).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 400,
      // The backend's own error travels in the ResponseError's cause.
      cause: { message: expect.stringContaining('nope') },
    });
    expect(toSearch({ a: 1, b: undefined, c: '', d: 'x y' })).toBe(
      '?a=1&d=x+y',
    );
    expect(toSearch({})).toBe('');
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

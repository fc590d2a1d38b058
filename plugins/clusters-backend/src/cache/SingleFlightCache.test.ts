import { SingleFlightCache } from './SingleFlightCache';

describe('SingleFlightCache', () => {
  it('shares one load between concurrent callers and keeps it for the TTL', async () => {
    let now = 0;
    const cache = new SingleFlightCache<number>({
      ttlMs: 1000,
      now: () => now,
    });
    let release!: (value: number) => void;
    const load = jest.fn(
      () => new Promise<number>(resolve => (release = resolve)),
    );

    const first = cache.get('k', load);
    const second = cache.get('k', load);
    expect(load).toHaveBeenCalledTimes(1);
    release(42);
    await expect(Promise.all([first, second])).resolves.toEqual([42, 42]);

    now = 999;
    await expect(cache.get('k', load)).resolves.toBe(42);
    expect(cache.loads).toBe(1);
    now = 1001;
    load.mockImplementation(async () => 43);
    await expect(cache.get('k', load)).resolves.toBe(43);
    expect(cache.loads).toBe(2);
    // Other keys load on their own.
    await cache.get('other', async () => 1);
    expect(cache.loads).toBe(3);
  });

  it('keeps a failure for its own TTL, so a dead source is not asked by every caller', async () => {
    let now = 0;
    const cache = new SingleFlightCache<number>({
      ttlMs: 5000,
      errorTtlMs: 100,
      now: () => now,
    });
    const failing = jest.fn(async () => {
      throw new Error('timeout');
    });
    await expect(cache.get('k', failing)).rejects.toThrow('timeout');
    await expect(cache.get('k', failing)).rejects.toThrow('timeout');
    expect(failing).toHaveBeenCalledTimes(1);
    now = 101;
    await expect(cache.get('k', async () => 7)).resolves.toBe(7);
  });

  it('reloads in the background and answers with the current value meanwhile', async () => {
    let now = 0;
    const cache = new SingleFlightCache<number>({
      ttlMs: 1000,
      now: () => now,
    });
    await cache.get('k', async () => 1);

    // Too young: nothing happens.
    now = 500;
    const early = jest.fn(async () => 2);
    cache.refreshIfOlderThan('k', 750, early);
    expect(early).not.toHaveBeenCalled();

    now = 800;
    let release!: (value: number) => void;
    const reload = jest.fn(
      () => new Promise<number>(resolve => (release = resolve)),
    );
    cache.refreshIfOlderThan('k', 750, reload);
    cache.refreshIfOlderThan('k', 750, reload);
    expect(reload).toHaveBeenCalledTimes(1);
    // Even past the TTL, callers get the current value while the reload runs.
    now = 1200;
    const unused = jest.fn(async () => 99);
    await expect(cache.get('k', unused)).resolves.toBe(1);
    expect(unused).not.toHaveBeenCalled();
    release(2);
    await new Promise(resolve => setImmediate(resolve));
    await expect(cache.get('k', unused)).resolves.toBe(2);
    // The reloaded value has a TTL of its own.
    now = 2100;
    await expect(cache.get('k', unused)).resolves.toBe(2);
    expect(cache.loads).toBe(2);
  });
});

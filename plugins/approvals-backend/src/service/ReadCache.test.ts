import { ReadCache } from './ReadCache';

/** A change mark the test moves by hand. */
function marks() {
  let value = 0;
  return {
    changeMark: async () => value,
    change: () => {
      value += 1;
    },
  };
}

const bodyOf = async (answer: Promise<{ body: string }>) => (await answer).body;

describe('ReadCache', () => {
  it('reuses an answer while the change mark stays, and computes again when it moves', async () => {
    const source = marks();
    const cache = new ReadCache(source, 1024 * 1024);
    let computed = 0;
    const compute = async () => ({ n: ++computed });

    expect(await bodyOf(cache.json('inbox', compute))).toBe('{"n":1}');
    expect(await bodyOf(cache.json('inbox', compute))).toBe('{"n":1}');
    source.change();
    expect(await bodyOf(cache.json('inbox', compute))).toBe('{"n":2}');
    expect(computed).toBe(2);
  });

  it('keeps answers apart by key', async () => {
    const cache = new ReadCache(marks(), 1024 * 1024);
    expect(await bodyOf(cache.json('a', async () => 'for a'))).toBe('"for a"');
    expect(await bodyOf(cache.json('b', async () => 'for b'))).toBe('"for b"');
    expect(await bodyOf(cache.json('a', async () => 'again'))).toBe('"for a"');
  });

  it('computes once for identical reads that arrive together', async () => {
    const cache = new ReadCache(marks(), 1024 * 1024);
    let computed = 0;
    let release!: () => void;
    const gate = new Promise<void>(resolve => (release = resolve));
    const compute = async () => {
      computed += 1;
      await gate;
      return [1, 2, 3];
    };
    const reads = Promise.all(
      Array.from({ length: 20 }, () => cache.json('page', compute)),
    );
    // Let every read get past the mark before the answer is ready.
    await new Promise(resolve => setImmediate(resolve));
    release();
    expect(new Set((await reads).map(a => a.body))).toEqual(
      new Set(['[1,2,3]']),
    );
    expect(computed).toBe(1);
  });

  it('tags an answer by its text', async () => {
    const source = marks();
    const cache = new ReadCache(source, 1024 * 1024);
    const first = await cache.json('a', async () => ({ same: true }));
    source.change();
    const again = await cache.json('a', async () => ({ same: true }));
    const other = await cache.json('b', async () => ({ same: false }));
    expect(first.etag).toMatch(/^W\/"[\w-]+"$/);
    expect(again.etag).toBe(first.etag);
    expect(other.etag).not.toBe(first.etag);
  });

  it('keeps no failed answer', async () => {
    const cache = new ReadCache(marks(), 1024 * 1024);
    await expect(
      cache.json('page', async () => {
        throw new Error('database went away');
      }),
    ).rejects.toThrow('database went away');
    expect(await bodyOf(cache.json('page', async () => 'fine'))).toBe('"fine"');
  });

  it('forgets the least recently used answers beyond its size', async () => {
    // Room for about two answers of 100 characters (two bytes each).
    const cache = new ReadCache(marks(), 450);
    let computed = 0;
    const compute = async () => {
      computed += 1;
      return 'x'.repeat(98);
    };
    await cache.json('a', compute);
    await cache.json('b', compute);
    await cache.json('a', compute); // a is now the most recent
    await cache.json('c', compute); // b goes
    expect(computed).toBe(3);
    await cache.json('a', compute);
    expect(computed).toBe(3);
    await cache.json('b', compute);
    expect(computed).toBe(4);
  });

  it('computes every read when turned off', async () => {
    const cache = new ReadCache(marks(), 0);
    let computed = 0;
    await cache.json('a', async () => ++computed);
    await cache.json('a', async () => ++computed);
    expect(computed).toBe(2);
  });
});

import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { aggregateFocusFile } from './aggregateFocusFile';
import type { DailyAggregate } from './dailyAggregator';
import {
  findDuplicateContent,
  planIngestion,
  type IngestedFile,
  type ListedFile,
} from './planIngestion';

const t0 = new Date('2025-02-01T00:00:00Z');
const file = (path: string, extra: Partial<ListedFile> = {}): ListedFile => ({
  path,
  size: 100,
  mtime: t0,
  ...extra,
});

describe('planIngestion', () => {
  it('ingests new files and skips unchanged ones (by checksum)', () => {
    const ingested = new Map<string, IngestedFile>([
      ['a.csv', { sha256: 'aaa', size: 100, mtime: t0 }],
    ]);
    const plan = planIngestion(
      [
        file('a.csv', { sha256: 'aaa', mtime: new Date('2025-03-01') }),
        file('b.csv', { sha256: 'bbb' }),
      ],
      ingested,
    );
    expect(plan.decisions.map(d => [d.file.path, d.action, d.reason])).toEqual([
      ['a.csv', 'skip', 'unchanged'],
      ['b.csv', 'ingest', 'new'],
    ]);
    expect(plan.toIngest.map(f => f.path)).toEqual(['b.csv']);
  });

  it('re-ingests a changed file, replacing its previous contribution', () => {
    const previous = { sha256: 'old', size: 100, mtime: t0 };
    const plan = planIngestion(
      [file('a.csv', { sha256: 'new' })],
      new Map([['a.csv', previous]]),
    );
    expect(plan.decisions).toEqual([
      {
        action: 'ingest',
        reason: 'changed',
        file: file('a.csv', { sha256: 'new' }),
        previous,
      },
    ]);
  });

  it('falls back to size and mtime when no checksum is listed', () => {
    const ingested = new Map<string, IngestedFile>([
      ['same.csv', { sha256: 'x', size: 100, mtime: t0.getTime() }],
      ['grown.csv', { sha256: 'y', size: 90, mtime: t0 }],
      [
        'touched.csv',
        { sha256: 'z', size: 100, mtime: new Date('2025-01-01') },
      ],
    ]);
    const plan = planIngestion(
      [file('same.csv'), file('grown.csv'), file('touched.csv')],
      ingested,
    );
    expect(plan.decisions.map(d => d.reason)).toEqual([
      'unchanged',
      'changed',
      'changed',
    ]);
  });

  it('counts the same file listed twice once', () => {
    const plan = planIngestion([file('a.csv'), file('a.csv')], new Map());
    expect(plan.toIngest).toHaveLength(1);
    expect(plan.decisions[1]).toMatchObject({
      action: 'skip',
      reason: 'duplicate-listing',
    });
  });

  it('skips a new path with content identical to an ingested or planned file', () => {
    const plan = planIngestion(
      [
        file('copy-of-a.csv', { sha256: 'aaa' }),
        file('b.csv', { sha256: 'bbb' }),
        file('copy-of-b.csv', { sha256: 'bbb' }),
      ],
      new Map([['a.csv', { sha256: 'aaa' }]]),
    );
    expect(
      plan.decisions.map(d => [
        d.action,
        d.reason,
        d.action === 'skip' ? d.duplicateOf : undefined,
      ]),
    ).toEqual([
      ['skip', 'duplicate-content', 'a.csv'],
      ['ingest', 'new', undefined],
      ['skip', 'duplicate-content', 'b.csv'],
    ]);
  });

  it('reports ingested files that are no longer listed without dropping them', () => {
    const plan = planIngestion([], new Map([['gone.csv', { sha256: 'g' }]]));
    expect(plan.missing).toEqual(['gone.csv']);
    expect(plan.toIngest).toEqual([]);
  });

  it('finds duplicate content once a checksum is known after reading', () => {
    const ingested = new Map([['a.csv', { sha256: 'aaa' }]]);
    expect(findDuplicateContent('b.csv', 'aaa', ingested)).toBe('a.csv');
    expect(findDuplicateContent('a.csv', 'aaa', ingested)).toBeUndefined();
    expect(findDuplicateContent('b.csv', 'bbb', ingested)).toBeUndefined();
  });
});

/**
 * A stand-in for the store: per-file aggregates replaced wholesale, queries
 * summing across files. Shows that the plan + per-file aggregates make
 * repeated runs idempotent.
 */
class FakeStore {
  readonly files = new Map<string, IngestedFile>();
  private readonly aggregates = new Map<string, readonly DailyAggregate[]>();

  async run(location: Map<string, string>) {
    const listing = [...location].map(([path, content]) => ({
      path,
      size: content.length,
      mtime: 0,
      sha256: createHash('sha256').update(content).digest('hex'),
    }));
    const plan = planIngestion(listing, this.files);
    for (const listed of plan.toIngest) {
      const result = await aggregateFocusFile(
        Readable.from([location.get(listed.path)!]),
        { sourceFile: listed.path },
      );
      this.aggregates.set(listed.path, result.aggregates);
      this.files.set(listed.path, { sha256: result.sha256, size: listed.size });
    }
    return plan;
  }

  totalEffectiveCost(): number {
    let total = 0;
    for (const list of this.aggregates.values()) {
      for (const aggregate of list) total += aggregate.effectiveCost;
    }
    return total;
  }
}

describe('idempotent ingestion end to end', () => {
  const header =
    'BilledCost,EffectiveCost,ChargePeriodStart,ChargeCategory,BillingCurrency,Tags';
  const january = `${header}\n10,10,2025-01-01,Usage,USD,"{""service"":""a""}"\n5,5,2025-01-02,Usage,USD,\n`;
  const januaryRestated = `${header}\n10,10,2025-01-01,Usage,USD,"{""service"":""a""}"\n7,7,2025-01-02,Usage,USD,\n`;

  it('counts a file once however often it is ingested, and replaces it when it changes', async () => {
    const store = new FakeStore();
    const location = new Map([['2025-01.csv', january]]);

    expect((await store.run(location)).toIngest).toHaveLength(1);
    expect(store.totalEffectiveCost()).toBe(15);

    expect((await store.run(location)).toIngest).toHaveLength(0);
    expect(store.totalEffectiveCost()).toBe(15);

    location.set('copy/2025-01.csv', january);
    expect((await store.run(location)).toIngest).toHaveLength(0);
    expect(store.totalEffectiveCost()).toBe(15);

    location.set('2025-01.csv', januaryRestated);
    const plan = await store.run(location);
    expect(plan.decisions[0]).toMatchObject({
      action: 'ingest',
      reason: 'changed',
    });
    expect(store.totalEffectiveCost()).toBe(17);
  });
});

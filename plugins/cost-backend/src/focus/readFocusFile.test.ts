import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { aggregateFocusFile } from './aggregateFocusFile';
import { FocusFileError } from './errors';
import type { FocusRow } from './focusRow';
import { readFocusFile, type ReadFocusFileOptions } from './readFocusFile';
import {
  SAMPLE_FILE,
  readSplitCsv,
  specScenarioFile,
} from './__testUtils__/fixtures';

const sampleBytes = readFileSync(SAMPLE_FILE);

function streamOf(content: string | Buffer, chunkSize = 64 * 1024): Readable {
  const buffer = typeof content === 'string' ? Buffer.from(content) : content;
  const chunks: Buffer[] = [];
  for (let i = 0; i < buffer.length; i += chunkSize) {
    chunks.push(buffer.subarray(i, i + chunkSize));
  }
  return Readable.from(chunks);
}

async function readAll(
  content: string | Buffer,
  options?: ReadFocusFileOptions,
) {
  const reader = readFocusFile(streamOf(content), options);
  const rows: FocusRow[] = [];
  for await (const row of reader) {
    rows.push(row);
  }
  return { rows, summary: reader.summary };
}

/** Plain left-to-right sum of a column, parsed with Number(), NULL → 0. */
function independentSum(
  records: Array<Record<string, string>>,
  column: string,
) {
  let sum = 0;
  for (const record of records) {
    const text = record[column];
    if (text !== 'NULL' && text !== '') sum += Number(text);
  }
  return sum;
}

function expectClose(actual: number, expected: number) {
  const scale = Math.max(Math.abs(expected), 1e-12);
  expect(Math.abs(actual - expected) / scale).toBeLessThanOrEqual(1e-9);
}

describe('readFocusFile on the real FOCUS 1.0 sample', () => {
  const expected = readSplitCsv(SAMPLE_FILE);

  it('reads every row without rejections or warnings', async () => {
    const { rows, summary } = await readAll(sampleBytes);
    expect(expected).toHaveLength(1000);
    expect(rows).toHaveLength(1000);
    expect(summary).toMatchObject({
      complete: true,
      rowsRead: 1000,
      rowsAccepted: 1000,
      rowsRejected: 0,
      gzip: false,
      bytesRead: sampleBytes.length,
    });
    expect(summary.rejections).toEqual([]);
    expect(summary.warnings).toEqual([]);
    expect(summary.header?.unknownColumns).toEqual(['Id']);
    expect(summary.header?.detectedVersion).toBe('1.0');
  });

  it('totals BilledCost, EffectiveCost and ListCost like an independent sum', async () => {
    const { aggregates, summary } = await aggregateFocusFile(
      streamOf(sampleBytes),
      { sourceFile: 'sample' },
    );
    const total = (field: 'billedCost' | 'effectiveCost' | 'listCost') =>
      aggregates.reduce((sum, a) => sum + (a[field] ?? 0), 0);
    expectClose(total('billedCost'), independentSum(expected, 'BilledCost'));
    expectClose(
      total('effectiveCost'),
      independentSum(expected, 'EffectiveCost'),
    );
    expectClose(total('listCost'), independentSum(expected, 'ListCost'));
    expect(aggregates.reduce((n, a) => n + a.rowCount, 0)).toBe(1000);
    expect(summary.rowsRejected).toBe(0);
  });

  it('totals per provider and per charge category like an independent sum', async () => {
    const { aggregates } = await aggregateFocusFile(streamOf(sampleBytes), {
      sourceFile: 'sample',
    });
    for (const provider of ['AWS', 'Microsoft', 'Oracle']) {
      const ours = aggregates.filter(a => a.provider === provider);
      const theirs = expected.filter(r => r.ProviderName === provider);
      expect(ours.reduce((n, a) => n + a.rowCount, 0)).toBe(theirs.length);
      expectClose(
        ours.reduce((s, a) => s + a.billedCost, 0),
        independentSum(theirs, 'BilledCost'),
      );
      expectClose(
        ours.reduce((s, a) => s + a.effectiveCost, 0),
        independentSum(theirs, 'EffectiveCost'),
      );
    }
    for (const category of ['Credit', 'Adjustment']) {
      const ours = aggregates.filter(a => a.chargeCategory === category);
      const theirs = expected.filter(r => r.ChargeCategory === category);
      expect(theirs.length).toBeGreaterThan(0);
      expectClose(
        ours.reduce((s, a) => s + a.billedCost, 0),
        independentSum(theirs, 'BilledCost'),
      );
      expectClose(
        ours.reduce((s, a) => s + a.effectiveCost, 0),
        independentSum(theirs, 'EffectiveCost'),
      );
    }
  });

  it('keeps credits and refunds negative', async () => {
    const { rows } = await readAll(sampleBytes);
    const negative = (values: number[]) => values.filter(v => v < 0).sort();
    expect(negative(rows.map(r => r.billedCost))).toEqual(
      negative(expected.map(r => Number(r.BilledCost))),
    );
    expect(negative(rows.map(r => r.billedCost))).toHaveLength(13);
    expect(rows.find(r => r.chargeCategory === 'Credit')).toMatchObject({
      billedCost: -2.6137,
      effectiveCost: -3,
    });
  });

  it('turns literal NULL cells into null and keeps real values', async () => {
    const { rows } = await readAll(sampleBytes);
    const nullCount = (column: string) =>
      expected.filter(r => r[column] === 'NULL' || r[column] === '').length;
    expect(nullCount('ResourceName')).toBeGreaterThan(
      expected.filter(r => r.ResourceName === 'NULL').length,
    );
    expect(rows.filter(r => r.availabilityZone === null)).toHaveLength(
      nullCount('AvailabilityZone'),
    );
    expect(rows.filter(r => r.resourceName === null)).toHaveLength(
      nullCount('ResourceName'),
    );
    expect(rows.filter(r => r.consumedQuantity === null)).toHaveLength(
      nullCount('ConsumedQuantity'),
    );
    expect(rows.every(r => r.chargeClass === null)).toBe(true);
    expect(rows.some(r => r.resourceName === 'NULL')).toBe(false);
    const tagged = expected.filter(r => r.Tags.startsWith('{')).length;
    expect(rows.filter(r => Object.keys(r.tags).length > 0)).toHaveLength(
      tagged,
    );
    expect(rows[1].tags).toEqual({
      application: 'BrightLensMatrix',
      environment: 'dev',
      business_unit: 'ViennaAI',
    });
  });

  it('parses "YYYY-MM-DD HH:MM:SS" timestamps as UTC', async () => {
    const { rows } = await readAll(sampleBytes);
    expect(rows[0].line).toBe(2);
    expect(rows[0].chargePeriodStart).toBe(Date.UTC(2024, 8, 18, 22));
    expect(rows[0].chargePeriodEnd).toBe(Date.UTC(2024, 8, 18, 23));
    expect(rows[0].billingPeriodStart).toBe(Date.UTC(2024, 8, 1));
    expect(rows[0].billingPeriodEnd).toBe(Date.UTC(2024, 9, 1));
    rows.forEach((row, i) => {
      const text = expected[i].ChargePeriodStart;
      expect(row.chargePeriodStart).toBe(
        Date.parse(`${text.replace(' ', 'T')}Z`),
      );
    });
  });

  it('normalises the spelling of ChargeFrequency', async () => {
    const { rows } = await readAll(sampleBytes);
    expect(expected.some(r => r.ChargeFrequency === 'Usage-based')).toBe(true);
    expect(new Set(rows.map(r => r.chargeFrequency))).toEqual(
      new Set(['Usage-Based', 'One-Time']),
    );
  });

  it('fingerprints the bytes as stored, while reading', async () => {
    const { summary } = await readAll(sampleBytes);
    expect(summary.sha256).toBe(
      createHash('sha256').update(sampleBytes).digest('hex'),
    );
  });
});

describe('readFocusFile with gzip input', () => {
  const gzipped = gzipSync(sampleBytes);

  it.each([['auto' as const], [true]])(
    'gives the same aggregates as the plain file (gzip: %s)',
    async gzip => {
      const plain = await aggregateFocusFile(streamOf(sampleBytes), {
        sourceFile: 'f',
      });
      const compressed = await aggregateFocusFile(streamOf(gzipped, 1000), {
        sourceFile: 'f',
        gzip,
      });
      expect(compressed.aggregates).toEqual(plain.aggregates);
      expect(compressed.summary.gzip).toBe(true);
      expect(compressed.summary.bytesRead).toBe(gzipped.length);
      expect(compressed.sha256).toBe(
        createHash('sha256').update(gzipped).digest('hex'),
      );
    },
  );

  it('detects gzip even when the magic bytes arrive in separate chunks', async () => {
    const reader = readFocusFile(
      Readable.from([
        gzipped.subarray(0, 1),
        gzipped.subarray(1, 2),
        gzipped.subarray(2),
      ]),
    );
    let count = 0;
    for await (const _ of reader) count++;
    expect(count).toBe(1000);
    expect(reader.summary.gzip).toBe(true);
  });

  it('fails the file on a truncated gzip stream', async () => {
    await expect(
      readAll(gzipped.subarray(0, gzipped.length - 100)),
    ).rejects.toThrow(/unexpected end of file/i);
  });

  it('fails the file when gzip is forced on plain input', async () => {
    await expect(readAll(sampleBytes, { gzip: true })).rejects.toThrow(
      /incorrect header check/i,
    );
  });
});

const HEADER =
  'BilledCost,EffectiveCost,ChargePeriodStart,ChargePeriodEnd,ChargeCategory,BillingCurrency,ProviderName,Tags';

describe('readFocusFile refusing files', () => {
  it('refuses a file without a required column, naming it', async () => {
    const csv =
      'BilledCost,ChargePeriodStart,ChargeCategory,BillingCurrency\n1,2024-01-01,Usage,USD\n';
    const error = await readAll(csv).catch(e => e);
    expect(error).toBeInstanceOf(FocusFileError);
    expect(error.code).toBe('MISSING_REQUIRED_COLUMNS');
    expect(error.missingColumns).toEqual(['EffectiveCost']);
    expect(error.message).toContain('EffectiveCost');
  });

  it('refuses the official spec scenarios unless a currency is configured', async () => {
    const scenario = readFileSync(
      specScenarioFile('commitment_discount_usage_scenario_1'),
    );
    await expect(readAll(scenario)).rejects.toThrow(/BillingCurrency/);
    const { rows } = await readAll(scenario, { defaultBillingCurrency: 'usd' });
    expect(rows.map(r => r.billingCurrency)).toEqual(['USD']);
  });

  it('refuses an empty file', async () => {
    await expect(readAll('')).rejects.toMatchObject({ code: 'EMPTY_FILE' });
    await expect(readAll('\n\n')).rejects.toMatchObject({ code: 'EMPTY_FILE' });
  });

  it('refuses a file whose header row is broken CSV', async () => {
    const error = await readAll('BilledCost,"EffectiveCost\n1,2\n').catch(
      e => e,
    );
    expect(error).toBeInstanceOf(FocusFileError);
    expect(error.code).toBe('UNREADABLE_FILE');
    expect(error.message).toMatch(/Quote Not Closed/);
  });

  it('reads a header-only file as zero rows', async () => {
    const { rows, summary } = await readAll(`${HEADER}\n`);
    expect(rows).toEqual([]);
    expect(summary.complete).toBe(true);
  });
});

describe('readFocusFile rejecting rows', () => {
  const csv = [
    HEADER, // line 1
    '1.5,1.5,2024-03-01T10:00:00Z,2024-03-01T11:00:00Z,Usage,USD,AWS,', // 2
    'abc,1,2024-03-01T10:00:00Z,,Usage,USD,AWS,', // 3: bad number
    '1,1,2024-03-01T10:00:00Z,,Usage,USD,"Amazon\nWeb Services",', // 4-5: embedded newline
    '', // 6: blank, skipped
    '1,1,2024-03-01,,Usage,USD,AWS', // 7: one field short
    '1,,2024-03-01,,Usage,USD,AWS,', // 8: missing EffectiveCost
    '1,1,next tuesday,,Usage,USD,AWS,', // 9: bad start
    '1,1,2024-03-01,,,USD,AWS,', // 10: no category
    '1,1,2024-03-01,,Usage,dollars,AWS,', // 11: bad currency
    '-2,-2,2024-03-01,,credit,usd,AWS,{broken', // 12: ok, bad tags → warning
    '2,2,2024-03-01,2024-02-01,Refund,USD,AWS,', // 13: ok, two warnings
    '3,3,2024-03-01,2024-03-02,Usage,USD,AWS,"unclosed', // 14: malformed CSV at EOF
    '',
  ].join('\n');

  it('rejects bad rows with line, column and reason and keeps the rest', async () => {
    const rejected: unknown[] = [];
    const { rows, summary } = await readAll(csv, {
      onRejectedRow: r => rejected.push(r),
    });
    expect(rows.map(r => r.line)).toEqual([2, 5, 12, 13]);
    expect(summary.rejections).toEqual([
      { line: 3, column: 'BilledCost', problem: 'not a number', value: 'abc' },
      {
        line: 7,
        column: null,
        problem: 'expected 8 fields as in the header, found 7',
      },
      { line: 8, column: 'EffectiveCost', problem: 'required value is empty' },
      {
        line: 9,
        column: 'ChargePeriodStart',
        problem: 'not a valid timestamp',
        value: 'next tuesday',
      },
      {
        line: 10,
        column: 'ChargeCategory',
        problem: 'required value is empty',
      },
      {
        line: 11,
        column: 'BillingCurrency',
        problem: 'not an ISO 4217 currency code',
        value: 'dollars',
      },
      expect.objectContaining({
        line: 14,
        column: null,
        problem: expect.stringMatching(/^malformed CSV: Quote Not Closed/),
      }),
    ]);
    // The callback sees rows as they are found; the summary is in line order.
    expect(rejected).toHaveLength(summary.rejections.length);
    expect(rejected).toEqual(expect.arrayContaining([...summary.rejections]));
    expect(summary).toMatchObject({
      rowsRead: 11,
      rowsAccepted: 4,
      rowsRejected: 7,
    });
  });

  it('accepts rows with unusable optional values and counts warnings', async () => {
    const { rows, summary } = await readAll(csv);
    const credit = rows.find(r => r.line === 12)!;
    expect(credit).toMatchObject({
      billedCost: -2,
      effectiveCost: -2,
      chargeCategory: 'Credit',
      billingCurrency: 'USD',
      tags: {},
    });
    const refund = rows.find(r => r.line === 13)!;
    expect(refund.chargeCategory).toBe('Refund');
    expect(refund.chargePeriodEnd).toBeNull();
    expect(summary.warningCounts).toEqual({
      'invalid-tags': 1,
      'invalid-optional-value': 0,
      'unknown-charge-category': 1,
      'charge-period-end-before-start': 1,
    });
  });

  it('keeps multi-line quoted values and reports the line the record ends on', async () => {
    const { rows } = await readAll(csv);
    expect(rows.find(r => r.line === 5)?.providerName).toBe(
      'Amazon\nWeb Services',
    );
  });

  it('keeps only the first rejections in detail but counts all of them', async () => {
    const bad = Array.from(
      { length: 50 },
      () => 'x,1,2024-03-01,,Usage,USD,AWS,',
    );
    const { summary } = await readAll([HEADER, ...bad].join('\n'), {
      sampleLimit: 5,
    });
    expect(summary.rowsRejected).toBe(50);
    expect(summary.rejections).toHaveLength(5);
  });
});

describe('readFocusFile on CSV edge cases', () => {
  const rows = [
    HEADER, // line 1
    '1,1,2024-03-01,,Usage,USD,"Amazon\nWeb Services",', // 2-3: quoted line break
    '2,2,2024-03-01,,Usage,USD,"AWS, Inc.","{""team"":""a, b""}"', // 4: quoted comma, quotes
    '3,3,2024-03-01,,Usage,USD,AWS,,extra', // 5: one field too many
    '4,4,2024-03-01,,Usage,USD', // 6: two fields short
    '', // 7: blank
    '5,5,2024-03-01,,Usage,USD,AWS,', // 8
  ];

  it.each([
    ['LF', rows.join('\n')],
    ['CRLF', rows.join('\r\n')],
    ['BOM + CRLF', `\uFEFF${rows.join('\r\n')}\r\n`],
  ])(
    'keeps line numbers, quoting and field counts (%s)',
    async (_name, csv) => {
      // Cut into 5-byte chunks: record and CRLF boundaries fall anywhere.
      const reader = readFocusFile(streamOf(csv, 5));
      const read: FocusRow[] = [];
      for await (const row of reader) read.push(row);
      expect(read.map(r => r.line)).toEqual([3, 4, 8]);
      expect(read[0].providerName).toMatch(/^Amazon\r?\nWeb Services$/);
      expect(read[1]).toMatchObject({
        providerName: 'AWS, Inc.',
        tags: { team: 'a, b' },
      });
      expect(reader.summary.header?.fieldCount).toBe(8);
      expect(reader.summary.rejections).toEqual([
        {
          line: 5,
          column: null,
          problem: 'expected 8 fields as in the header, found 9',
        },
        {
          line: 6,
          column: null,
          problem: 'expected 8 fields as in the header, found 6',
        },
      ]);
      expect(reader.summary).toMatchObject({
        complete: true,
        rowsRead: 5,
        rowsAccepted: 3,
        rowsRejected: 2,
      });
    },
  );

  it('rejects a record with text after a closing quote and reads on', async () => {
    const csv = [
      HEADER, // 1
      '1,1,2024-03-01,,Usage,USD,"AWS"x,', // 2: malformed …
      '2,2,2024-03-01,,Usage,USD,AWS,"{}"', // 3: … up to the next closing quote
      '3,3,2024-03-01,,Usage,USD,AWS,', // 4
    ].join('\n');
    const { rows: read, summary } = await readAll(csv);
    expect(read.map(r => r.line)).toEqual([4]);
    expect(summary.rejections).toEqual([
      expect.objectContaining({
        line: 3,
        column: null,
        problem: expect.stringMatching(/^malformed CSV: Invalid Closing Quote/),
      }),
    ]);
    expect(summary).toMatchObject({ rowsRead: 2, rowsRejected: 1 });
  });

  it('reads the same whatever the chunk sizes', async () => {
    // Cut mid-record: the last record is rejected (too few fields) each time.
    const head = sampleBytes.subarray(0, 300_000);
    const whole = await aggregateFocusFile(streamOf(head), { sourceFile: 'f' });
    expect(whole.summary.rowsRejected).toBe(1);
    for (const chunkSize of [7, 4093]) {
      const chunked = await aggregateFocusFile(streamOf(head, chunkSize), {
        sourceFile: 'f',
      });
      expect(chunked.aggregates).toEqual(whole.aggregates);
      expect(chunked.summary).toEqual(whole.summary);
    }
  });
});

describe('readFocusFile with other FOCUS versions', () => {
  it('reads 1.2 columns, x_ extensions, exponents and RFC 3339 offsets', async () => {
    const csv = [
      'BilledCost,EffectiveCost,ListCost,ChargePeriodStart,ChargeCategory,BillingCurrency,ServiceName,ServiceSubcategory,CapacityReservationId,InvoiceId,x_CostCenter,x_Empty',
      '1.5E-7,1.2e-7,,2024-03-01T01:00:00+02:00,Usage,EUR,Compute Engine,Virtual Machines,cr-1,inv-9,cc-42,',
    ].join('\r\n');
    const { rows, summary } = await readAll(csv);
    expect(summary.header?.detectedVersion).toBe('1.2');
    expect(rows[0]).toMatchObject({
      billedCost: 1.5e-7,
      effectiveCost: 1.2e-7,
      listCost: null,
      chargePeriodStart: Date.UTC(2024, 1, 29, 23),
      billingCurrency: 'EUR',
      serviceSubcategory: 'Virtual Machines',
      capacityReservationId: 'cr-1',
      invoiceId: 'inv-9',
      providerName: null,
      tags: {},
      extensions: { x_CostCenter: 'cc-42' },
    });
  });

  it('reads pre-1.0 names (AmortizedCost, ChargeType) and a UTF-8 BOM', async () => {
    const csv =
      '\uFEFFBilledCost,AmortizedCost,ChargePeriodStart,ChargeType,BillingCurrency\n2,1,2024-03-01,purchase,USD\n';
    const { rows, summary } = await readAll(csv);
    expect(summary.header?.aliasedColumns).toEqual([
      'AmortizedCost→EffectiveCost',
      'ChargeType→ChargeCategory',
    ]);
    expect(rows[0]).toMatchObject({
      billedCost: 2,
      effectiveCost: 1,
      chargeCategory: 'Purchase',
    });
  });
});

describe('readFocusFile streaming behaviour', () => {
  it('reports progress every N rows and once at the end', async () => {
    const progress: Array<{ rowsRead: number; bytesRead: number }> = [];
    await readAll(sampleBytes, {
      progressEveryRows: 300,
      onProgress: p => progress.push(p),
    });
    expect(progress.map(p => p.rowsRead)).toEqual([300, 600, 900, 1000]);
    expect(progress[progress.length - 1].bytesRead).toBe(sampleBytes.length);
  });

  it('stops reading and releases the source when the consumer breaks early', async () => {
    const source = streamOf(sampleBytes, 1024);
    const reader = readFocusFile(source);
    let seen = 0;
    for await (const _ of reader) {
      if (++seen === 10) break;
    }
    expect(seen).toBe(10);
    expect(reader.summary.complete).toBe(false);
    expect(reader.summary.sha256).toBeNull();
    expect(source.destroyed).toBe(true);
  });

  it('can only be iterated once', async () => {
    const reader = readFocusFile(streamOf(`${HEADER}\n`));
    for await (const _ of reader) {
      // drain
    }
    expect(() => reader[Symbol.asyncIterator]()).toThrow(/once/);
  });
});

import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse/sync';
import {
  CsvRecordStream,
  type CsvRecordBatch,
  type CsvRecordStreamOptions,
} from './csvRecords';
import { FocusFileError } from './errors';
import { SAMPLE_FILE } from './__testUtils__/fixtures';

interface Tokenised {
  line: number;
  record: string[];
  problem?: string;
}

/**
 * Tokenises `input` fed in chunks of `chunkSize` bytes, parsing at every
 * chunk unless told otherwise.
 */
async function tokenise(
  input: string | Buffer,
  chunkSize: number,
  options: CsvRecordStreamOptions = { minParseChars: 1 },
): Promise<Tokenised[]> {
  const bytes = typeof input === 'string' ? Buffer.from(input) : input;
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunkSize) {
    chunks.push(bytes.subarray(i, i + chunkSize));
  }
  const stream = new CsvRecordStream(options);
  const done = pipeline(Readable.from(chunks), stream);
  // A failure surfaces through the iteration below.
  done.catch(() => {});
  const out: Tokenised[] = [];
  for await (const batch of stream as AsyncIterable<CsvRecordBatch>) {
    let next = 0;
    batch.records.forEach((record, i) => {
      const entry: Tokenised = {
        line: batch.lines ? batch.lines[i] : batch.firstLine + i,
        record,
      };
      if (batch.malformed[next]?.index === i) {
        entry.problem = batch.malformed[next++].problem;
      }
      out.push(entry);
    });
    expect(next).toBe(batch.malformed.length);
  }
  await done;
  return out;
}

/** The same, by csv-parse (an independent tokeniser), whole input at once. */
function expected(input: string | Buffer): Tokenised[] {
  const records = parse(input, {
    bom: true,
    info: true,
    skip_empty_lines: true,
    relax_column_count: true,
  }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  return records.map(({ record, info }) => ({ line: info.lines, record }));
}

// Quoted commas, doubled quotes, values spanning lines (one ending with a
// line break), multi-byte characters, an empty quoted value, a blank line,
// rows with too many and too few cells, no line break at the end.
const TRICKY = [
  'a,b,c',
  '1,"x, y",3',
  '"he said ""hi""",,"multi',
  'line',
  'value"',
  '€uro,ü,"日本, 東京"',
  '',
  '4,"",6',
  'too,many,cells,here',
  'too few',
  '"quoted ""last""",x,"ends with a line break',
  '"',
  '7,8,9',
].join('\n');

describe('CsvRecordStream', () => {
  // The line each of TRICKY's records ends on, whatever the line breaks.
  const TRICKY_LINES = [1, 2, 5, 6, 8, 9, 10, 12, 13];

  it('numbers lines like csv-parse on LF input', () => {
    expect(expected(TRICKY).map(r => r.line)).toEqual(TRICKY_LINES);
  });

  it.each([
    ['LF', TRICKY],
    ['CRLF', TRICKY.replace(/\n/g, '\r\n')],
    ['BOM + CRLF', `\uFEFF${TRICKY.replace(/\n/g, '\r\n')}`],
    ['a final line break', `${TRICKY}\n`],
  ])(
    'tokenises like csv-parse whatever the chunk boundaries (%s)',
    async (_name, text) => {
      // csv-parse counts a CRLF inside a quoted value as two lines; the
      // lines it reports are not compared here (see the test above).
      const want = expected(text).map(({ record }, i) => ({
        line: TRICKY_LINES[i],
        record,
      }));
      expect(want).toHaveLength(TRICKY_LINES.length);
      expect(want[2].record[2]).toMatch(/^multi\r?\nline\r?\nvalue$/);
      // Every split position, including inside multi-byte characters, the
      // BOM, doubled quotes and CRLF pairs.
      for (let chunkSize = 1; chunkSize <= 12; chunkSize++) {
        expect(await tokenise(text, chunkSize)).toEqual(want);
      }
      expect(await tokenise(text, 1 << 20)).toEqual(want);
    },
  );

  it('tokenises the real FOCUS sample like csv-parse', async () => {
    const bytes = readFileSync(SAMPLE_FILE);
    const want = expected(bytes);
    expect(want).toHaveLength(1001);
    // 1 MiB: one chunk, parsed in 64 KiB pieces.
    for (const chunkSize of [997, 16 * 1024, 64 * 1024, 1 << 20]) {
      expect(await tokenise(bytes, chunkSize)).toEqual(want);
      expect(await tokenise(bytes, chunkSize, {})).toEqual(want);
    }
  });

  it('reads old Mac line breaks (CR only)', async () => {
    const text = 'a,b\r1,"x\ry"\r2,3\r';
    expect(await tokenise(text, 2)).toEqual([
      { line: 1, record: ['a', 'b'] },
      { line: 3, record: ['1', 'x\ry'] },
      { line: 4, record: ['2', '3'] },
    ]);
  });

  it('numbers lines past blank lines and values spanning lines', async () => {
    const text = '\n\nh1,h2\n\n1,"a\nb"\n\n\n2,3\n';
    expect(await tokenise(text, 3)).toEqual([
      { line: 3, record: ['h1', 'h2'] },
      { line: 6, record: ['1', 'a\nb'] },
      { line: 9, record: ['2', '3'] },
    ]);
  });

  it('keeps records longer than a chunk whole', async () => {
    const long = `{"k":"${'v'.repeat(300_000)}"}`;
    const text = `h1,h2\n1,"${long.replace(/"/g, '""')}"\n2,3\n`;
    expect(await tokenise(text, 4096)).toEqual([
      { line: 1, record: ['h1', 'h2'] },
      { line: 2, record: ['1', long] },
      { line: 3, record: ['2', '3'] },
    ]);
  });

  it('flags a quote that is never closed, on the line the file ends', async () => {
    const text = 'h1,h2\n1,2\n3,"unclosed\n4,5\n';
    const records = await tokenise(text, 5);
    expect(records).toEqual([
      { line: 1, record: ['h1', 'h2'] },
      { line: 2, record: ['1', '2'] },
      {
        line: 4,
        record: expect.any(Array),
        problem: expect.stringMatching(/^Quote Not Closed/),
      },
    ]);
  });

  it('flags text after a closing quote and goes on at the next record Papa Parse finds', async () => {
    // Papa Parse keeps looking for a closing quote after the stray one; here
    // it finds one at the end of line 3, so line 4 is read again normally.
    const text = 'h1,h2\n1,"ab"c\n2,"x"\n4,5\n';
    const records = await tokenise(text, 4);
    expect(records).toEqual([
      { line: 1, record: ['h1', 'h2'] },
      {
        line: 3,
        record: expect.any(Array),
        problem: expect.stringMatching(/^Invalid Closing Quote/),
      },
      { line: 4, record: ['4', '5'] },
    ]);
  });

  it('refuses a file whose unfinished record outgrows the limit', async () => {
    // Checked while streaming; the final record is read whatever its size.
    const text = `h1,h2\n1,2\n3,"${'x'.repeat(300_000)}`;
    const error = await tokenise(text, 10_000, {
      maxRecordChars: 100_000,
    }).catch(e => e);
    expect(error).toBeInstanceOf(FocusFileError);
    expect(error.code).toBe('UNREADABLE_FILE');
    expect(error.message).toMatch(/starting on line 3 .* quote is not closed/);
  });

  it('reports consecutive records without a line table', async () => {
    const stream = new CsvRecordStream();
    const done = pipeline(
      Readable.from([Buffer.from('a,b\n1,2\n3,4\n')]),
      stream,
    );
    const batches: CsvRecordBatch[] = [];
    for await (const batch of stream) {
      batches.push(batch);
    }
    await done;
    expect(batches).toEqual([
      {
        records: [
          ['a', 'b'],
          ['1', '2'],
          ['3', '4'],
        ],
        lines: null,
        firstLine: 1,
        malformed: [],
      },
    ]);
  });

  it('parses at every chunk when asked to, and collects chunks otherwise', async () => {
    const text = 'a,b\n1,2\n3,4\n5,6\n';
    const batchesOf = async (options: CsvRecordStreamOptions) => {
      const stream = new CsvRecordStream(options);
      const done = pipeline(
        Readable.from(text.match(/.{1,4}/gs)!.map(c => Buffer.from(c))),
        stream,
      );
      let batches = 0;
      for await (const _ of stream) batches++;
      await done;
      return batches;
    };
    expect(await batchesOf({ minParseChars: 1 })).toBe(4);
    expect(await batchesOf({})).toBe(1);
  });

  it('emits nothing for empty input or blank lines only', async () => {
    expect(await tokenise('', 1)).toEqual([]);
    expect(await tokenise('\r\n\r\n', 1)).toEqual([]);
    expect(await tokenise('\uFEFF', 1)).toEqual([]);
  });
});

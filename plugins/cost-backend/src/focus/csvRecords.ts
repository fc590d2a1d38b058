/*
 * CSV tokenising for the FOCUS reader: bytes in, batches of records out.
 *
 * The tokeniser is Papa Parse's incremental parser (`Papa.Parser`), the
 * primitive that Papa Parse's own streaming modes are built on: given text
 * and `ignoreLastRow`, it returns every complete record and the position
 * after the last one (`meta.cursor`). What follows that position is an
 * unfinished record, which is handed back to the parser together with the
 * next chunk. This module only feeds it: it decodes UTF-8 across chunk
 * boundaries, drops a leading BOM, numbers the lines, turns Papa Parse's
 * quote errors into per-record problems and leaves blank lines out.
 *
 * Papa Parse is used this way rather than through `Papa.parse(stream)`
 * because its stream modes decode each Buffer chunk on its own (breaking
 * multi-byte characters at chunk boundaries), guess the line break from the
 * first chunk however short, and do not pass on errors or positions, which
 * the rejections' line numbers need.
 *
 * One batch is emitted per parsed chunk: one object per ~100 records instead
 * of one per record keeps the stream overhead per record negligible.
 */
import { Transform, type TransformCallback } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import * as Papa from 'papaparse';
import { FocusFileError } from './errors';

/** Records tokenised from one chunk of input, in file order. */
export interface CsvRecordBatch {
  /** The records' cells. Blank lines are left out. */
  readonly records: readonly string[][];
  /**
   * For each record, the line of the file on which it ends (1-based); null
   * when the records are on consecutive lines from `firstLine` on (no blank
   * lines, no line breaks inside values), the common case.
   */
  readonly lines: readonly number[] | null;
  /** Line of the first record. */
  readonly firstLine: number;
  /**
   * Records whose quoting is broken (an unclosed quote, text after a closing
   * quote), by position in `records`, ascending. Their cells are whatever
   * Papa Parse made of them and must not be used.
   */
  readonly malformed: ReadonlyArray<{ index: number; problem: string }>;
}

export interface CsvRecordStreamOptions {
  /**
   * Longest unfinished record, in characters, held while waiting for its end
   * (default 64 Mi). A quote that is never closed makes the rest of the file
   * one record; past this limit the file is refused instead of buffered.
   */
  maxRecordChars?: number;
  /**
   * Smaller chunks (zlib's, a network stream's) are collected up to this
   * many characters before they are parsed (default 48 Ki): Papa Parse's time
   * per record is lowest on texts of about 64 KiB (measured from 16 KiB to
   * 4 MiB on FOCUS data). Tests lower it to parse at every chunk boundary.
   */
  minParseChars?: number;
}

/**
 * Without a `\n`, this much text is examined before the line break is
 * chosen (it can only be `\r` then, or there is a single line).
 */
const LINE_BREAK_SAMPLE_CHARS = 64 * 1024;
const DEFAULT_MIN_PARSE_CHARS = 48 * 1024;
/** Larger chunks are parsed in pieces of this size, for the same reason. */
const PIECE_CHARS = 64 * 1024;
const DEFAULT_MAX_RECORD_CHARS = 64 * 1024 * 1024;
const BOM = 0xfeff;

/**
 * Papa Parse's quote errors, worded as csv-parse (the previous tokeniser)
 * worded them, so that messages stay recognisable.
 */
const PROBLEMS: Partial<Record<Papa.ParseError['code'], string>> = {
  MissingQuotes: 'Quote Not Closed: a quoted field is not closed',
  InvalidQuotes:
    'Invalid Closing Quote: a closing quote is followed by text other than a comma or line break',
};

/** A blank line: one empty cell. */
function isBlank(record: readonly string[]): boolean {
  return record.length === 1 && record[0] === '';
}

/** Occurrences of `char` in `text` before `end`. */
function countChar(text: string, char: string, end: number): number {
  let count = 0;
  for (
    let at = text.indexOf(char);
    at !== -1 && at < end;
    at = text.indexOf(char, at + 1)
  ) {
    count++;
  }
  return count;
}

/** Line breaks inside a record's cells (from quoted multi-line values). */
function lineBreaksInCells(record: readonly string[], char: string): number {
  let count = 0;
  for (const cell of record) {
    if (cell.length > 0) {
      count += countChar(cell, char, cell.length);
    }
  }
  return count;
}

/**
 * Transform stream: UTF-8 bytes (or strings) in, {@link CsvRecordBatch}es
 * out. Comma-separated, `"` quotes with `""` escapes, quoted values may span
 * lines; the line break is detected from the start of the file.
 */
export class CsvRecordStream extends Transform {
  private readonly decoder = new StringDecoder('utf8');
  private readonly maxRecordChars: number;
  private readonly minParseChars: number;
  private parser: Papa.Parser | null = null;
  /** The character counted as a line break once the line break is known. */
  private lineBreakChar = '\n';
  private atStart = true;
  /** Text not parsed yet: an unfinished record, then newer chunks. */
  private pending: string[] = [];
  private pendingChars = 0;
  /** Parse once this much text is pending (grows while a record is unfinished). */
  private parseAtChars: number;
  /** Line on which the pending text starts. */
  private line = 1;

  constructor(options: CsvRecordStreamOptions = {}) {
    super({ readableObjectMode: true, readableHighWaterMark: 4 });
    this.maxRecordChars = options.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS;
    this.minParseChars = Math.max(
      1,
      options.minParseChars ?? DEFAULT_MIN_PARSE_CHARS,
    );
    this.parseAtChars = this.minParseChars;
  }

  override _transform(
    chunk: Buffer | string,
    _encoding: BufferEncoding,
    callback: TransformCallback,
  ): void {
    try {
      const text =
        typeof chunk === 'string' ? chunk : this.decoder.write(chunk);
      if (text.length <= PIECE_CHARS * 2) {
        this.append(text);
        this.tokenise(false);
      } else {
        for (let at = 0; at < text.length; at += PIECE_CHARS) {
          this.append(text.slice(at, at + PIECE_CHARS));
          this.tokenise(false);
        }
      }
      callback();
    } catch (error) {
      callback(error as Error);
    }
  }

  override _flush(callback: TransformCallback): void {
    try {
      this.append(this.decoder.end());
      this.tokenise(true);
      callback();
    } catch (error) {
      callback(error as Error);
    }
  }

  private append(text: string): void {
    let added = text;
    if (this.atStart && added.length > 0) {
      this.atStart = false;
      if (added.charCodeAt(0) === BOM) {
        added = added.slice(1);
      }
    }
    if (added.length > 0) {
      this.pending.push(added);
      this.pendingChars += added.length;
    }
  }

  private takePending(): string {
    const text =
      this.pending.length === 1 ? this.pending[0] : this.pending.join('');
    this.pending = [];
    this.pendingChars = 0;
    return text;
  }

  private keepPending(text: string): void {
    if (text.length > 0) {
      this.pending.push(text);
      this.pendingChars = text.length;
    }
  }

  private tokenise(final: boolean): void {
    if (
      this.pendingChars === 0 ||
      (!final && this.pendingChars < this.parseAtChars)
    ) {
      return;
    }
    const text = this.takePending();
    const parser = this.parser ?? this.createParser(text, final);
    if (!parser) {
      this.keepPending(text);
      return;
    }

    const result = parser.parse(text, 0, !final) as Papa.ParseResult<string[]>;
    const records = result.data;
    const parsedChars = final ? text.length : result.meta.cursor;
    this.number(text, parsedChars, records, result.errors, final);

    const rest = parsedChars < text.length ? text.slice(parsedChars) : '';
    if (rest.length > this.maxRecordChars) {
      throw new FocusFileError(
        'UNREADABLE_FILE',
        `The CSV record starting on line ${this.line} is longer than ${this.maxRecordChars} characters; most likely a quote is not closed.`,
      );
    }
    this.keepPending(rest);
    // Nothing complete yet (a long record, or an unclosed quote): wait for
    // twice the text before trying again, so re-reading the unfinished
    // record stays linear in its length.
    this.parseAtChars =
      parsedChars === 0 ? text.length * 2 : this.minParseChars;
  }

  /**
   * Creates the parser once the text tells the line break: it holds a `\n`
   * (or is long), and does not end between the `\r` and `\n` of a CRLF.
   * Papa Parse chooses among `\r\n`, `\n` and `\r` by majority, outside
   * quoted values.
   */
  private createParser(text: string, final: boolean): Papa.Parser | null {
    if (
      !final &&
      (text.endsWith('\r') ||
        (text.length < LINE_BREAK_SAMPLE_CHARS && !text.includes('\n')))
    ) {
      return null;
    }
    const detected = Papa.parse<string[]>(text, {
      delimiter: ',',
      preview: 1,
    }).meta.linebreak;
    const lineBreak =
      detected === '\r\n' || detected === '\r' ? detected : '\n';
    this.lineBreakChar = lineBreak === '\r' ? '\r' : '\n';
    this.parser = new Papa.Parser({ delimiter: ',', newline: lineBreak });
    return this.parser;
  }

  /**
   * Gives each record the line it ends on, collects quote problems and
   * pushes the non-blank records.
   */
  private number(
    text: string,
    parsedChars: number,
    parsed: string[][],
    errors: readonly Papa.ParseError[],
    final: boolean,
  ): void {
    const char = this.lineBreakChar;
    // Every record but the last one of the final parse ends with a line
    // break. That last one is empty when the file ends with a line break.
    let terminated = parsed.length;
    if (final && parsed.length > 0) {
      terminated--;
      if (isBlank(parsed[terminated])) {
        parsed.pop();
      }
    }
    const lineBreaks = countChar(text, char, parsedChars);
    const firstLine = this.line;
    this.line += lineBreaks;

    let problems: Map<number, string> | null = null;
    for (const error of errors) {
      // Errors past the returned records belong to the unfinished record,
      // which is parsed again with the next chunk.
      if (error.row !== undefined && error.row < parsed.length) {
        problems ??= new Map();
        if (!problems.has(error.row)) {
          problems.set(error.row, PROBLEMS[error.code] ?? error.message);
        }
      }
    }
    let blank = 0;
    for (const record of parsed) {
      if (isBlank(record)) {
        blank++;
      }
    }

    if (lineBreaks === terminated && blank === 0 && problems === null) {
      // The common case: one record per line, nothing to leave out.
      if (parsed.length > 0) {
        const batch: CsvRecordBatch = {
          records: parsed,
          lines: null,
          firstLine,
          malformed: [],
        };
        this.push(batch);
      }
      return;
    }

    const records: string[][] = [];
    const lines: number[] = [];
    const malformed: Array<{ index: number; problem: string }> = [];
    let line = firstLine;
    for (let i = 0; i < parsed.length; i++) {
      const record = parsed[i];
      let inside = lineBreaksInCells(record, char);
      // A final record that swallowed the file's last line break (an
      // unclosed quote) still ends on the last line.
      if (i === terminated && inside > 0 && text.endsWith(char)) {
        inside--;
      }
      const endLine = line + inside;
      line = endLine + 1;
      const problem = problems?.get(i);
      if (problem === undefined && isBlank(record)) {
        continue;
      }
      if (problem !== undefined) {
        malformed.push({ index: records.length, problem });
      }
      records.push(record);
      lines.push(endLine);
    }
    if (records.length > 0) {
      const batch: CsvRecordBatch = {
        records,
        lines,
        firstLine: lines[0],
        malformed,
      };
      this.push(batch);
    }
  }
}

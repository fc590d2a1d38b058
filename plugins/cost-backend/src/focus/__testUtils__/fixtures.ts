/*
 * Test-only helpers: where the FOCUS fixture files live, and a
 * deliberately simple CSV splitter used to compute expected values
 * independently of the tokeniser (Papa Parse) and of the code under test.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The fixtures are part of the package (`../__fixtures__`, CC BY 4.0, with
 * their attribution in the README there), so a clone needs nothing beside it.
 */
export const FOCUS_FIXTURES_DIR = resolve(__dirname, '../__fixtures__');

export const SAMPLE_FILE = resolve(
  FOCUS_FIXTURES_DIR,
  'focus-1.0-sample-1000.csv',
);

export function specScenarioFile(name: string): string {
  return resolve(FOCUS_FIXTURES_DIR, 'spec-scenarios', `${name}.csv`);
}

/**
 * Minimal RFC 4180 splitter: quotes, doubled quotes, CRLF; no streaming, no
 * relaxations. Blank lines are dropped. Returns header + records as objects.
 */
export function splitCsv(text: string): Array<Record<string, string>> {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      field = '';
      record = [];
    } else {
      field += c;
    }
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  const nonBlank = records.filter(r => !(r.length === 1 && r[0] === ''));
  const [header, ...rows] = nonBlank;
  return rows.map(r => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

export function readSplitCsv(path: string): Array<Record<string, string>> {
  return splitCsv(readFileSync(path, 'utf8'));
}

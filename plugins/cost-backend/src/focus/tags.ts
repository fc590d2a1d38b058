/*
 * Parsing of the FOCUS `Tags` column: a JSON object of key/value pairs.
 *
 * Billing files repeat the same few tag sets on millions of rows, so parsed
 * results are memoised by their exact text. Memoised objects are frozen and
 * shared between rows; consumers must treat them as read-only (the types say
 * so).
 */

import { detachedCopy } from './values';

/** Tags of one row. Key-only tags (JSON `null` values) have value `''`. */
export type FocusTags = Readonly<Record<string, string>>;

/** The shared, frozen "no tags" value. */
export const NO_TAGS: FocusTags = Object.freeze({});

/** Marks memoised text that did not parse, so it is not re-parsed each time. */
const INVALID = Symbol('invalid-tags');

function tagValueToString(value: unknown): string {
  if (value === null || value === undefined) {
    return '';
  }
  if (typeof value === 'string') {
    return value;
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  // Nested structures are not FOCUS-conformant; keep them readable anyway.
  return JSON.stringify(value);
}

function toTags(parsed: unknown): FocusTags | undefined {
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return undefined;
  }
  const entries = Object.entries(parsed as Record<string, unknown>);
  if (entries.length === 0) {
    return NO_TAGS;
  }
  const tags: Record<string, string> = {};
  for (const [key, value] of entries) {
    tags[key] = tagValueToString(value);
  }
  return Object.freeze(tags);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return INVALID;
  }
}

/**
 * Parses Tags cells with a bounded memo.
 *
 * `parse` returns the tags, or `undefined` when the text is not a JSON object
 * (the caller counts a warning and treats the row as untagged). Text without
 * the surrounding braces (`"k": "v", "k2": "v2"`, seen in older Azure
 * exports) is accepted as well.
 */
export class TagsParser {
  private readonly memo = new Map<string, FocusTags | typeof INVALID>();

  constructor(private readonly memoLimit: number = 10_000) {}

  parse(text: string | null): FocusTags | undefined {
    if (text === null || text === '{}') {
      return NO_TAGS;
    }
    const memoised = this.memo.get(text);
    if (memoised !== undefined) {
      return memoised === INVALID ? undefined : memoised;
    }
    const tags = this.parseUncached(text);
    if (this.memo.size >= this.memoLimit) {
      // Clearing wholesale keeps memory bounded and the code trivial; files
      // with more distinct tag sets than the limit just parse more often.
      this.memo.clear();
    }
    // The text is a substring of a large chunk; keep only its own copy.
    this.memo.set(detachedCopy(text), tags ?? INVALID);
    return tags;
  }

  private parseUncached(text: string): FocusTags | undefined {
    let parsed = parseJson(text);
    if (parsed === INVALID && !text.startsWith('{')) {
      parsed = parseJson(`{${text}}`);
    }
    return parsed === INVALID ? undefined : toTags(parsed);
  }
}

/*
 * Parsing of individual FOCUS cell values.
 *
 * Real exports are messy: the literal string `NULL` stands for "no value",
 * timestamps come without a zone or with a space instead of `T`, and numbers
 * may use exponent notation. These functions accept all of that, and return
 * `undefined` for text that is present but cannot be understood, so that the
 * caller can decide whether that rejects the row or only raises a warning.
 *
 * They are hand-written instead of regex/Date based because they run for
 * every cell of millions of rows.
 */

/**
 * Returns the trimmed cell text, or null when the cell is empty or holds a
 * null token (`NULL`, `null`, `Null`, ...).
 */
export function cellText(raw: string | undefined): string | null {
  if (raw === undefined || raw.length === 0) {
    return null;
  }
  // Printable ASCII at both ends (the usual case) leaves nothing to trim;
  // checking that is cheaper than calling trim() on every cell.
  const first = raw.charCodeAt(0);
  const last = raw.charCodeAt(raw.length - 1);
  const text =
    first > 32 && first < 127 && last > 32 && last < 127 ? raw : raw.trim();
  if (text.length === 0) {
    return null;
  }
  if (text.length === 4 && (text === 'NULL' || text.toUpperCase() === 'NULL')) {
    return null;
  }
  return text;
}

/**
 * A copy of `text` that shares no memory with the string it was cut from.
 *
 * Cells are substrings of the ~64 KiB text the tokeniser parsed at once, and
 * V8 keeps that whole text alive for as long as any substring of 13 or more
 * characters of it is. Values kept beyond their row (aggregate keys, memo
 * keys, issue samples) are copied with this, which is cheap because it only
 * happens once per distinct value. JSON round-trips every string exactly.
 */
export function detachedCopy(text: string): string {
  return JSON.parse(JSON.stringify(text));
}

const CHAR_0 = 48;
const CHAR_9 = 57;

/**
 * Parses a decimal number (e.g. `-0.0000004`, `1.5E-7`); undefined if invalid.
 *
 * Number() does the work (it is exact-rounding and fast); what it accepts
 * beyond plain decimals is filtered out: "Infinity"/"NaN" (not finite),
 * empty text (the caller's null), and hex/binary/octal literals such as
 * `0x1F`, which a billing file never means. Thousands separators make
 * Number() fail, which is right: `1,234` is ambiguous across locales.
 */
export function parseDecimal(text: string): number | undefined {
  const plain = parsePlainDecimal(text);
  if (plain !== undefined) {
    return plain;
  }
  const value = Number(text);
  if (!Number.isFinite(value) || text.length === 0) {
    return undefined;
  }
  if (text.length > 2 && text.charCodeAt(0) === CHAR_0) {
    const prefix = text.charCodeAt(1) | 0x20; // lower-case
    if (
      prefix === 0x78 /* x */ ||
      prefix === 0x62 /* b */ ||
      prefix === 0x6f /* o */
    ) {
      return undefined;
    }
  }
  return value;
}

/** Exact powers of ten, 10^0 … 10^15. */
const POWERS_OF_TEN = [
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14,
  1e15,
];
const MAX_PLAIN_DIGITS = 15;

/**
 * Fast path of parseDecimal for the common `[-]digits[.digits]` form with at
 * most 15 digits; undefined for anything else. With that few digits the
 * digits form an integer below 2^53 and the power of ten is exact, so the
 * one division is correctly rounded: the result equals Number(text).
 */
function parsePlainDecimal(text: string): number | undefined {
  const length = text.length;
  let i = 0;
  let negative = false;
  if (length > 0 && text.charCodeAt(0) === 45 /* - */) {
    negative = true;
    i = 1;
  }
  let digits = 0;
  let fractionDigits = 0;
  let dot = false;
  let integer = 0;
  for (; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c >= CHAR_0 && c <= CHAR_9) {
      if (++digits > MAX_PLAIN_DIGITS) {
        return undefined;
      }
      integer = integer * 10 + (c - CHAR_0);
      if (dot) {
        fractionDigits++;
      }
    } else if (c === 46 /* . */ && !dot) {
      dot = true;
    } else {
      return undefined;
    }
  }
  if (digits === 0) {
    return undefined;
  }
  const value =
    fractionDigits === 0 ? integer : integer / POWERS_OF_TEN[fractionDigits];
  return negative ? -value : value;
}

/** Reads `count` ASCII digits at `from`; -1 when any of them is not a digit. */
function readDigits(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const c = text.charCodeAt(i);
    if (c < CHAR_0 || c > CHAR_9) {
      return -1;
    }
    value = value * 10 + (c - CHAR_0);
  }
  return value;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Parses a zone suffix at `pos` (`Z`, `+02:00`, `-0530`, `+02`, `UTC`,
 * optionally preceded by a space) into an offset in minutes east of UTC.
 * An empty suffix means UTC: FOCUS timestamps are UTC, and exports that drop
 * the zone still mean UTC. Returns undefined when the suffix is malformed.
 */
function parseZone(text: string, pos: number): number | undefined {
  let p = pos;
  if (p < text.length && text.charCodeAt(p) === 32 /* space */) {
    p++;
  }
  const rest = text.length - p;
  if (rest === 0) {
    return 0;
  }
  const first = text[p];
  if (rest === 1 && (first === 'Z' || first === 'z')) {
    return 0;
  }
  if (rest === 3 && text.slice(p).toUpperCase() === 'UTC') {
    return 0;
  }
  if (first !== '+' && first !== '-') {
    return undefined;
  }
  const sign = first === '-' ? -1 : 1;
  const hours = readDigits(text, p + 1, 2);
  let minutes = 0;
  if (rest === 3) {
    minutes = 0;
  } else if (rest === 5) {
    minutes = readDigits(text, p + 3, 2);
  } else if (rest === 6 && text.charCodeAt(p + 3) === 58 /* : */) {
    minutes = readDigits(text, p + 4, 2);
  } else {
    return undefined;
  }
  if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) {
    return undefined;
  }
  return sign * (hours * 60 + minutes);
}

/**
 * Parses a timestamp into milliseconds since the epoch (UTC).
 *
 * Accepted: `YYYY-MM-DD`, `YYYY-MM-DD[T| ]HH:MM[:SS[.fff…]]` followed by an
 * optional zone (`Z`, `±HH:MM`, `±HHMM`, `±HH`, `UTC`). Text without a zone
 * is read as UTC. Field ranges are validated (no 24:00, no February 30th).
 */
export function parseTimestamp(text: string): number | undefined {
  if (text.length < 10) {
    return undefined;
  }
  const year = readDigits(text, 0, 4);
  const month = readDigits(text, 5, 2);
  const day = readDigits(text, 8, 2);
  if (
    year < 0 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    text.charCodeAt(4) !== 45 /* - */ ||
    text.charCodeAt(7) !== 45 ||
    day > daysInMonth(year, month)
  ) {
    return undefined;
  }
  if (text.length === 10) {
    return Date.UTC(year, month - 1, day);
  }
  const separator = text[10];
  if (separator !== 'T' && separator !== 't' && separator !== ' ') {
    return undefined;
  }
  const hour = readDigits(text, 11, 2);
  const minute = readDigits(text, 14, 2);
  if (
    hour < 0 ||
    hour > 23 ||
    minute < 0 ||
    minute > 59 ||
    text.charCodeAt(13) !== 58 /* : */
  ) {
    return undefined;
  }
  let pos = 16;
  let second = 0;
  let millisecond = 0;
  if (text.charCodeAt(pos) === 58 /* : */) {
    second = readDigits(text, pos + 1, 2);
    if (second < 0 || second > 59) {
      return undefined;
    }
    pos += 3;
    if (text.charCodeAt(pos) === 46 /* . */) {
      pos++;
      const fractionStart = pos;
      let scale = 100;
      while (pos < text.length) {
        const c = text.charCodeAt(pos);
        if (c < CHAR_0 || c > CHAR_9) {
          break;
        }
        // Sub-millisecond digits are dropped; billing periods are whole hours.
        millisecond += (c - CHAR_0) * scale;
        scale /= 10;
        pos++;
      }
      if (pos === fractionStart) {
        return undefined;
      }
      millisecond = Math.floor(millisecond);
    }
  }
  const offsetMinutes = parseZone(text, pos);
  if (offsetMinutes === undefined) {
    return undefined;
  }
  return (
    Date.UTC(year, month - 1, day, hour, minute, second, millisecond) -
    offsetMinutes * 60_000
  );
}

/**
 * A parseTimestamp that remembers its last input. Billing files repeat the
 * same charge period on every line item of an hour, so most calls are a
 * string comparison.
 */
export function memoizedTimestampParser(): (
  text: string,
) => number | undefined {
  let lastText: string | undefined;
  let lastValue: number | undefined;
  return text => {
    if (text !== lastText) {
      lastText = text;
      lastValue = parseTimestamp(text);
    }
    return lastValue;
  };
}

const MS_PER_DAY = 86_400_000;

/** The UTC calendar day (`YYYY-MM-DD`) of an epoch-milliseconds instant. */
export function utcDay(epochMs: number): string {
  return dayNumberToIsoDate(utcDayNumber(epochMs));
}

/** Number of whole UTC days since the epoch; used as a cheap grouping key. */
export function utcDayNumber(epochMs: number): number {
  return Math.floor(epochMs / MS_PER_DAY);
}

/** Inverse of {@link utcDayNumber}: `YYYY-MM-DD` for a day number. */
export function dayNumberToIsoDate(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

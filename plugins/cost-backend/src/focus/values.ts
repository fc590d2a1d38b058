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
  if (raw === undefined) {
    return null;
  }
  // trim() returns the same string instance when there is nothing to strip,
  // so this costs no allocation on well-formed files.
  const text = raw.trim();
  if (text.length === 0) {
    return null;
  }
  if (text.length === 4 && (text === 'NULL' || text.toUpperCase() === 'NULL')) {
    return null;
  }
  return text;
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

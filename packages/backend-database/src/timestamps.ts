/**
 * A stored timestamp as ISO 8601, whichever database kept it: PostgreSQL
 * answers a Date, SQLite a number (epoch ms) or text. SQLite's
 * CURRENT_TIMESTAMP text ("2026-11-23 10:00:00") has no zone and is UTC.
 * Null stays null; text that is no time is answered as it is.
 */
export function toIsoTimestamp(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number') return new Date(value).toISOString();
  const text = String(value);
  const date = new Date(
    /^\d{4}-\d{2}-\d{2} \d/.test(text) ? `${text.replace(' ', 'T')}Z` : text,
  );
  return Number.isNaN(date.getTime()) ? text : date.toISOString();
}

/** {@link toIsoTimestamp} of a column that is never null. */
export function requiredIsoTimestamp(value: unknown): string {
  const iso = toIsoTimestamp(value);
  if (iso === null) throw new TypeError('A required timestamp is missing');
  return iso;
}

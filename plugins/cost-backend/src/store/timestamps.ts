/**
 * Timestamps come back as Date from PostgreSQL and as numbers (epoch ms) or
 * strings from SQLite; the API always speaks ISO 8601.
 */
export function toIsoTimestamp(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number') return new Date(value).toISOString();
  const text = String(value);
  // SQLite's CURRENT_TIMESTAMP style ("2026-11-23 10:00:00") is UTC.
  const date = new Date(
    /^\d{4}-\d{2}-\d{2} \d/.test(text) ? `${text.replace(' ', 'T')}Z` : text,
  );
  return Number.isNaN(date.getTime()) ? text : date.toISOString();
}

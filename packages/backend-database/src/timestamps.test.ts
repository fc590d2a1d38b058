import { requiredIsoTimestamp, toIsoTimestamp } from './timestamps';

describe('stored timestamps', () => {
  it('reads PostgreSQL dates, SQLite numbers and SQLite text alike, as UTC', () => {
    const iso = '2026-11-23T10:00:00.000Z';
    expect(toIsoTimestamp(new Date(iso))).toBe(iso);
    expect(toIsoTimestamp(Date.parse(iso))).toBe(iso);
    expect(toIsoTimestamp('2026-11-23 10:00:00')).toBe(iso);
    expect(toIsoTimestamp('2026-11-23T11:00:00+01:00')).toBe(iso);
  });

  it('keeps null, answers text that is no time as it is, and refuses a missing required one', () => {
    expect(toIsoTimestamp(null)).toBeNull();
    expect(toIsoTimestamp(undefined)).toBeNull();
    expect(toIsoTimestamp('soon')).toBe('soon');
    expect(() => requiredIsoTimestamp(null)).toThrow(
      'A required timestamp is missing',
    );
    expect(requiredIsoTimestamp(0)).toBe('1970-01-01T00:00:00.000Z');
  });
});

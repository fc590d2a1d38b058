import { age, money, plural } from './format';

describe('format', () => {
  it('says how long ago, in the largest whole unit', () => {
    const now = Date.parse('2026-05-01T12:00:00Z');
    expect(age('2026-05-01T11:59:30Z', now)).toBe('just now');
    expect(age('2026-05-01T11:57:00Z', now)).toBe('3 minutes ago');
    expect(age('2026-05-01T11:00:00Z', now)).toBe('1 hour ago');
    expect(age('2026-04-28T12:00:00Z', now)).toBe('3 days ago');
  });

  it('writes money and counts as people read them', () => {
    expect(money(1234.5)).toBe('1,234.50 USD');
    expect(money(12345.6)).toBe('12,346 USD');
    expect(plural(1, 'pod')).toBe('1 pod');
    expect(plural(2, 'pod')).toBe('2 pods');
  });
});

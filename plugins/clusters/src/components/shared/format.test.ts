import { age, plural } from './format';

describe('format', () => {
  it('says how long ago, in the largest whole unit', () => {
    const now = Date.parse('2026-05-01T12:00:00Z');
    expect(age('2026-05-01T11:59:30Z', now)).toBe('just now');
    expect(age('2026-05-01T11:57:00Z', now)).toBe('3 minutes ago');
    expect(age('2026-05-01T11:00:00Z', now)).toBe('1 hour ago');
    expect(age('2026-04-28T12:00:00Z', now)).toBe('3 days ago');
  });

  it('writes counts as people read them', () => {
    expect(plural(1, 'pod')).toBe('1 pod');
    expect(plural(2, 'pod')).toBe('2 pods');
  });
});

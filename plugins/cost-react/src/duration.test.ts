import { formatDuration } from './duration';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('formatDuration', () => {
  it('writes durations compactly by default, days with their hours', () => {
    expect(formatDuration(45 * MINUTE)).toBe('45m');
    expect(formatDuration(5 * HOUR + 59 * MINUTE)).toBe('5h');
    expect(formatDuration(3 * DAY + 4 * HOUR)).toBe('3d 4h');
    expect(formatDuration(2 * DAY + 30 * MINUTE)).toBe('2d');
    expect(formatDuration(59_999)).toBe('0m');
    expect(formatDuration(-5 * MINUTE)).toBe('0m');
  });

  it('writes durations in words, in the largest whole unit', () => {
    expect(formatDuration(MINUTE, 'words')).toBe('1 minute');
    expect(formatDuration(3 * MINUTE, 'words')).toBe('3 minutes');
    expect(formatDuration(HOUR + 59 * MINUTE, 'words')).toBe('1 hour');
    expect(formatDuration(3 * DAY + 23 * HOUR, 'words')).toBe('3 days');
    expect(formatDuration(30_000, 'words')).toBe('0 minutes');
  });
});

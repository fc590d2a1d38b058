import { presetRange } from './dateRanges';

describe('presetRange', () => {
  it('ends every preset on the newest day with data', () => {
    expect(presetRange('last-30', '2026-03-10')).toEqual({
      from: '2026-02-09',
      to: '2026-03-10',
    });
    expect(presetRange('month-to-date', '2026-03-10')).toEqual({
      from: '2026-03-01',
      to: '2026-03-10',
    });
    expect(presetRange('last-90', '2026-03-10')).toEqual({
      from: '2025-12-11',
      to: '2026-03-10',
    });
    expect(presetRange('last-12-months', '2026-03-10').from).toBe('2025-03-11');
  });
});

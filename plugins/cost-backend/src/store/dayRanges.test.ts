import {
  daysOf,
  dayCount,
  lastDayOfMonth,
  splitByWholeMonths,
} from './dayRanges';

describe('splitByWholeMonths', () => {
  it('reads whole months from the monthly rollup and the edges from the daily one', () => {
    expect(
      splitByWholeMonths({ from: '2026-01-15', to: '2026-04-10' }),
    ).toEqual({
      months: ['2026-02', '2026-03'],
      dayRanges: [
        { from: '2026-01-15', to: '2026-01-31' },
        { from: '2026-04-01', to: '2026-04-10' },
      ],
    });
  });

  it('handles ranges inside one month, exact months and leap years', () => {
    expect(
      splitByWholeMonths({ from: '2026-03-03', to: '2026-03-09' }),
    ).toEqual({
      months: [],
      dayRanges: [{ from: '2026-03-03', to: '2026-03-09' }],
    });
    expect(
      splitByWholeMonths({ from: '2028-02-01', to: '2028-02-29' }),
    ).toEqual({
      months: ['2028-02'],
      dayRanges: [],
    });
    expect(
      splitByWholeMonths({ from: '2025-12-01', to: '2026-11-30' }).months,
    ).toHaveLength(12);
  });

  it('covers every day exactly once', () => {
    const range = { from: '2025-11-17', to: '2026-11-22' };
    const { months, dayRanges } = splitByWholeMonths(range);
    const covered = [
      ...months.flatMap(m =>
        daysOf({ from: `${m}-01`, to: lastDayOfMonth(m) }),
      ),
      ...dayRanges.flatMap(daysOf),
    ].sort();
    expect(covered).toEqual(daysOf(range));
    expect(covered).toHaveLength(dayCount(range));
  });
});

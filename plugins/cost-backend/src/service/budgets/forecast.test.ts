import { forecastMonth } from './forecast';

const days = (month: string, costs: number[]) =>
  costs.map((cost, i) => ({
    day: `${month}-${String(i + 1).padStart(2, '0')}`,
    cost,
  }));

describe('forecastMonth', () => {
  it('adds the last seven days run rate for the rest of the month', () => {
    // 10 days in: 10/day for 3 days, then 20/day for 7 days.
    const daily = days('2026-04', [10, 10, 10, 20, 20, 20, 20, 20, 20, 20]);
    const { actualToDate, forecast } = forecastMonth(
      '2026-04',
      daily,
      '2026-04-10',
    );
    expect(actualToDate).toBe(170);
    // April has 30 days: 20 more days at 20.
    expect(forecast).toBe(170 + 20 * 20);
  });

  it('uses what there is early in the month, counting days without spend as zero', () => {
    const { forecast } = forecastMonth(
      '2026-02',
      [{ day: '2026-02-02', cost: 30 }],
      '2026-02-02',
    );
    // Run rate (0 + 30) / 2 over the 26 remaining days of February 2026.
    expect(forecast).toBe(30 + 15 * 26);
  });

  it('is the actual spend for a month that is over, and zero for one not begun', () => {
    const daily = days('2026-03', Array(31).fill(2));
    expect(forecastMonth('2026-03', daily, '2026-04-05')).toEqual({
      actualToDate: 62,
      forecast: 62,
    });
    expect(forecastMonth('2026-05', daily, '2026-04-05')).toEqual({
      actualToDate: 0,
      forecast: 0,
    });
  });
});

import { lastDayOfMonth } from '../../store/dayRanges';

/** Days of run rate the forecast averages: recent enough to follow a change. */
export const RUN_RATE_DAYS = 7;

/**
 * Spend expected by the end of `month`: what was spent so far plus the average
 * of the last {@link RUN_RATE_DAYS} days of data for each day still to come.
 * `daily` holds the month's days with data, in order; `asOf` is the last day
 * that has data (days after it are the future).
 */
export function forecastMonth(
  month: string,
  daily: { day: string; cost: number }[],
  asOf: string,
): { actualToDate: number; forecast: number } {
  const inMonth = daily.filter(d => d.day.startsWith(month) && d.day <= asOf);
  const actualToDate = inMonth.reduce((sum, d) => sum + d.cost, 0);
  const monthEnd = lastDayOfMonth(month);
  if (asOf >= monthEnd) return { actualToDate, forecast: actualToDate };
  if (asOf < `${month}-01`) return { actualToDate: 0, forecast: 0 };

  const elapsedDays = Number(asOf.slice(8, 10));
  const remainingDays = Number(monthEnd.slice(8, 10)) - elapsedDays;
  const window = Math.min(RUN_RATE_DAYS, elapsedDays);
  const byDay = new Map(inMonth.map(d => [d.day, d.cost]));
  let recent = 0;
  for (let i = 0; i < window; i++) {
    const day = `${month}-${String(elapsedDays - i).padStart(2, '0')}`;
    recent += byDay.get(day) ?? 0;
  }
  const runRate = recent / window;
  return { actualToDate, forecast: actualToDate + runRate * remainingDays };
}

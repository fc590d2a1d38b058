import type { DayRange } from '@gatehouse/plugin-cost-common';

const DAY_MS = 86_400_000;

export const dayToTime = (day: string) => Date.parse(`${day}T00:00:00Z`);
export const timeToDay = (time: number) =>
  new Date(time).toISOString().slice(0, 10);
export const addDays = (day: string, days: number) =>
  timeToDay(dayToTime(day) + days * DAY_MS);

/** Every day of an inclusive range, in order. */
export function daysOf(range: DayRange): string[] {
  const days: string[] = [];
  for (let t = dayToTime(range.from); t <= dayToTime(range.to); t += DAY_MS) {
    days.push(timeToDay(t));
  }
  return days;
}

/** The number of days in an inclusive range. */
export const dayCount = (range: DayRange) =>
  Math.round((dayToTime(range.to) - dayToTime(range.from)) / DAY_MS) + 1;

/** The last day of a `YYYY-MM` month. */
export function lastDayOfMonth(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number);
  return timeToDay(Date.UTC(year, monthNumber, 0));
}

/**
 * Splits a range into the whole calendar months it contains and the ragged
 * days before and after them, so a year of spend is read from 12 monthly
 * rollup rows per group instead of 365 daily ones.
 */
export function splitByWholeMonths(range: DayRange): {
  months: string[];
  dayRanges: DayRange[];
} {
  const months: string[] = [];
  const dayRanges: DayRange[] = [];
  let cursor = range.from;
  let pendingStart: string | undefined;
  while (cursor <= range.to) {
    const month = cursor.slice(0, 7);
    const monthEnd = lastDayOfMonth(month);
    if (cursor.endsWith('-01') && monthEnd <= range.to) {
      if (pendingStart) {
        dayRanges.push({ from: pendingStart, to: addDays(cursor, -1) });
        pendingStart = undefined;
      }
      months.push(month);
      cursor = addDays(monthEnd, 1);
    } else {
      pendingStart ??= cursor;
      const stop = monthEnd < range.to ? monthEnd : range.to;
      cursor = addDays(stop, 1);
    }
  }
  if (pendingStart) dayRanges.push({ from: pendingStart, to: range.to });
  return { months, dayRanges };
}

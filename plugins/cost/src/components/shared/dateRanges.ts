export type RangePreset =
  | 'last-30'
  | 'last-90'
  | 'month-to-date'
  | 'last-12-months';

export const RANGE_PRESETS: { value: RangePreset; label: string }[] = [
  { value: 'last-30', label: 'Last 30 days' },
  { value: 'last-90', label: 'Last 90 days' },
  { value: 'month-to-date', label: 'Month to date' },
  { value: 'last-12-months', label: 'Last 12 months' },
];

const DAY_MS = 86_400_000;
const shift = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS)
    .toISOString()
    .slice(0, 10);

/**
 * The days a preset covers, ending on `asOf`: the newest day with billing data,
 * since exports arrive a day or more late and an empty "today" misleads.
 */
export function presetRange(
  preset: RangePreset,
  asOf: string,
): { from: string; to: string } {
  switch (preset) {
    case 'last-90':
      return { from: shift(asOf, -89), to: asOf };
    case 'month-to-date':
      return { from: `${asOf.slice(0, 7)}-01`, to: asOf };
    case 'last-12-months':
      return { from: shift(asOf, -364), to: asOf };
    default:
      return { from: shift(asOf, -29), to: asOf };
  }
}

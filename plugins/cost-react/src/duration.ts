const MINUTE_MS = 60_000;

/**
 * How a duration is written: `compact` for tables and tight lines ("45m",
 * "5h", "3d 4h"), `words` for sentences, in the largest whole unit
 * ("45 minutes", "1 hour", "3 days").
 */
export type DurationStyle = 'compact' | 'words';

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/**
 * A duration in milliseconds as people read it, in whole minutes at the
 * finest (negative durations count as none). Every frontend writes ages,
 * waits and expiries through this, so "5h" means the same everywhere.
 *
 * Not to be confused with infra-plans-common's `formatDuration`, which writes
 * seconds the way plan files state them ("1h30m").
 */
export function formatDuration(
  ms: number,
  style: DurationStyle = 'compact',
): string {
  const minutes = Math.max(0, Math.floor(ms / MINUTE_MS));
  const hours = Math.floor(minutes / 60);
  const days = Math.floor(hours / 24);
  if (style === 'words') {
    if (hours < 1) return plural(minutes, 'minute');
    return days < 1 ? plural(hours, 'hour') : plural(days, 'day');
  }
  if (hours < 1) return `${minutes}m`;
  if (days < 1) return `${hours}h`;
  // Days alone are too coarse for a wait measured in days: keep the hours.
  const rest = hours % 24;
  return rest ? `${days}d ${rest}h` : `${days}d`;
}

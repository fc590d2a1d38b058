import { formatDuration } from '@gatehouse/plugin-cost-react';

/** "3 minutes ago", "2 days ago": how long ago, in the largest whole unit. */
export function age(iso: string, now = Date.now()): string {
  // Whole seconds first, so that 59.6 seconds is already "1 minute ago".
  const elapsed =
    Math.max(0, Math.round((now - Date.parse(iso)) / 1000)) * 1000;
  // Under a minute, and times that do not parse, are "just now".
  if (!(elapsed >= 60_000)) return 'just now';
  return `${formatDuration(elapsed, 'words')} ago`;
}

export const plural = (n: number, word: string) =>
  `${n} ${word}${n === 1 ? '' : 's'}`;

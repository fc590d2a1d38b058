import type { Theme } from '@material-ui/core';

/**
 * What a status means to the reader, which decides its colour: it went well,
 * it needs attention, it went wrong, it is informative, it is settled, or it
 * is set aside. Each domain (a request's status, a pod's health, a budget)
 * maps its values to a tone; the theme decides what colour a tone is.
 */
export type StatusTone =
  | 'success'
  | 'warning'
  | 'error'
  | 'info'
  | 'neutral'
  | 'muted';

/**
 * A status as a chip shows it: its words and its tone.
 *
 * @public
 */
export type StatusLabel = { label: string; tone: StatusTone };

/** The theme's colour for a tone. */
export function toneColor(theme: Theme, tone: StatusTone): string {
  switch (tone) {
    case 'neutral':
      return theme.palette.grey[700];
    case 'muted':
      return theme.palette.grey[500];
    default:
      return theme.palette[tone].main;
  }
}

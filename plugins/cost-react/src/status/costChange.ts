import type { Theme } from '@material-ui/core';
import { StatusTone, toneColor } from './tones';

/** Changes under half a cent round to nothing, so they get no colour. */
const HALF_CENT = 0.005;

/**
 * The tone of a change in cost: `error` for more cost, `success` for less,
 * none when there is no change to speak of or it is unknown.
 *
 * @public
 */
export function costChangeTone(
  delta: number | null | undefined,
): StatusTone | undefined {
  if (delta === null || delta === undefined) return undefined;
  if (delta > HALF_CENT) return 'error';
  if (delta < -HALF_CENT) return 'success';
  return undefined;
}

/**
 * The theme's colour for a change in cost (see {@link costChangeTone}), or
 * none to keep the text's own colour.
 *
 * @public
 */
export function costChangeColor(
  theme: Theme,
  delta: number | null | undefined,
): string | undefined {
  const tone = costChangeTone(delta);
  return tone && toneColor(theme, tone);
}

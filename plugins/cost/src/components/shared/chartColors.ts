import { blueGrey } from '@material-ui/core/colors';

/**
 * Fixed colours for chart series, kept in this one place. Spend groups need
 * many colours that tell groups apart without saying good or bad, which the
 * theme's few status colours cannot give: the Tableau 10 categorical palette,
 * which reads on light and dark backgrounds alike.
 */
export const SERIES_COLORS = [
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#d62728',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#17becf',
  '#bcbd22',
];

/** The month's forecast beside the spend so far: present, but quieter. */
export const FORECAST_COLOR = blueGrey[300];

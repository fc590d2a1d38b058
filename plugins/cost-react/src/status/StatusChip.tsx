import { forwardRef } from 'react';
import { Chip, ChipProps, useTheme } from '@material-ui/core';
import { StatusTone, toneColor } from './tones';

/** @public */
export type StatusChipProps = Omit<ChipProps, 'color' | 'variant' | 'size'> & {
  tone: StatusTone;
  /**
   * `filled` (the default) for a state, `outlined` for a quieter attribute
   * shown next to one, such as a risk level or a reason.
   */
  variant?: 'filled' | 'outlined';
};

/**
 * The one chip every Gatehouse frontend shows a status with: small, in the
 * theme's colour for the status's tone.
 *
 * @public
 */
export const StatusChip = forwardRef<HTMLDivElement, StatusChipProps>(
  function StatusChipWithRef(props, ref) {
    const { tone, variant = 'filled', style, ...chipProps } = props;
    const theme = useTheme();
    const color = toneColor(theme, tone);
    return variant === 'outlined' ? (
      <Chip
        ref={ref}
        size="small"
        variant="outlined"
        style={{ borderColor: color, color, fontWeight: 600, ...style }}
        {...chipProps}
      />
    ) : (
      <Chip
        ref={ref}
        size="small"
        style={{
          background: color,
          color: theme.palette.getContrastText(color),
          ...style,
        }}
        {...chipProps}
      />
    );
  },
);

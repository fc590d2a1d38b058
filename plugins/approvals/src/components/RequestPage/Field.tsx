import { ReactNode } from 'react';
import { Box, Typography } from '@material-ui/core';

/** A labelled value of a summary. */
export function Field(props: { label: string; children: ReactNode }) {
  return (
    <Box mb={1.5}>
      <Typography variant="overline" color="textSecondary" display="block">
        {props.label}
      </Typography>
      <Box
        component="div"
        aria-label={props.label}
        style={{ fontSize: '0.875rem' }}
      >
        {props.children}
      </Box>
    </Box>
  );
}

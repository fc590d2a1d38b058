import { configApiRef, useApi } from '@backstage/core-plugin-api';
import { Link, Typography } from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import { ReactNode, useState } from 'react';

/**
 * A visible "Example data" label, shown when the configuration flag says the
 * data a page shows is made up (the embedded default), with how to connect
 * the real source behind a toggle. Renders nothing otherwise (production).
 * @public
 */
export function ExampleDataNotice(props: {
  /** The boolean configuration key that marks the data as example data. */
  flag: string;
  /** What is made up, after "Example data:". */
  summary: ReactNode;
  /** The toggle's text, e.g. "How to connect real billing". */
  howToLabel: string;
  /** How to connect the real source. */
  howTo: ReactNode;
  compact?: boolean;
}) {
  const config = useApi(configApiRef);
  const [open, setOpen] = useState(false);
  if (!config.getOptionalBoolean(props.flag)) return null;
  return (
    <Alert
      severity="info"
      role="note"
      aria-label="Example data"
      style={{ marginBottom: props.compact ? 8 : 16 }}
    >
      <Typography variant="body2" component="span">
        <strong>Example data:</strong> {props.summary}{' '}
        <Link
          component="button"
          variant="body2"
          aria-expanded={open}
          onClick={() => setOpen(!open)}
          style={{ verticalAlign: 'baseline' }}
        >
          {props.howToLabel}
        </Link>
      </Typography>
      {open && (
        <Typography variant="body2" component="div" style={{ marginTop: 8 }}>
          {props.howTo}
        </Typography>
      )}
    </Alert>
  );
}

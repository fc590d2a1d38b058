import { configApiRef, useApi } from '@backstage/core-plugin-api';
import { Link, Typography } from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import { useState } from 'react';

/** The configuration flag that marks the portal's billing as example data. */
export const EXAMPLE_BILLING_FLAG = 'gatehouse.exampleData.billing';

/**
 * A visible "Example data" label for pages and cards that show spend, when
 * the configuration says the billing is generated example billing. Renders
 * nothing otherwise (production).
 * @public
 */
export function ExampleBillingNotice(props: { compact?: boolean }) {
  const config = useApi(configApiRef);
  const [open, setOpen] = useState(false);
  if (!config.getOptionalBoolean(EXAMPLE_BILLING_FLAG)) return null;
  return (
    <Alert
      severity="info"
      role="note"
      aria-label="Example data"
      style={{ marginBottom: props.compact ? 8 : 16 }}
    >
      <Typography variant="body2" component="span">
        <strong>Example data:</strong> this spend comes from generated example
        billing (files named <code>example-focus-*</code>), not from a cloud
        provider's bill.{' '}
        <Link
          component="button"
          variant="body2"
          aria-expanded={open}
          onClick={() => setOpen(!open)}
          style={{ verticalAlign: 'baseline' }}
        >
          How to connect real billing
        </Link>
      </Typography>
      {open && (
        <Typography variant="body2" component="div" style={{ marginTop: 8 }}>
          Export your provider's billing as FOCUS files (AWS Data Exports, Azure
          Cost Management exports or Google Cloud's FOCUS export), point{' '}
          <code>gatehouse.cost.ingestion.locations</code> at the folder they
          land in, and remove <code>{EXAMPLE_BILLING_FLAG}</code> from the
          configuration. The cost backend's README describes each setting.
        </Typography>
      )}
    </Alert>
  );
}

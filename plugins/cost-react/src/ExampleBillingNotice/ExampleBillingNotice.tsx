import { ExampleDataNotice } from './ExampleDataNotice';

/** The configuration flag that marks the portal's billing as example data. */
export const EXAMPLE_BILLING_FLAG = 'gatehouse.exampleData.billing';

/**
 * The "Example data" label for pages and cards that show spend, when the
 * configuration says the billing is generated example billing.
 * @public
 */
export function ExampleBillingNotice(props: { compact?: boolean }) {
  return (
    <ExampleDataNotice
      flag={EXAMPLE_BILLING_FLAG}
      compact={props.compact}
      summary={
        <>
          this spend comes from generated example billing (files named{' '}
          <code>example-focus-*</code>), not from a cloud provider's bill.
        </>
      }
      howToLabel="How to connect real billing"
      howTo={
        <>
          Export your provider's billing as FOCUS files (AWS Data Exports, Azure
          Cost Management exports or Google Cloud's FOCUS export), point{' '}
          <code>gatehouse.cost.ingestion.locations</code> at the folder they
          land in, and remove <code>{EXAMPLE_BILLING_FLAG}</code> from the
          configuration. The cost backend's README describes each setting.
        </>
      }
    />
  );
}

import { configApiRef, useApi } from '@backstage/core-plugin-api';
import { Link, Typography } from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import { useState } from 'react';

/** The configuration flag that marks the portal's clusters as the simulator. */
export const EXAMPLE_CLUSTERS_FLAG = 'gatehouse.exampleData.clusters';

/**
 * A visible "Example data" label wherever workloads are shown, when the
 * configuration says the clusters are the cluster simulator. Renders nothing
 * otherwise (production).
 */
export function ExampleClustersNotice(props: { compact?: boolean }) {
  const config = useApi(configApiRef);
  const [open, setOpen] = useState(false);
  if (!config.getOptionalBoolean(EXAMPLE_CLUSTERS_FLAG)) return null;
  return (
    <Alert
      severity="info"
      role="note"
      aria-label="Example data"
      style={{ marginBottom: props.compact ? 8 : 16 }}
    >
      <Typography variant="body2" component="span">
        <strong>Example data:</strong> these clusters are Gatehouse's cluster
        simulator, not Kubernetes; its workloads are made up and nothing runs.{' '}
        <Link
          component="button"
          variant="body2"
          aria-expanded={open}
          onClick={() => setOpen(!open)}
          style={{ verticalAlign: 'baseline' }}
        >
          How to connect real clusters
        </Link>
      </Typography>
      {open && (
        <Typography variant="body2" component="div" style={{ marginTop: 8 }}>
          List your clusters under <code>kubernetes.clusterLocatorMethods</code>{' '}
          (API server URL, CA and an auth provider: EKS IAM, a read-only service
          account token or the signed-in user's OIDC token), or register{' '}
          <code>kubernetes-cluster</code> Resources in the catalog, and remove{' '}
          <code>{EXAMPLE_CLUSTERS_FLAG}</code> from the configuration. The
          cluster simulator's README ("Pointing the portal at real clusters")
          describes each option.
        </Typography>
      )}
    </Alert>
  );
}

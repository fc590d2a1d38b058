import { ExampleDataNotice } from '@gatehouse/plugin-cost-react';

/** The configuration flag that marks the portal's clusters as the simulator. */
export const EXAMPLE_CLUSTERS_FLAG = 'gatehouse.exampleData.clusters';

/**
 * The "Example data" label wherever workloads are shown, when the
 * configuration says the clusters are the cluster simulator.
 */
export function ExampleClustersNotice(props: { compact?: boolean }) {
  return (
    <ExampleDataNotice
      flag={EXAMPLE_CLUSTERS_FLAG}
      compact={props.compact}
      summary="these clusters are Gatehouse's cluster simulator, not Kubernetes; its workloads are made up and nothing runs."
      howToLabel="How to connect real clusters"
      howTo={
        <>
          List your clusters under <code>kubernetes.clusterLocatorMethods</code>{' '}
          (API server URL, CA and an auth provider: EKS IAM, a read-only service
          account token or the signed-in user's OIDC token), or register{' '}
          <code>kubernetes-cluster</code> Resources in the catalog, and remove{' '}
          <code>{EXAMPLE_CLUSTERS_FLAG}</code> from the configuration. The
          cluster simulator's README ("Pointing the portal at real clusters")
          describes each option.
        </>
      }
    />
  );
}

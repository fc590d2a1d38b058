import { HumanDuration } from '@backstage/types';

export interface Config {
  gatehouse?: {
    /**
     * The SRE dashboard and workload health. Clusters come from the
     * Kubernetes plugin's own `kubernetes.clusterLocatorMethods` (type config).
     */
    clusters?: {
      /** How long one cluster may take to answer before it is shown with a timeout error. Default 3 seconds. */
      timeout?: HumanDuration | string;
      /** How long one LIST of a cluster's objects is shared by every request and viewer. Default 5 seconds. */
      cacheTtl?: HumanDuration | string;
      /**
       * While anyone has looked at a cluster within this period, its listings are
       * renewed in the background before they expire, so nobody waits for a LIST.
       * 0 turns this off. Default 1 minute.
       */
      keepWarm?: HumanDuration | string;
      /** How long the catalog's services and clusters are kept. Default 30 seconds. */
      catalogCacheTtl?: HumanDuration | string;
      /** Objects per LIST page. Default 500. */
      pageSize?: number;
    };
  };
}

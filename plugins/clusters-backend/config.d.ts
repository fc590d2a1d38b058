import { HumanDuration } from '@backstage/types';

export interface Config {
  gatehouse?: {
    /**
     * The SRE dashboard and workload health. Clusters come from the
     * Kubernetes plugin's own `kubernetes.clusterLocatorMethods` (type config).
     */
    clusters?: {
      /**
       * How long one cluster may take to answer (each LIST, the opening of a
       * watch, and a request waiting for a cluster's first listing) before it
       * is shown with a timeout error. Default 3 seconds.
       */
      timeout?: HumanDuration | string;
      /**
       * How long each watch lasts before the API server ends it and it is
       * resumed from the last resourceVersion. Default 5 minutes.
       */
      watchTimeout?: HumanDuration | string;
      /** A cluster that fails is retried with exponential back-off and jitter. */
      retry?: {
        /** The wait after the first failure. Default 1 second. */
        initialDelay?: HumanDuration | string;
        /** The longest wait between retries. Default 1 minute. */
        maxDelay?: HumanDuration | string;
        /**
         * Consecutive failures after which the cluster is shown with its error
         * (and the age of its last sync) instead of its last known objects.
         * Default 3.
         */
        failuresBeforeDown?: number;
      };
      /** How long the catalog's services and clusters are kept. Default 30 seconds. */
      catalogCacheTtl?: HumanDuration | string;
      /** Objects per LIST page. Default 500. */
      pageSize?: number;
    };
  };
}

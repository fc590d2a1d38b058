import type {
  FetchResponseWrapper,
  KubernetesFetcher,
} from '@backstage/plugin-kubernetes-node';

/** What a cluster that did not answer in time gives: its error, no objects. */
function timedOut(
  clusterName: string,
  timeoutMs: number,
): FetchResponseWrapper {
  return {
    errors: [
      {
        errorType: 'FETCH_ERROR',
        message: `cluster ${clusterName} did not answer within ${timeoutMs} ms`,
      },
    ],
    responses: [],
  };
}

/** The fetch's own answer, or the timeout error if that comes first. */
function race(
  fetch: Promise<FetchResponseWrapper>,
  clusterName: string,
  timeoutMs: number,
): Promise<FetchResponseWrapper> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<FetchResponseWrapper>(resolve => {
    timer = setTimeout(
      () => resolve(timedOut(clusterName, timeoutMs)),
      timeoutMs,
    );
  });
  return Promise.race([fetch, deadline]).finally(() => clearTimeout(timer));
}

/**
 * Wraps the Kubernetes backend's fetcher so that each cluster gets at most
 * `timeoutMs` per request (objects, then pod metrics): the fan-out waits for
 * every cluster, so without this one hanging cluster holds up the whole
 * Kubernetes tab. The stock fetcher takes no abort signal, so a hung request
 * is left to its socket; only the answer stops waiting for it.
 */
export function withTimeout(
  fetcher: KubernetesFetcher,
  timeoutMs: number,
): KubernetesFetcher {
  return {
    fetchObjectsForService: params =>
      race(
        fetcher.fetchObjectsForService(params),
        params.clusterDetails.name,
        timeoutMs,
      ),
    fetchPodMetricsByNamespaces: (cluster, credential, namespaces, selector) =>
      race(
        fetcher.fetchPodMetricsByNamespaces(
          cluster,
          credential,
          namespaces,
          selector,
        ),
        cluster.name,
        timeoutMs,
      ),
  };
}

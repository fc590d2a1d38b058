import type {
  FetchResponseWrapper,
  KubernetesFetcher,
} from '@backstage/plugin-kubernetes-node';
import { withTimeout } from './withTimeout';

const cluster = { name: 'eks-staging-use1', url: 'http://x', authMetadata: {} };
const answer: FetchResponseWrapper = {
  errors: [],
  responses: [{ type: 'pods', resources: [] }],
};

function fetcher(behaviour: 'answers' | 'hangs'): KubernetesFetcher {
  const respond = () =>
    behaviour === 'answers'
      ? Promise.resolve(answer)
      : new Promise<FetchResponseWrapper>(() => {});
  return {
    fetchObjectsForService: jest.fn(respond),
    fetchPodMetricsByNamespaces: jest.fn(respond),
  };
}

const params = {
  serviceId: 'task-runner',
  clusterDetails: cluster,
  credential: { type: 'anonymous' as const },
  objectTypesToFetch: new Set<any>(),
  labelSelector: 'backstage.io/kubernetes-id=task-runner',
  customResources: [],
};

describe('withTimeout', () => {
  it("passes a cluster's answer through when it comes in time", async () => {
    const inner = fetcher('answers');
    const wrapped = withTimeout(inner, 200);
    await expect(wrapped.fetchObjectsForService(params)).resolves.toBe(answer);
    await expect(
      wrapped.fetchPodMetricsByNamespaces(
        cluster,
        { type: 'anonymous' },
        new Set(['task-runner']),
        'app=x',
      ),
    ).resolves.toBe(answer);
    expect(inner.fetchPodMetricsByNamespaces).toHaveBeenCalledWith(
      cluster,
      { type: 'anonymous' },
      new Set(['task-runner']),
      'app=x',
    );
  });

  it("answers a hanging cluster's error when the timeout fires, not before", async () => {
    jest.useFakeTimers();
    try {
      const wrapped = withTimeout(fetcher('hangs'), 150);
      let settled = false;
      const pending = wrapped.fetchObjectsForService(params).then(value => {
        settled = true;
        return value;
      });
      await jest.advanceTimersByTimeAsync(149);
      expect(settled).toBe(false);
      await jest.advanceTimersByTimeAsync(1);
      expect(settled).toBe(true);
      expect(await pending).toEqual({
        errors: [
          {
            errorType: 'FETCH_ERROR',
            message: 'cluster eks-staging-use1 did not answer within 150 ms',
          },
        ],
        responses: [],
      });
      const metrics = wrapped.fetchPodMetricsByNamespaces(
        cluster,
        { type: 'anonymous' },
        new Set(['n']),
      );
      await jest.advanceTimersByTimeAsync(150);
      await expect(metrics).resolves.toMatchObject({
        errors: [{ errorType: 'FETCH_ERROR' }],
      });
    } finally {
      jest.useRealTimers();
    }
  });
});

import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { screen, within } from '@testing-library/react';
import {
  crashingTaskRunner,
  fakeClustersApi,
  taskRunnerHealth,
} from '../../__testUtils__/fixtures';
import { renderWithClusters } from '../../__testUtils__/render';
import { EntityWorkloadHealthCard } from './EntityWorkloadHealthCard';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'task-runner',
    namespace: 'default',
    annotations: { 'backstage.io/kubernetes-id': 'task-runner' },
  },
  spec: { type: 'service', owner: 'team-agents', lifecycle: 'production' },
};

describe('EntityWorkloadHealthCard', () => {
  it("shows the service's health on each cluster, the failing pod and an unreachable cluster", async () => {
    const api = fakeClustersApi();
    await renderWithClusters(
      <EntityProvider entity={entity}>
        <EntityWorkloadHealthCard />
      </EntityProvider>,
      { api },
    );
    const list = await screen.findByRole('list', {
      name: 'Workload health by cluster',
    });
    expect(api.entityHealth).toHaveBeenCalledWith({
      kind: 'Component',
      namespace: 'default',
      name: 'task-runner',
    });
    expect(within(list).getByRole('alert')).toHaveTextContent(
      'Cluster did not answer (timeout): did not answer within 3000 ms',
    );
    expect(within(list).getByText('3 of 4 replicas ready')).toBeInTheDocument();
    const pod = within(list).getByLabelText(
      'Failing pod task-runner-7c9d-x2x4k',
    );
    expect(within(pod).getByText('CrashLoopBackOff')).toBeInTheDocument();
    // The overall status, and a way to the Kubernetes tab for pods and logs.
    expect(screen.getAllByText('Degraded').length).toBeGreaterThanOrEqual(2);
    expect(
      screen.getByRole('link', { name: /Pods, logs and events/ }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/task-runner/kubernetes',
    );
  });

  it('names the approved change each workload runs, and the workloads that name none', async () => {
    const hash = 'ab12cd34ef56'.padEnd(64, '0');
    const api = fakeClustersApi({
      entityHealth: jest.fn().mockResolvedValue({
        ...taskRunnerHealth,
        clusters: [
          {
            ...taskRunnerHealth.clusters[1],
            health: {
              ...crashingTaskRunner,
              workloads: [
                {
                  ...crashingTaskRunner.workloads[0],
                  change: {
                    requestId: '8a49d194-0e14-43ee-ba2c-a8065fc576a0',
                    contentHash: hash,
                  },
                },
                {
                  kind: 'Deployment',
                  name: 'by-hand',
                  namespace: 'task-runner',
                  desired: 1,
                  ready: 1,
                  change: null,
                },
              ],
            },
          },
        ],
      }),
    });
    await renderWithClusters(
      <EntityProvider entity={entity}>
        <EntityWorkloadHealthCard />
      </EntityProvider>,
      { api },
    );
    const list = await screen.findByRole('list', {
      name: 'Workload health by cluster',
    });
    expect(
      within(list).getByText(/Deployment\/task-runner: from change request/),
    ).toHaveTextContent(
      'Deployment/task-runner: from change request 8a49d194 (ab12cd34ef56)',
    );
    expect(
      within(list).getByText('Deployment/by-hand: names no Gatehouse change'),
    ).toBeInTheDocument();
  });
});

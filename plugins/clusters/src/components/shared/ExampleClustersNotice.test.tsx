import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ExampleClustersNotice } from './ExampleClustersNotice';

describe('ExampleClustersNotice', () => {
  it('labels the workloads as the simulator when the configuration says so, with how to connect real clusters', async () => {
    await renderInTestApp(<ExampleClustersNotice />, {
      config: { gatehouse: { exampleData: { clusters: true } } },
    });
    const note = screen.getByRole('note', { name: 'Example data' });
    expect(note).toHaveTextContent(/cluster simulator, not Kubernetes/);
    await userEvent.click(
      screen.getByRole('button', { name: 'How to connect real clusters' }),
    );
    expect(note).toHaveTextContent(/kubernetes\.clusterLocatorMethods/);
  });

  it('shows nothing without the flag (production configuration)', async () => {
    await renderInTestApp(<ExampleClustersNotice />, {
      config: { gatehouse: { exampleData: { clusters: false } } },
    });
    expect(screen.queryByRole('note')).toBeNull();
  });
});

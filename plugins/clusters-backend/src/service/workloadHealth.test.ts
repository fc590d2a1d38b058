import { workloadHealth } from './workloadHealth';

describe('workload health', () => {
  it('names the approved change each workload’s manifest carries, and none for the others', () => {
    const hash = 'b'.repeat(64);
    const health = workloadHealth(
      { serviceId: 'shop', entityRef: 'component:default/shop', title: null },
      {
        pods: [],
        statefulsets: [],
        horizontalpodautoscalers: [],
        deployments: [
          {
            metadata: {
              name: 'api',
              namespace: 'shop',
              annotations: {
                'gatehouse.io/change-request': 'cr-7',
                'gatehouse.io/change-hash': hash,
              },
            },
            spec: { replicas: 2 },
            status: { readyReplicas: 2 },
          },
          {
            metadata: {
              name: 'by-hand',
              namespace: 'shop',
              annotations: { 'gatehouse.io/change-request': 'cr-8' },
            },
            spec: { replicas: 1 },
            status: { readyReplicas: 1 },
          },
        ] as any,
        rollouts: [],
      },
      Date.parse('2026-11-18T10:00:00Z'),
    );
    expect(health.workloads.map(w => [w.name, w.change])).toEqual([
      ['api', { requestId: 'cr-7', contentHash: hash }],
      // Half an annotation names nothing.
      ['by-hand', null],
    ]);
  });
});

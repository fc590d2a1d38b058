import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OpenCostClient } from './OpenCostClient';

const recorded = readFileSync(
  join(__dirname, '__fixtures__/allocation-namespace-controller-7d.json'),
  'utf8',
);

describe('OpenCostClient', () => {
  const cluster = {
    name: 'eks-production-use1',
    url: 'http://opencost.example:9003',
  };

  it('asks for allocations by namespace and controller and maps a recorded response', async () => {
    const requested: string[] = [];
    const client = new OpenCostClient(async url => {
      requested.push(String(url));
      return new Response(recorded, {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    });
    const allocations = await client.allocations(cluster, {
      window: '7d',
      namespace: 'orchestrator-api',
    });
    const url = new URL(requested[0]);
    expect(url.pathname).toBe('/allocation');
    expect(url.searchParams.get('window')).toBe('7d');
    expect(url.searchParams.get('aggregate')).toBe('namespace,controller');
    expect(url.searchParams.get('filter')).toBe('namespace:"orchestrator-api"');
    // Idle cost and other namespaces are not the service's.
    expect(allocations.map(a => a.workload)).toEqual([
      'orchestrator-api',
      'orchestrator-api-canary',
    ]);
    expect(allocations[0]).toMatchObject({
      cluster: 'eks-production-use1',
      namespace: 'orchestrator-api',
      workloadKind: 'deployment',
      cpuCost: 7.979,
      ramCost: 2.142,
      otherCost: 3.78,
      totalCost: 14.085,
      cpuEfficiency: 0.4067,
      windowStart: '2026-11-16T00:00:00Z',
    });
  });

  it('reports the server error', async () => {
    const client = new OpenCostClient(
      async () =>
        new Response('boom', { status: 502, statusText: 'Bad Gateway' }),
    );
    await expect(client.allocations(cluster, { window: '7d' })).rejects.toThrow(
      /502/,
    );
  });
});

import { ResponseError } from '@backstage/errors';
import type { OpenCostAllocation } from '@gatehouse/plugin-cost-common';

/** A cluster that runs OpenCost, from `gatehouse.cost.opencost.clusters`. */
export type OpenCostCluster = { name: string; url: string };

type RawAllocation = {
  name: string;
  properties?: {
    cluster?: string;
    namespace?: string;
    controller?: string;
    controllerKind?: string;
  };
  window?: { start: string; end: string };
  cpuCost?: number;
  gpuCost?: number;
  ramCost?: number;
  pvCost?: number;
  networkCost?: number;
  loadBalancerCost?: number;
  sharedCost?: number;
  externalCost?: number;
  totalCost?: number;
  cpuEfficiency?: number;
  ramEfficiency?: number;
  totalEfficiency?: number;
};

/**
 * Reads in-cluster cost from OpenCost's `/allocation` API, aggregated by
 * namespace and controller (workload) over a window such as `7d`.
 */
export class OpenCostClient {
  constructor(
    private readonly fetchImpl: typeof fetch = fetch,
    private readonly timeoutMs = 10_000,
  ) {}

  async allocations(
    cluster: OpenCostCluster,
    options: { window: string; namespace?: string },
  ): Promise<OpenCostAllocation[]> {
    const url = new URL(
      'allocation',
      cluster.url.endsWith('/') ? cluster.url : `${cluster.url}/`,
    );
    url.searchParams.set('window', options.window);
    url.searchParams.set('aggregate', 'namespace,controller');
    url.searchParams.set('accumulate', 'true');
    if (options.namespace) {
      url.searchParams.set('filter', `namespace:"${options.namespace}"`);
    }
    const response = await this.fetchImpl(url, {
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    const body = (await response.json()) as {
      code?: number;
      data?: Record<string, RawAllocation>[];
    };
    const sets = Array.isArray(body.data) ? body.data : [];
    return sets
      .flatMap(set => Object.values(set ?? {}))
      .filter(a => a && a.name !== '__idle__' && a.name !== '__unallocated__')
      .filter(
        a =>
          !options.namespace || a.properties?.namespace === options.namespace,
      )
      .map(a => ({
        cluster: cluster.name,
        namespace: a.properties?.namespace ?? a.name.split('/')[0],
        workload: a.properties?.controller ?? a.name.split('/')[1] ?? a.name,
        workloadKind: a.properties?.controllerKind ?? null,
        windowStart: a.window?.start ?? null,
        windowEnd: a.window?.end ?? null,
        cpuCost: a.cpuCost ?? 0,
        ramCost: a.ramCost ?? 0,
        pvCost: a.pvCost ?? 0,
        networkCost: a.networkCost ?? 0,
        otherCost:
          (a.gpuCost ?? 0) +
          (a.loadBalancerCost ?? 0) +
          (a.sharedCost ?? 0) +
          (a.externalCost ?? 0),
        totalCost: a.totalCost ?? 0,
        cpuEfficiency: a.cpuEfficiency ?? null,
        ramEfficiency: a.ramEfficiency ?? null,
      }))
      .sort((x, y) => y.totalCost - x.totalCost);
  }
}

import {
  ClientOptions,
  jsonRequester,
  toSearch,
} from '@gatehouse/http-contract';
import type { DashboardQuery } from './api';
import type { EntityWorkloadHealth, SreDashboard } from './types';

/** @public */
export type ClustersClientOptions = ClientOptions;

/** Everything the clusters backend answers, typed. @public */
export interface ClustersApi {
  dashboard(query?: DashboardQuery): Promise<SreDashboard>;
  entityHealth(entity: {
    kind: string;
    namespace: string;
    name: string;
  }): Promise<EntityWorkloadHealth>;
}

/** The typed client of the clusters backend's HTTP contract (see api.ts). @public */
export class ClustersClient implements ClustersApi {
  private readonly request: ReturnType<typeof jsonRequester>;

  constructor(options: ClustersClientOptions) {
    this.request = jsonRequester(options, 'clusters');
  }

  dashboard(query?: DashboardQuery) {
    return this.request<SreDashboard>(`/dashboard${toSearch(query)}`);
  }

  entityHealth(entity: { kind: string; namespace: string; name: string }) {
    const path = [entity.kind, entity.namespace, entity.name]
      .map(part => encodeURIComponent(part))
      .join('/');
    return this.request<EntityWorkloadHealth>(`/entities/${path}/health`);
  }
}

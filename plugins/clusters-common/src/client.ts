import { ClientOptions, routeCaller } from '@gatehouse/http-contract';
import { clustersRoutes, DashboardQuery, EntityHealthParams } from './api';
import type { EntityWorkloadHealth, SreDashboard } from './types';

/** @public */
export type ClustersClientOptions = ClientOptions;

/** Everything the clusters backend answers, typed. @public */
export interface ClustersApi {
  dashboard(query?: DashboardQuery): Promise<SreDashboard>;
  entityHealth(entity: EntityHealthParams): Promise<EntityWorkloadHealth>;
}

/** The typed client of the clusters backend's contract ({@link clustersRoutes}). @public */
export class ClustersClient implements ClustersApi {
  private readonly call: ReturnType<typeof routeCaller>;

  constructor(options: ClustersClientOptions) {
    this.call = routeCaller(options, 'clusters');
  }

  dashboard(query: DashboardQuery = {}) {
    return this.call(clustersRoutes.dashboard, { query });
  }

  entityHealth(entity: EntityHealthParams) {
    return this.call(clustersRoutes.entityHealth, { params: entity });
  }
}

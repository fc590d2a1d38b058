import type {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { serviceClientOptions } from '@gatehouse/http-contract';
import {
  ClustersClient,
  EntityWorkloadHealth,
} from '@gatehouse/plugin-clusters-common';
import type { ApprovalsStore, StoredRequest } from '../store/ApprovalsStore';
import type { DeliveryService } from './DeliveryService';

/** Who recorded a step the clusters showed. */
export const CLUSTER_WATCHER = 'gatehouse:cluster-watcher';

/** Requests looked at per round: the oldest applied first. */
const BATCH = 50;

/** The service's workloads that carry the change, per cluster. */
type Carrier = {
  cluster: string;
  kind: string;
  name: string;
  ready: number;
  desired: number;
};

/** Workloads of the service whose manifests name this content hash. */
export function carriersOf(
  health: EntityWorkloadHealth,
  contentHash: string,
): Carrier[] {
  return health.clusters.flatMap(cluster =>
    (cluster.health?.workloads ?? [])
      .filter(w => w.change?.contentHash === contentHash)
      .map(w => ({
        cluster: cluster.name,
        kind: w.kind,
        name: w.name,
        ready: w.ready,
        desired: w.desired,
      })),
  );
}

/**
 * Moves applied changes to "live" once the clusters run them: every workload
 * of the service whose manifest names the change's content hash
 * (`gatehouse.io/change-hash`, written by the renderer of the follow-up) is
 * ready, and there is at least one. Read from the clusters backend through
 * its typed client, as the workload health card reads it.
 */
export class LiveChecker {
  constructor(
    private readonly deps: {
      store: Pick<ApprovalsStore, 'listByDeliveryState'>;
      delivery: Pick<DeliveryService, 'report'>;
      discovery: DiscoveryService;
      auth: AuthService;
      logger: LoggerService;
      /** The clusters backend; default: its typed client as this plugin. */
      clusters?: { entityHealth: ClustersClient['entityHealth'] };
    },
  ) {}

  async checkAll(): Promise<void> {
    const applied = await this.deps.store.listByDeliveryState('applied', BATCH);
    if (applied.length === 0) return;
    const clusters = this.deps.clusters ?? (await this.client());
    for (const request of applied) {
      try {
        await this.check(request, clusters);
      } catch (error) {
        // One service's clusters failing never holds up the others.
        this.deps.logger.warn(
          `Could not read the workloads of ${request.entityRef} for ${
            request.id
          }: ${(error as Error).message}`,
        );
      }
    }
  }

  private async check(
    request: StoredRequest,
    clusters: { entityHealth: ClustersClient['entityHealth'] },
  ) {
    const { kind, namespace, name } = parseEntityRef(request.entityRef);
    const health = await clusters.entityHealth({ kind, namespace, name });
    const carriers = carriersOf(health, request.contentHash);
    if (carriers.length === 0) return;
    if (carriers.some(c => c.ready < c.desired)) return;
    await this.deps.delivery.report(
      request.id,
      {
        step: 'live',
        contentHash: request.contentHash,
        detail: carriers
          .map(
            c =>
              `${c.kind}/${c.name} on ${c.cluster}: ${c.ready} of ${c.desired} ready`,
          )
          .join('; '),
      },
      CLUSTER_WATCHER,
      { quietIfBehind: true },
    );
  }

  private async client() {
    return new ClustersClient(
      serviceClientOptions({
        discovery: this.deps.discovery,
        auth: this.deps.auth,
        credentials: await this.deps.auth.getOwnServiceCredentials(),
        targetPluginId: 'clusters',
      }),
    );
  }
}

import type { Entity } from '@backstage/catalog-model';
import { stringifyEntityRef } from '@backstage/catalog-model';
import type {
  ClusterHealth,
  ClusterSummary,
  EntityWorkloadHealth,
  ServiceWorkloadHealth,
} from '@gatehouse/plugin-clusters-common';
import type { ClusterConnection } from '../kubernetes/clusterConfig';
import type { WorkloadObjects } from '../kubernetes/objectTypes';
import type { ClusterSnapshot, ClusterSnapshots } from './ClusterSnapshots';
import {
  Directory,
  NAMESPACE_ANNOTATION,
  ServiceDirectory,
  serviceIdOf,
} from './ServiceDirectory';
import {
  byUrgency,
  inNamespace,
  workloadHealth,
  worstStatus,
} from './workloadHealth';

const hasObjects = (objects: WorkloadObjects) =>
  Object.values(objects).some(list => list.length > 0);

function summaryOf(
  cluster: ClusterConnection,
  directory: Directory,
): ClusterSummary {
  const entity = directory.clusters.get(cluster.name);
  return {
    name: cluster.name,
    title: cluster.title ?? entity?.title ?? null,
    environment: entity?.environment ?? null,
    entityRef: entity?.entityRef ?? null,
  };
}

/**
 * Workload health from the shared cluster snapshots: per cluster for the
 * dashboard, per entity for its overview card.
 */
export class HealthService {
  constructor(
    private readonly deps: {
      snapshots: ClusterSnapshots;
      directory: ServiceDirectory;
      now?: () => number;
    },
  ) {}

  /** Every cluster with every service on it. */
  async clusters(): Promise<ClusterHealth[]> {
    const [directory, snapshots] = await Promise.all([
      this.deps.directory.get(),
      this.deps.snapshots.all(),
    ]);
    return snapshots.map(snapshot => this.clusterHealth(snapshot, directory));
  }

  /** One entity's workloads on every cluster. */
  async entity(entity: Entity): Promise<EntityWorkloadHealth> {
    const [directory, snapshots] = await Promise.all([
      this.deps.directory.get(),
      this.deps.snapshots.all(),
    ]);
    const serviceId = serviceIdOf(entity);
    const namespace =
      entity.metadata.annotations?.[NAMESPACE_ANNOTATION] ?? null;
    const identity = {
      serviceId,
      entityRef: stringifyEntityRef(entity),
      title: entity.metadata.title ?? null,
    };
    const now = this.now();
    const clusters = snapshots.map(snapshot => {
      const summary = summaryOf(snapshot.cluster, directory);
      if (snapshot.status === 'error') {
        return {
          ...summary,
          status: 'error' as const,
          error: snapshot.error,
          fetchedAt: null,
          health: null,
        };
      }
      const objects = snapshot.byService.get(serviceId);
      const scoped =
        objects && namespace ? inNamespace(objects, namespace) : objects;
      return {
        ...summary,
        status: 'ok' as const,
        error: null,
        // The field keeps its name: it is now when the cache was last in sync.
        fetchedAt: new Date(snapshot.syncedAt).toISOString(),
        health:
          scoped && hasObjects(scoped)
            ? workloadHealth(identity, scoped, now)
            : null,
      };
    });
    return {
      entityRef: identity.entityRef,
      serviceId,
      namespace,
      status: worstStatus(
        clusters.flatMap(c => (c.health ? [c.health.status] : [])),
      ),
      clusters,
    };
  }

  private clusterHealth(
    snapshot: ClusterSnapshot,
    directory: Directory,
  ): ClusterHealth {
    const summary = summaryOf(snapshot.cluster, directory);
    if (snapshot.status === 'error') {
      return {
        ...summary,
        status: 'error',
        error: snapshot.error,
        fetchedAt: null,
        totals: {
          services: 0,
          ready: 0,
          desired: 0,
          failingPods: 0,
          hpasAtMaximum: 0,
        },
        services: [],
      };
    }
    const now = this.now();
    const services: ServiceWorkloadHealth[] = [];
    for (const [serviceId, objects] of snapshot.byService) {
      const claimed = (directory.claims.get(serviceId) ?? []).flatMap(claim => {
        const scoped = claim.namespace
          ? inNamespace(objects, claim.namespace)
          : objects;
        return hasObjects(scoped) ? [workloadHealth(claim, scoped, now)] : [];
      });
      // Workloads no entity claims are still shown, without a link.
      services.push(
        ...(claimed.length > 0
          ? claimed
          : [
              workloadHealth(
                { serviceId, entityRef: null, title: null },
                objects,
                now,
              ),
            ]),
      );
    }
    services.sort(byUrgency);
    return {
      ...summary,
      status: 'ok',
      error: null,
      // The field keeps its name: it is now when the cache was last in sync.
      fetchedAt: new Date(snapshot.syncedAt).toISOString(),
      totals: {
        services: services.length,
        ready: services.reduce((sum, s) => sum + s.ready, 0),
        desired: services.reduce((sum, s) => sum + s.desired, 0),
        failingPods: services.reduce((sum, s) => sum + s.failingPods.length, 0),
        hpasAtMaximum: services.reduce(
          (sum, s) => sum + s.hpasAtMaximum.length,
          0,
        ),
      },
      services,
    };
  }

  private now() {
    return this.deps.now?.() ?? Date.now();
  }
}

import type { AuthService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { SingleFlightCache } from '../cache/SingleFlightCache';
import { SERVICE_LABEL } from './workloadHealth';

/** The annotation that limits an entity's workloads to one namespace. */
export const NAMESPACE_ANNOTATION = 'backstage.io/kubernetes-namespace';
/** Which environment a cluster Resource serves. */
export const ENVIRONMENT_ANNOTATION = 'gatehouse.io/environment';

/** A catalog entity that claims workloads by their service label. */
export type ServiceClaim = {
  serviceId: string;
  entityRef: string;
  title: string | null;
  namespace: string | null;
};

export type ClusterEntity = {
  entityRef: string;
  title: string | null;
  environment: string | null;
};

/** What the catalog says about services, clusters, and who owns a name. */
export type Directory = {
  /** Entities by the kubernetes-id they claim. */
  claims: Map<string, ServiceClaim[]>;
  /** kubernetes-cluster Resources by name. */
  clusters: Map<string, ClusterEntity>;
  /** Component refs by name (the cost plugin keys services by name). */
  components: Map<string, string>;
  /** Group refs by name (the cost plugin's teams). */
  groups: Map<string, string>;
};

/** The service id of an entity: its kubernetes-id annotation, or its name (as Backstage does). */
export function serviceIdOf(entity: Entity): string {
  return entity.metadata.annotations?.[SERVICE_LABEL] ?? entity.metadata.name;
}

/**
 * Reads the catalog once for every viewer, kept briefly: the dashboard maps
 * thousands of workloads to entities without asking the catalog per service.
 */
export class ServiceDirectory {
  private readonly cache: SingleFlightCache<Directory>;

  constructor(
    private readonly deps: { catalog: CatalogService; auth: AuthService },
    ttlMs: number,
  ) {
    // A failed read is retried by the next request, not kept.
    this.cache = new SingleFlightCache({ ttlMs, errorTtlMs: 0 });
  }

  get(): Promise<Directory> {
    return this.cache.get('directory', () => this.load());
  }

  private async load(): Promise<Directory> {
    const { items } = await this.deps.catalog.getEntities(
      {
        filter: [
          { kind: 'Component' },
          { kind: 'Group' },
          { kind: 'Resource', 'spec.type': 'kubernetes-cluster' },
        ],
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'metadata.title',
          'metadata.annotations',
          'spec.type',
        ],
      },
      { credentials: await this.deps.auth.getOwnServiceCredentials() },
    );
    const directory: Directory = {
      claims: new Map(),
      clusters: new Map(),
      components: new Map(),
      groups: new Map(),
    };
    for (const entity of items) {
      const ref = stringifyEntityRef(entity);
      const title = entity.metadata.title ?? null;
      const annotations = entity.metadata.annotations ?? {};
      const kind = entity.kind.toLocaleLowerCase('en-US');
      if (kind === 'resource') {
        directory.clusters.set(entity.metadata.name, {
          entityRef: ref,
          title,
          environment: annotations[ENVIRONMENT_ANNOTATION] ?? null,
        });
      } else if (kind === 'group') {
        directory.groups.set(entity.metadata.name, ref);
      } else {
        directory.components.set(entity.metadata.name, ref);
        if (annotations[SERVICE_LABEL]) {
          const claim: ServiceClaim = {
            serviceId: serviceIdOf(entity),
            entityRef: ref,
            title,
            namespace: annotations[NAMESPACE_ANNOTATION] ?? null,
          };
          const claims = directory.claims.get(claim.serviceId) ?? [];
          claims.push(claim);
          directory.claims.set(claim.serviceId, claims);
        }
      }
    }
    return directory;
  }
}

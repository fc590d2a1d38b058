import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  type Entity,
  parseEntityRef,
  RELATION_DEPENDS_ON,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ENVIRONMENT_TIERS,
  type EnvironmentTier,
} from '@gatehouse/plugin-approvals-common';

/** The environment an environment Resource (and a cluster Resource) stands for. */
export const ENVIRONMENT_ANNOTATION = 'gatehouse.io/environment';
/** The tier of an environment Resource: development, staging or production. */
export const TIER_ANNOTATION = 'gatehouse.io/tier';
/**
 * Identifiers of the cloud resources an environment's catalog entities stand
 * for, each a comma-separated list. A kubernetes-cluster Resource's own name
 * counts as its cluster's name unless `gatehouse.io/cluster-name` says otherwise.
 */
export const IDENTIFIER_ANNOTATIONS = {
  cluster: 'gatehouse.io/cluster-name',
  account: 'gatehouse.io/aws-account-id',
  vpc: 'gatehouse.io/vpc-id',
} as const;

export type IdentifierKind = keyof typeof IDENTIFIER_ANNOTATIONS;

/** An identifier of a cloud resource that a catalog entity stands for. */
export type CatalogIdentifier = {
  kind: IdentifierKind;
  value: string;
  /** The catalog entity that declares it. */
  entityRef: string;
};

/** An environment Resource of the entity, as the catalog declares it. */
export type CatalogEnvironment = {
  name: string;
  entityRef: string;
  /** The declared tier; `invalid` keeps what was written instead, for the message. */
  tier: { value: EnvironmentTier } | { missing: true } | { invalid: string };
  /** Identifiers of the Resource and of the Resources it depends on (its clusters). */
  identifiers: CatalogIdentifier[];
};

const isTier = (value: string): value is EnvironmentTier =>
  (ENVIRONMENT_TIERS as readonly string[]).includes(value);

function declaredTier(entity: Entity): CatalogEnvironment['tier'] {
  const value = entity.metadata.annotations?.[TIER_ANNOTATION]?.trim();
  if (!value) return { missing: true };
  return isTier(value) ? { value } : { invalid: value };
}

/** The entity's `dependsOn` relations to Resources. */
function dependedOnResources(entity: Entity): string[] {
  return (entity.relations ?? [])
    .filter(
      relation =>
        relation.type === RELATION_DEPENDS_ON &&
        parseEntityRef(relation.targetRef).kind.toLocaleLowerCase('en-US') ===
          'resource',
    )
    .map(relation => relation.targetRef);
}

/** Entity refs compare case-insensitively, as the catalog compares them. */
const refKey = (ref: string) =>
  stringifyEntityRef(parseEntityRef(ref)).toLocaleLowerCase('en-US');

const listOf = (text: string | undefined) =>
  (text ?? '')
    .split(',')
    .map(item => item.trim())
    .filter(Boolean);

function identifiersOf(entity: Entity): CatalogIdentifier[] {
  const entityRef = stringifyEntityRef(entity);
  const annotations = entity.metadata.annotations ?? {};
  const found: CatalogIdentifier[] = [];
  for (const [kind, annotation] of Object.entries(IDENTIFIER_ANNOTATIONS) as [
    IdentifierKind,
    string,
  ][]) {
    for (const value of listOf(annotations[annotation])) {
      found.push({ kind, value, entityRef });
    }
  }
  if (
    entity.spec?.type === 'kubernetes-cluster' &&
    !annotations[IDENTIFIER_ANNOTATIONS.cluster]
  ) {
    found.push({ kind: 'cluster', value: entity.metadata.name, entityRef });
  }
  return found;
}

async function entitiesByRefs(
  catalog: CatalogService,
  refs: string[],
  credentials: BackstageCredentials,
): Promise<Entity[]> {
  if (refs.length === 0) return [];
  const { items } = await catalog.getEntitiesByRefs(
    { entityRefs: [...new Set(refs)] },
    { credentials },
  );
  return items.filter((item): item is Entity => Boolean(item));
}

/**
 * The environments the catalog declares for an entity: the Resources of
 * `spec.type: environment` with a `gatehouse.io/environment` annotation that
 * the entity depends on. The catalog records that relation both for the
 * entity's `spec.dependsOn` and for the Resource's `spec.dependencyOf` (which
 * is what Gatehouse's environment repositories write), so either links them.
 * A Resource that merely shares the naming scheme `<service>-<environment>`
 * is not linked: names are a convention, relations are the fact.
 */
export async function catalogEnvironmentsOf(
  entity: Entity,
  catalog: CatalogService,
  credentials: BackstageCredentials,
): Promise<CatalogEnvironment[]> {
  const resources = (
    await entitiesByRefs(catalog, dependedOnResources(entity), credentials)
  ).filter(
    resource =>
      resource.spec?.type === 'environment' &&
      Boolean(resource.metadata.annotations?.[ENVIRONMENT_ANNOTATION]?.trim()),
  );
  // The Resources each environment depends on (its cluster) carry identifiers too.
  const dependencies = new Map(
    (
      await entitiesByRefs(
        catalog,
        resources.flatMap(dependedOnResources),
        credentials,
      )
    ).map(dependency => [refKey(stringifyEntityRef(dependency)), dependency]),
  );
  return resources.map(resource => ({
    name: resource.metadata.annotations![ENVIRONMENT_ANNOTATION].trim(),
    entityRef: stringifyEntityRef(resource),
    tier: declaredTier(resource),
    identifiers: [
      resource,
      ...dependedOnResources(resource).flatMap(ref => {
        const dependency = dependencies.get(refKey(ref));
        return dependency ? [dependency] : [];
      }),
    ].flatMap(identifiersOf),
  }));
}

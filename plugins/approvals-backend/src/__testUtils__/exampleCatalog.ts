/*
 * The example catalog (examples/services.yaml and clusters.yaml) as the
 * catalog would serve it, for tests on the in-memory catalog: with the
 * dependsOn / dependencyOf relations the catalog derives from each side's
 * spec, so environment Resources are linked to their service as in the
 * running portal. Test and benchmark only; not exported.
 */
import {
  type Entity,
  parseEntityRef,
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';

export const EXAMPLES = resolve(__dirname, '../../../../examples');

/** The entities of example catalog files, in file order. */
export function exampleEntities(
  files = ['services.yaml', 'clusters.yaml'],
): Entity[] {
  return files.flatMap(file =>
    parseAllDocuments(readFileSync(join(EXAMPLES, file), 'utf8'))
      .map(document => document.toJSON() as Entity)
      .filter(Boolean),
  );
}

const refOf = (entity: Entity) =>
  stringifyEntityRef({
    kind: entity.kind,
    namespace: entity.metadata.namespace ?? 'default',
    name: entity.metadata.name,
  });

const targetOf = (ref: string, from: Entity) =>
  stringifyEntityRef(
    parseEntityRef(ref, {
      defaultKind: 'resource',
      defaultNamespace: from.metadata.namespace ?? 'default',
    }),
  );

/**
 * The entities with the relations the catalog derives from `spec.dependsOn`
 * and `spec.dependencyOf` (both directions, on both entities).
 */
export function withDependencyRelations(entities: Entity[]): Entity[] {
  const relations = new Map<string, Entity['relations']>();
  const add = (source: string, type: string, targetRef: string) => {
    const list = relations.get(source) ?? [];
    if (!list.some(r => r.type === type && r.targetRef === targetRef)) {
      list.push({ type, targetRef });
    }
    relations.set(source, list);
  };
  for (const entity of entities) {
    const self = refOf(entity);
    for (const ref of (entity.spec?.dependsOn as string[] | undefined) ?? []) {
      add(self, RELATION_DEPENDS_ON, targetOf(ref, entity));
      add(targetOf(ref, entity), RELATION_DEPENDENCY_OF, self);
    }
    for (const ref of (entity.spec?.dependencyOf as string[] | undefined) ??
      []) {
      add(self, RELATION_DEPENDENCY_OF, targetOf(ref, entity));
      add(targetOf(ref, entity), RELATION_DEPENDS_ON, self);
    }
  }
  return entities.map(entity => ({
    ...entity,
    metadata: { namespace: 'default', ...entity.metadata },
    relations: relations.get(refOf(entity)) ?? [],
  }));
}

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
  DefaultNamespaceEntityPolicy,
  FieldFormatEntityPolicy,
  NoForeignRootFieldsEntityPolicy,
  SchemaValidEntityPolicy,
  EntityPolicies,
} from '@backstage/catalog-model';

const files = ['org.yaml', 'services.yaml', 'clusters.yaml'];
const entities: Entity[] = files.flatMap(file =>
  parseAllDocuments(
    readFileSync(resolve(__dirname, '../../../examples', file), 'utf8'),
  ).map(doc => doc.toJS() as Entity),
);
const refs = new Set(entities.map(entity => stringifyEntityRef(entity)));

// Which kind a bare reference in each field defaults to, as the catalog reads them.
const referenceFields: Array<[string, string]> = [
  ['spec.owner', 'group'],
  ['spec.system', 'system'],
  ['spec.dependsOn', 'resource'],
  ['spec.providesApis', 'api'],
  ['spec.consumesApis', 'api'],
  ['spec.memberOf', 'group'],
  ['spec.parent', 'group'],
  ['spec.children', 'group'],
];

function valuesAt(entity: Entity, path: string): string[] {
  const value = path.split('.').reduce<any>((node, key) => node?.[key], entity);
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

describe('the example catalog', () => {
  it('holds the organisation and the four example services', () => {
    const names = (kind: string) =>
      entities
        .filter(e => e.kind === kind)
        .map(e => e.metadata.name)
        .sort();
    expect(names('Group')).toEqual([
      'engineering',
      'finops',
      'platform-approvers',
      'platform-team',
      'sre',
      'team-agents',
      'team-experience',
    ]);
    expect(names('Component')).toEqual([
      'knowledge-store',
      'operator-console',
      'orchestrator-api',
      'task-runner',
    ]);
    // Every service has an environment per tier, each on a cluster.
    for (const service of names('Component')) {
      for (const tier of ['development', 'staging', 'production']) {
        expect(refs).toContain(`resource:default/${service}-${tier}`);
      }
    }
    const multiGroupUsers = entities.filter(
      e => e.kind === 'User' && valuesAt(e, 'spec.memberOf').length > 1,
    );
    expect(multiGroupUsers.length).toBeGreaterThanOrEqual(2);
  });

  it('passes the catalog validators', async () => {
    const policy = EntityPolicies.allOf([
      new DefaultNamespaceEntityPolicy(),
      new NoForeignRootFieldsEntityPolicy(),
      new FieldFormatEntityPolicy(),
      new SchemaValidEntityPolicy(),
    ]);
    for (const entity of entities) {
      await expect(policy.enforce(entity)).resolves.toBeDefined();
    }
  });

  it('refers only to entities that exist', () => {
    const dangling: string[] = [];
    for (const entity of entities) {
      for (const [field, defaultKind] of referenceFields) {
        for (const value of valuesAt(entity, field)) {
          const ref = stringifyEntityRef(
            parseEntityRef(value, { defaultKind, defaultNamespace: 'default' }),
          );
          if (!refs.has(ref))
            dangling.push(`${stringifyEntityRef(entity)} ${field} → ${ref}`);
        }
      }
    }
    expect(dangling).toEqual([]);
  });
});

import type { Entity } from '@backstage/catalog-model';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';

const examples = resolve(__dirname, '../../../../examples');

/** The repository's example catalog: the four services, their environments, the clusters and the org. */
export function exampleEntities(): Entity[] {
  return ['services.yaml', 'clusters.yaml', 'org.yaml'].flatMap(file =>
    parseAllDocuments(readFileSync(resolve(examples, file), 'utf8'))
      .map(doc => doc.toJS() as Entity)
      .filter(Boolean)
      .map(entity => ({
        ...entity,
        metadata: { namespace: 'default', ...entity.metadata },
      })),
  );
}

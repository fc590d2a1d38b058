import {
  KNOWN_CACHE_NODE_TYPES,
  KNOWN_DB_INSTANCE_CLASSES,
  KNOWN_INSTANCE_TYPES,
} from '@gatehouse/plugin-infra-plans-common';
import { defaultPriceBook } from './loadPricing';

/** The type lists validation uses must be exactly what the price book knows. */
describe('the known-type lists of infra-plans-common', () => {
  const book = defaultPriceBook();
  const keys = book.regions().flatMap(region => book.forRegion(region)!.keys());
  const suffixes = (prefix: RegExp) =>
    [
      ...new Set(
        keys.filter(k => prefix.test(k)).map(k => k.replace(prefix, '')),
      ),
    ].sort();

  it('instance types: every priced EC2 type, each with a spec', () => {
    expect([...KNOWN_INSTANCE_TYPES].sort()).toEqual(
      suffixes(/^ec2:instance:/),
    );
    expect([...KNOWN_INSTANCE_TYPES].sort()).toEqual(
      Object.keys(book.file.instanceSpecs).sort(),
    );
  });

  it('DB instance classes: every class priced for PostgreSQL or MySQL', () => {
    expect([...KNOWN_DB_INSTANCE_CLASSES].sort()).toEqual(
      suffixes(/^rds:(postgres|mysql):/),
    );
  });

  it('cache node types: every priced ElastiCache node type', () => {
    expect([...KNOWN_CACHE_NODE_TYPES].sort()).toEqual(
      suffixes(/^elasticache:/),
    );
  });
});

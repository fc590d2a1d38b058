import {
  KNOWN_CACHE_NODE_TYPES,
  KNOWN_DB_INSTANCE_CLASSES,
  KNOWN_INSTANCE_TYPES,
} from '../catalogue/knownTypes';
import { nearestKnown } from '../catalogue/nearest';
import { PathSegment } from '../issues';
import { EnvContext } from './context';

/**
 * Instance types, DB classes and cache node types must be ones the price
 * book and instance catalogue know: an unknown one can be neither priced
 * nor sized, and is most often a typo.
 */
export function checkKnownTypes(ctx: EnvContext): void {
  ctx.env.compute.nodeGroups.forEach((group, groupIndex) => {
    group.instanceTypes.forEach((type, typeIndex) =>
      requireKnown(ctx, type, KNOWN_INSTANCE_TYPES, 'instance type', [
        'compute',
        'nodeGroups',
        groupIndex,
        'instanceTypes',
        typeIndex,
      ]),
    );
  });
  (ctx.env.data?.databases ?? []).forEach((db, index) =>
    requireKnown(
      ctx,
      db.instanceClass,
      KNOWN_DB_INSTANCE_CLASSES,
      'DB instance class',
      ['data', 'databases', index, 'instanceClass'],
    ),
  );
  (ctx.env.data?.caches ?? []).forEach((cache, index) =>
    requireKnown(
      ctx,
      cache.nodeType,
      KNOWN_CACHE_NODE_TYPES,
      'cache node type',
      ['data', 'caches', index, 'nodeType'],
    ),
  );
}

function requireKnown(
  ctx: EnvContext,
  value: string,
  known: readonly string[],
  what: string,
  path: PathSegment[],
): void {
  if (known.includes(value)) return;
  ctx.sink.error(
    'type-known',
    path,
    `${what} ${value} is not in the price book or instance catalogue, so it can be neither priced nor sized`,
    `did you mean ${nearestKnown(value, known).join(', ')}?`,
  );
}

import { HOURS_PER_MONTH } from '@gatehouse/plugin-cost-common';
import {
  Pricer,
  PricerContext,
  UnpricedError,
  component,
  knownNumber,
  optionalNumber,
  optionalString,
  requireString,
} from './pricer';

/** Engines billed at the ElastiCache node price in the pricing file. */
const NODE_PRICED_ENGINES = new Set(['redis', 'memcached']);

function nodeComponents(
  context: PricerContext,
  engine: string,
  nodes: number,
  detail: string,
) {
  if (!NODE_PRICED_ENGINES.has(engine)) {
    throw new UnpricedError(
      `ElastiCache engine "${engine}" is not priced (Redis OSS and Memcached only)`,
    );
  }
  const nodeType = requireString(context, ['node_type']);
  return [
    component(context, {
      name: `Cache nodes (${engine}, ${nodeType}, ${detail})`,
      priceKey: `elasticache:${nodeType}`,
      unit: 'hours',
      monthlyQuantity: HOURS_PER_MONTH * nodes,
    }),
  ];
}

/** aws_elasticache_cluster: node type × num_cache_nodes. */
export const priceElastiCacheCluster: Pricer = context => {
  const engine = optionalString(context, ['engine'], 'redis');
  const nodes = optionalNumber(context, ['num_cache_nodes'], 1);
  return nodeComponents(
    context,
    engine,
    nodes,
    `${nodes} node${nodes === 1 ? '' : 's'}`,
  );
};

/**
 * aws_elasticache_replication_group: in cluster mode, shards × (1 +
 * replicas per shard); otherwise num_cache_clusters (primary + replicas).
 */
export const priceElastiCacheReplicationGroup: Pricer = context => {
  const engine = optionalString(context, ['engine'], 'redis');
  const clusters =
    knownNumber(context, ['num_cache_clusters']) ??
    knownNumber(context, ['number_cache_clusters']);
  const shards =
    knownNumber(context, ['num_node_groups']) ??
    knownNumber(context, ['cluster_mode', 0, 'num_node_groups']);
  const replicas =
    knownNumber(context, ['replicas_per_node_group']) ??
    knownNumber(context, ['cluster_mode', 0, 'replicas_per_node_group']);
  const clusterMode = optionalString(context, ['cluster_mode']) === 'enabled';
  if ((clusterMode || clusters === undefined) && shards !== undefined) {
    const perShard = 1 + (replicas ?? 0);
    return nodeComponents(
      context,
      engine,
      shards * perShard,
      `${shards} shard${shards === 1 ? '' : 's'} × ${perShard} nodes`,
    );
  }
  let nodes = clusters;
  if (nodes === undefined) {
    context.note('num_cache_clusters is unknown until apply; assumed 1 node');
    nodes = 1;
  }
  return nodeComponents(
    context,
    engine,
    nodes,
    `${nodes} node${nodes === 1 ? '' : 's'}`,
  );
};

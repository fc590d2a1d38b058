import { createPlan } from '../__fixtures__/planBuilder';
import { estimateTerraformPlan } from '../terraform/estimateTerraformPlan';

function first(
  address: string,
  after: Record<string, unknown>,
  afterUnknown: unknown = {},
) {
  return estimateTerraformPlan(createPlan(address, after, afterUnknown))
    .resources[0];
}

describe('ElastiCache', () => {
  it('prices a cluster as node type × nodes', () => {
    const cluster = first('aws_elasticache_cluster.c', {
      engine: 'redis',
      node_type: 'cache.t3.micro',
      num_cache_nodes: 2,
    });
    expect(cluster.after.components[0]).toMatchObject({
      name: 'Cache nodes (redis, cache.t3.micro, 2 nodes)',
      monthlyQuantity: 1460,
      monthlyCost: 24.82,
    });
  });

  it('prices a replication group by its cache clusters (primary + replicas)', () => {
    const group = first(
      'aws_elasticache_replication_group.g',
      { node_type: 'cache.r6g.large', num_cache_clusters: 3 },
      { num_node_groups: true, replicas_per_node_group: true },
    );
    expect(group.after.monthly).toBe(451.14); // 0.206 × 730 × 3
  });

  it('prices cluster mode as shards × (1 + replicas)', () => {
    const group = first('aws_elasticache_replication_group.g', {
      node_type: 'cache.m6g.large',
      num_node_groups: 3,
      replicas_per_node_group: 1,
      cluster_mode: 'enabled',
    });
    expect(group.after.components[0]).toMatchObject({
      name: 'Cache nodes (redis, cache.m6g.large, 3 shards × 2 nodes)',
      monthlyQuantity: 4380,
    });
  });

  it('does not price Valkey at Redis prices', () => {
    expect(
      first('aws_elasticache_cluster.c', {
        engine: 'valkey',
        node_type: 'cache.t3.micro',
      }).unpriced?.reason,
    ).toBe(
      'ElastiCache engine "valkey" is not priced (Redis OSS and Memcached only)',
    );
  });
});

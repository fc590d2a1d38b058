/** The caches' parts of the generated documents. */
import type { DeploymentDataStore } from '../../documents/deploymentArchitecturePlan';
import { facts, table, yesNo } from '../../documents/markdown';
import type { PerformanceEnvironment } from '../../documents/performancePlan';
import type { EnvironmentPlan } from '../../schema';
import {
  UNSET_STORE_FIELDS,
  dataStoreUsers,
  encryptedAtRest,
} from '../dataStores/document';
import type { Cache } from './schema';

/** The workloads that name a cache in `uses`. */
function cacheUsers(env: EnvironmentPlan, cache: Cache): string[] {
  return env.workloads
    .filter(w => (w.uses ?? []).includes(cache.name))
    .map(w => w.name);
}

/** `Infrastructure_Requirements.md`: the caches table. */
export function cachesRequirements(env: EnvironmentPlan): string {
  return [
    '#### Caches\n\n',
    table(
      [
        'Name',
        'Engine',
        'Node type',
        'Shards',
        'Replicas per shard',
        'Multi-AZ',
        'Eviction',
      ],
      (env.data?.caches ?? []).map(c => [
        c.name,
        `${c.engine} ${c.version}`,
        c.nodeType,
        c.shards ?? 1,
        c.replicasPerShard ?? 0,
        yesNo(c.multiAz),
        c.evictionPolicy,
      ]),
    ),
  ].join('');
}

/** `Deployment_Architecture_Plan.json`: the caches among the `dataStores`. */
export function cacheDeploymentStores(
  env: EnvironmentPlan,
): DeploymentDataStore[] {
  const atRest = encryptedAtRest(env);
  return (env.data?.caches ?? []).map(c => ({
    ...UNSET_STORE_FIELDS,
    kind: 'cache' as const,
    name: c.name,
    terraformResource: 'aws_elasticache_replication_group',
    engine: c.engine,
    version: c.version,
    size: `${c.shards ?? 1} × ${c.nodeType}`,
    multiAz: c.multiAz ?? false,
    replicas: c.replicasPerShard ?? 0,
    backupRetention: c.snapshotRetention ?? null,
    encrypted: atRest,
    usedBy: dataStoreUsers(env, c.name),
  }));
}

/** `Scalability_Architecture_Design.md`: how each cache scales (rows of the data tier table). */
export function cacheScalingRows(env: EnvironmentPlan): unknown[][] {
  return (env.data?.caches ?? []).map(c => {
    const shards = c.shards ?? 1;
    const nodes = shards * (1 + (c.replicasPerShard ?? 0));
    const perNode = c.nodeType;
    return [
      `cache ${c.name}`,
      `${c.engine} ${c.version}`,
      `${shards} shard${shards === 1 ? '' : 's'} × ${
        1 + (c.replicasPerShard ?? 0)
      } nodes = ${nodes} × ${perNode}`,
      c.evictionPolicy ? `eviction ${c.evictionPolicy}` : '',
    ];
  });
}

/** `Scalability_Architecture_Design.md`: the caching strategy. */
export function cachingStrategyScalability(env: EnvironmentPlan): string {
  const caches = env.data?.caches ?? [];
  return [
    '### Caching strategy\n\n',
    caches.length
      ? facts(
          caches.map(c => {
            const users = cacheUsers(env, c);
            return [
              `${c.name}`,
              `${c.engine} ${c.version} on ${c.nodeType}${
                users.length ? `, used by ${users.join(', ')}` : ''
              }${c.evictionPolicy ? `; evicts ${c.evictionPolicy}` : ''}${
                c.multiAz ? '; fails over across zones' : ''
              }`,
            ] as [string, string];
          }),
        )
      : 'No shared cache: every read goes to the data store or is cached in process.\n',
  ].join('');
}

/** `Performance_Optimization_Plan.json`: the environment's `caching`. */
export function cachingPerformance(
  env: EnvironmentPlan,
): PerformanceEnvironment['caching'] {
  return (env.data?.caches ?? []).map(c => ({
    name: c.name,
    engine: `${c.engine} ${c.version}`,
    nodeType: c.nodeType,
    nodes: (c.shards ?? 1) * (1 + (c.replicasPerShard ?? 0)),
    evictionPolicy: c.evictionPolicy ?? null,
    usedBy: cacheUsers(env, c),
  }));
}

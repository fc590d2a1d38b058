import { InputError } from '@backstage/errors';
import {
  ENVIRONMENT_PARTS,
  InfraPlan,
} from '@gatehouse/plugin-infra-plans-common';
import {
  applyImages,
  applyRolloutSettings,
  ImageDeployment,
  RolloutChanges,
} from './environmentDeployment';

type Environment = InfraPlan['spec']['environments'][string];

/**
 * The values the "change an environment" and "deploy a version" forms can
 * set; absent means unchanged. Each kind of part is chosen by name from the
 * environment's plan (`nodeGroup`, `workload`, …); without a name, the
 * environment's first part of that kind is changed, as an environment
 * usually has one. A deployment (`images`) names each of its workloads, and
 * may set the rollout settings of their strategy (see `RolloutChanges`).
 */
export type EnvironmentChanges = RolloutChanges & {
  images?: ImageDeployment[];
  nodeGroup?: string;
  nodeGroupMin?: number;
  nodeGroupDesired?: number;
  nodeGroupMax?: number;
  instanceType?: string;
  workload?: string;
  replicas?: number;
  autoscalingMin?: number;
  autoscalingMax?: number;
  database?: string;
  databaseInstanceClass?: string;
  databaseMultiAz?: boolean;
  cache?: string;
  cacheNodeType?: string;
  cacheReplicasPerShard?: number;
  cacheMultiAz?: boolean;
  bucket?: string;
  bucketVersioning?: boolean;
  queue?: string;
  queueVisibilityTimeout?: string;
  queueRetention?: string;
};

type PartKind = keyof typeof ENVIRONMENT_PARTS;
type PartOf<K extends PartKind> = ReturnType<
  (typeof ENVIRONMENT_PARTS)[K]['list']
>[number];

/** Whether any of these values is set (false and 0 count as set). */
const anySet = (...values: unknown[]) => values.some(v => v !== undefined);

/**
 * The part of `kind` the change addresses: the named one, or the first. A name
 * the environment does not have, or values for a kind it has none of, are
 * refused with what it does have.
 */
function partToChange<K extends PartKind>(
  env: Environment,
  environment: string,
  kind: K,
  name: string | undefined,
): PartOf<K> {
  const { label, list } = ENVIRONMENT_PARTS[kind];
  const parts = list(env) as Array<PartOf<K>>;
  if (parts.length === 0) {
    throw new InputError(
      `The ${environment} environment has no ${label} to change`,
    );
  }
  if (name === undefined || name === '') return parts[0];
  const found = parts.find(part => part.name === name);
  if (!found) {
    throw new InputError(
      `The ${environment} environment has no ${label} named ${name}; it has ${parts
        .map(part => part.name)
        .join(', ')}`,
    );
  }
  return found;
}

/** The plan with the changes applied to the parts they name, one revision on. */
export function applyEnvironmentChanges(
  plan: InfraPlan,
  environment: string,
  changes: EnvironmentChanges,
): InfraPlan {
  const next: InfraPlan = structuredClone(plan);
  const env = next.spec.environments[environment];
  const c = changes;

  if (
    anySet(c.nodeGroupMin, c.nodeGroupDesired, c.nodeGroupMax, c.instanceType)
  ) {
    const group = partToChange(env, environment, 'nodeGroup', c.nodeGroup);
    if (c.nodeGroupMin !== undefined) group.minSize = c.nodeGroupMin;
    if (c.nodeGroupDesired !== undefined)
      group.desiredSize = c.nodeGroupDesired;
    if (c.nodeGroupMax !== undefined) group.maxSize = c.nodeGroupMax;
    if (c.instanceType) group.instanceTypes = [c.instanceType];
  }

  if (anySet(c.replicas, c.autoscalingMin, c.autoscalingMax)) {
    const workload = partToChange(env, environment, 'workload', c.workload);
    if (c.replicas !== undefined) workload.replicas = c.replicas;
    if (anySet(c.autoscalingMin, c.autoscalingMax)) {
      if (!workload.autoscaling) {
        throw new InputError(
          `Workload ${workload.name} does not autoscale: set its replicas instead`,
        );
      }
      if (c.autoscalingMin !== undefined)
        workload.autoscaling.minReplicas = c.autoscalingMin;
      if (c.autoscalingMax !== undefined)
        workload.autoscaling.maxReplicas = c.autoscalingMax;
    }
  }

  if (anySet(c.databaseInstanceClass, c.databaseMultiAz)) {
    const database = partToChange(env, environment, 'database', c.database);
    if (c.databaseInstanceClass)
      database.instanceClass = c.databaseInstanceClass;
    if (c.databaseMultiAz !== undefined) database.multiAz = c.databaseMultiAz;
  }

  if (anySet(c.cacheNodeType, c.cacheReplicasPerShard, c.cacheMultiAz)) {
    const cache = partToChange(env, environment, 'cache', c.cache);
    if (c.cacheNodeType) cache.nodeType = c.cacheNodeType;
    if (c.cacheReplicasPerShard !== undefined)
      cache.replicasPerShard = c.cacheReplicasPerShard;
    if (c.cacheMultiAz !== undefined) cache.multiAz = c.cacheMultiAz;
  }

  if (anySet(c.bucketVersioning)) {
    const bucket = partToChange(env, environment, 'bucket', c.bucket);
    bucket.versioning = c.bucketVersioning!;
  }

  if (anySet(c.queueVisibilityTimeout, c.queueRetention)) {
    const queue = partToChange(env, environment, 'queue', c.queue);
    if (c.queueVisibilityTimeout)
      queue.visibilityTimeout = c.queueVisibilityTimeout;
    if (c.queueRetention) queue.retention = c.queueRetention;
  }

  const deployedTo = applyImages(env, environment, c.images ?? []);
  applyRolloutSettings(env, environment, c, deployedTo);

  next.metadata.revision = (plan.metadata.revision ?? 1) + 1;
  return next;
}

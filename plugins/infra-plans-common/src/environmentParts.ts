import type { InfraPlan } from './schema';

type Environment = InfraPlan['spec']['environments'][string];

/**
 * The parts of an environment a change can address by name, with where the
 * plan keeps each kind. The "change an environment" form lists them and the
 * change action looks them up here, so both mean the same parts.
 *
 * @public
 */
export const ENVIRONMENT_PARTS = {
  nodeGroup: {
    label: 'node group',
    list: (env: Environment) => env.compute.nodeGroups,
  },
  workload: { label: 'workload', list: (env: Environment) => env.workloads },
  database: {
    label: 'database',
    list: (env: Environment) => env.data?.databases ?? [],
  },
  cache: { label: 'cache', list: (env: Environment) => env.data?.caches ?? [] },
  bucket: {
    label: 'bucket',
    list: (env: Environment) => env.data?.objectStorage ?? [],
  },
  queue: { label: 'queue', list: (env: Environment) => env.data?.queues ?? [] },
} as const;

/** @public */
export type EnvironmentPartKind = keyof typeof ENVIRONMENT_PARTS;

/**
 * The environment of a plan an environment entity stands for: the one its
 * `gatehouse.io/environment` annotation names, else the plan's first.
 *
 * @public
 */
export function environmentOfPlan(
  plan: InfraPlan,
  annotated: string | undefined,
): string {
  return annotated && plan.spec.environments[annotated]
    ? annotated
    : Object.keys(plan.spec.environments)[0];
}

/** The names of an environment's parts of one kind, in plan order. @public */
export function environmentPartNames(
  plan: InfraPlan,
  environment: string,
  kind: EnvironmentPartKind,
): string[] {
  const env = plan.spec.environments[environment];
  if (!env) return [];
  return (ENVIRONMENT_PARTS[kind].list(env) as Array<{ name: string }>).map(
    part => part.name,
  );
}

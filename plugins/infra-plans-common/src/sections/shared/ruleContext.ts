/** What every validation rule of one environment gets. */
import type { IssueSink } from '../../issues';
import type { EnvironmentPlan, InfraPlan, Tier } from '../../schema';
import { DATA_STORE_KINDS } from '../dataStores/schema';

/** The environment under validation, with what several sections look up. */
export interface EnvContext {
  plan: InfraPlan;
  name: string;
  env: EnvironmentPlan;
  tier: Tier;
  /** Sink rooted at `spec.environments.<name>`. */
  sink: IssueSink;
  /** Names of every data store (databases, caches, buckets, queues). */
  dataStores: Map<string, { kind: string; index: number }>;
  /** The day the plan is judged on (support calendar checks). */
  asOf: Date;
}

export function createContext(
  plan: InfraPlan,
  name: string,
  env: EnvironmentPlan,
  sink: IssueSink,
  asOf: Date,
): EnvContext {
  const dataStores = new Map<string, { kind: string; index: number }>();
  const data = env.data ?? {};
  for (const kind of DATA_STORE_KINDS) {
    (data[kind] ?? []).forEach((store, index) => {
      if (!dataStores.has(store.name)) {
        dataStores.set(store.name, { kind, index });
      }
    });
  }
  return {
    plan,
    name,
    env,
    tier: env.tier,
    sink: sink.at('spec', 'environments', name),
    dataStores,
    asOf,
  };
}

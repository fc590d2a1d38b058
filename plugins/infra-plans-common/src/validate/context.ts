import { Cidr, parseCidr } from '../cidr';
import { IssueSink, PathSegment } from '../issues';
import type { EnvironmentPlan, InfraPlan, Tier } from '../schema';
import { requirementLevel } from '../tiers';

/** What every rule of one environment gets. */
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
  for (const kind of [
    'databases',
    'caches',
    'objectStorage',
    'queues',
  ] as const) {
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

/**
 * Parses a CIDR at a path and reports it when invalid (`cidr-syntax`), when
 * host bits are set (`cidr-host-bits`) or when it has the wrong address
 * family (`cidr-family`). Returns the block only when it is usable.
 */
export function checkCidr(
  sink: IssueSink,
  segments: PathSegment[],
  value: string,
  options: { ipv4Only?: boolean; what?: string } = {},
): Cidr | undefined {
  const parsed = parseCidr(value);
  if (!parsed.ok) {
    const { problem, hint, suggestion } = parsed.error;
    if (suggestion) {
      sink.error('cidr-host-bits', segments, problem, hint);
    } else {
      sink.error(
        'cidr-syntax',
        segments,
        `${value} is not a valid CIDR block: ${problem}`,
        hint,
      );
    }
    return undefined;
  }
  if (options.ipv4Only && parsed.cidr.family !== 'ipv4') {
    sink.error(
      'cidr-family',
      segments,
      `${value} is IPv6; ${options.what ?? 'this block'} must be IPv4`,
      'AWS VPCs and subnets have a primary IPv4 block; write one such as 10.0.0.0/16',
    );
    return undefined;
  }
  return parsed.cidr;
}

/** Reports the second and later items that repeat a name (`names-unique`). */
export function checkUniqueNames<T>(
  sink: IssueSink,
  listPath: PathSegment[],
  items: readonly T[] | undefined,
  what: string,
  key: (item: T) => string = item => (item as { name: string }).name,
  field: PathSegment = 'name',
): void {
  const seen = new Map<string, number>();
  (items ?? []).forEach((item, index) => {
    const name = key(item);
    const first = seen.get(name);
    if (first === undefined) {
      seen.set(name, index);
    } else {
      sink.error(
        'names-unique',
        [...listPath, index, field],
        `${what} "${name}" is defined twice (also at index ${first})`,
        `rename one of them; ${what}s are matched by name in references, diffs and generated resources`,
      );
    }
  });
}

/** Reports a missing tier requirement at the level the tier asks for. */
export function requireForTier(
  ctx: EnvContext,
  id: string,
  segments: PathSegment[],
  problem: string,
  hint: string,
): void {
  const level = requirementLevel(id, ctx.tier);
  if (level === 'optional') return;
  ctx.sink.add(
    level === 'required' ? 'error' : 'warning',
    `tier:${id}`,
    segments,
    `${problem} (${level} for ${ctx.tier})`,
    hint,
  );
}

/*
 * Attribution of billing rows to catalog entities (service, team,
 * environment), from the row's tags and optionally an explicit map of
 * resource ids (e.g. collected later from catalog annotations).
 *
 * A row without a service is "unattributed": it keeps its cost and is
 * reported as such, never dropped.
 */
import type { FocusRow } from './focusRow';
import type { FocusTags } from './tags';

/** Which tag keys carry each dimension, in order of precedence. */
export interface AttributionTagKeys {
  readonly service: readonly string[];
  readonly team: readonly string[];
  readonly environment: readonly string[];
}

export const DEFAULT_ATTRIBUTION_TAG_KEYS: AttributionTagKeys = {
  service: [
    'service',
    'app',
    'application',
    'backstage.io/component',
    'gatehouse:service',
  ],
  team: ['team', 'owner', 'cost-center'],
  environment: ['environment', 'env', 'stage'],
};

/**
 * Common environment spellings, offered for `environmentAliases`. Not applied
 * by default: rewriting tag values is a decision for the operator.
 */
export const COMMON_ENVIRONMENT_ALIASES: Readonly<Record<string, string>> = {
  prod: 'production',
  prd: 'production',
  stage: 'staging',
  stg: 'staging',
  dev: 'development',
};

/** The entity a row is attributed to; absent fields are unknown. */
export interface Attribution {
  readonly service?: string;
  readonly team?: string;
  readonly environment?: string;
}

/** An explicit assignment of one resource, overriding its tags. */
export interface ResourceAttribution extends Attribution {
  readonly resourceId: string;
  /** Restricts the entry to one provider; matches any provider when absent. */
  readonly providerName?: string;
}

export interface AttributorOptions {
  /** Keys per dimension; a dimension left out keeps its default keys. */
  tagKeys?: Partial<AttributionTagKeys>;
  /** Explicit resource assignments; they win over tags for the fields they set. */
  resourceMap?: Iterable<ResourceAttribution>;
  /**
   * Tag key prefixes ignored when matching keys, so `user:team` matches
   * `team` (AWS marks user-defined cost allocation tags so in some exports).
   * Default `['user:']`.
   */
  ignoredTagKeyPrefixes?: readonly string[];
  /** Normalised environment value → canonical value, e.g. `prod → production`. */
  environmentAliases?: Readonly<Record<string, string>>;
}

/** The row fields attribution looks at. */
export type AttributableRow = Pick<
  FocusRow,
  'tags' | 'resourceId' | 'providerName'
>;

/** Attributes one row. Returned objects are shared and frozen. */
export type Attributor = (row: AttributableRow) => Attribution;

/** The attribution of a row nothing is known about. */
export const UNATTRIBUTED: Attribution = Object.freeze({});

/** Attribution values compare trimmed and lower-cased. */
export function normalizeAttributionValue(
  value: string | undefined,
): string | undefined {
  const normalized = value?.trim().toLowerCase();
  return normalized ? normalized : undefined;
}

function withoutUndefined(attribution: Attribution): Attribution {
  const result: { service?: string; team?: string; environment?: string } = {};
  if (attribution.service !== undefined) result.service = attribution.service;
  if (attribution.team !== undefined) result.team = attribution.team;
  if (attribution.environment !== undefined) {
    result.environment = attribution.environment;
  }
  return Object.keys(result).length === 0
    ? UNATTRIBUTED
    : Object.freeze(result);
}

/** Creates an attributor; see {@link AttributorOptions}. */
export function createAttributor(options: AttributorOptions = {}): Attributor {
  const lowerKeys = (keys: readonly string[]) => keys.map(k => k.toLowerCase());
  const serviceKeys = lowerKeys(
    options.tagKeys?.service ?? DEFAULT_ATTRIBUTION_TAG_KEYS.service,
  );
  const teamKeys = lowerKeys(
    options.tagKeys?.team ?? DEFAULT_ATTRIBUTION_TAG_KEYS.team,
  );
  const environmentKeys = lowerKeys(
    options.tagKeys?.environment ?? DEFAULT_ATTRIBUTION_TAG_KEYS.environment,
  );
  const prefixes = lowerKeys(options.ignoredTagKeyPrefixes ?? ['user:']);
  const environmentAliases = new Map(
    Object.entries(options.environmentAliases ?? {}).map(([from, to]) => [
      from.trim().toLowerCase(),
      to.trim().toLowerCase(),
    ]),
  );

  // Tag objects are memoised by the reader, so identical tag sets are the
  // same object and their attribution is computed once per distinct set.
  const byTags = new WeakMap<FocusTags, Attribution>();

  function withoutIgnoredPrefix(lowerKey: string): string {
    for (const prefix of prefixes) {
      if (lowerKey.startsWith(prefix) && lowerKey.length > prefix.length) {
        return lowerKey.slice(prefix.length);
      }
    }
    return lowerKey;
  }

  function firstValue(
    tags: ReadonlyMap<string, string>,
    keys: readonly string[],
  ): string | undefined {
    for (const key of keys) {
      const value = normalizeAttributionValue(tags.get(key));
      if (value !== undefined) {
        return value;
      }
    }
    return undefined;
  }

  function fromTags(tags: FocusTags): Attribution {
    const entries = Object.entries(tags).map(
      ([key, value]) => [key.trim().toLowerCase(), value] as const,
    );
    // Exact keys first; keys that only match once a prefix such as `user:`
    // is dropped fill the remaining gaps. Within each, the first key wins.
    const comparable = new Map<string, string>();
    for (const [key, value] of entries) {
      if (!comparable.has(key)) comparable.set(key, value);
    }
    for (const [key, value] of entries) {
      const stripped = withoutIgnoredPrefix(key);
      if (!comparable.has(stripped)) comparable.set(stripped, value);
    }
    const environment = firstValue(comparable, environmentKeys);
    return withoutUndefined({
      service: firstValue(comparable, serviceKeys),
      team: firstValue(comparable, teamKeys),
      environment:
        environment === undefined
          ? undefined
          : environmentAliases.get(environment) ?? environment,
    });
  }

  // Resource ids compare case-insensitively: Azure ids differ in case between
  // exports of the same resource.
  const resourceKey = (resourceId: string, provider?: string | null) =>
    `${provider?.trim().toLowerCase() ?? '*'}\u0000${resourceId
      .trim()
      .toLowerCase()}`;
  const resources = new Map<string, Attribution>();
  for (const entry of options.resourceMap ?? []) {
    resources.set(
      resourceKey(entry.resourceId, entry.providerName),
      withoutUndefined({
        service: normalizeAttributionValue(entry.service),
        team: normalizeAttributionValue(entry.team),
        environment: normalizeAttributionValue(entry.environment),
      }),
    );
  }

  return function attribute(row) {
    let tagged = byTags.get(row.tags);
    if (tagged === undefined) {
      tagged = fromTags(row.tags);
      byTags.set(row.tags, tagged);
    }
    if (resources.size === 0 || row.resourceId === null) {
      return tagged;
    }
    const explicit =
      resources.get(resourceKey(row.resourceId, row.providerName)) ??
      resources.get(resourceKey(row.resourceId));
    if (explicit === undefined) {
      return tagged;
    }
    return withoutUndefined({
      service: explicit.service ?? tagged.service,
      team: explicit.team ?? tagged.team,
      environment: explicit.environment ?? tagged.environment,
    });
  };
}

import { InputError } from '@backstage/errors';
import type {
  EnvironmentTier,
  RiskLevel,
} from '@gatehouse/plugin-approvals-common';
import type {
  CatalogEnvironment,
  CatalogIdentifier,
} from './catalogEnvironments';
import { TIER_ANNOTATION } from './catalogEnvironments';
import type { EntityPlanEnvironments } from './entityPlans';

const TIER_RANK: Record<EnvironmentTier, number> = {
  development: 0,
  staging: 1,
  production: 2,
};

const stricter = (a: EnvironmentTier, b: EnvironmentTier) =>
  TIER_RANK[a] >= TIER_RANK[b] ? a : b;

/** An environment of the entity and its tier (null when nothing declares one). */
export type KnownEnvironment = { name: string; tier: EnvironmentTier | null };

/** The environment a change request names, as the catalog and the plans establish it. */
export type ResolvedEnvironment = {
  name: string;
  /** The tier the policy and the risk go by. */
  tier: EnvironmentTier;
  /** Where the tier comes from, e.g. `resource:default/orchestrator-api-production`. */
  sources: string[];
  /** What the reviewers should know about how it was resolved (risk reasons). */
  reasons: Array<[RiskLevel, string]>;
  /** Every environment of the entity, this one included. */
  environments: KnownEnvironment[];
  /** Identifiers of each environment's catalog entities, by environment name. */
  identifiers: Map<string, CatalogIdentifier[]>;
};

/** The environments of the submitted infrastructure plan (and of its prior plan). */
export type SubmittedPlanTiers = {
  tiers: Record<string, EnvironmentTier>;
  priorTiers?: Record<string, EnvironmentTier>;
};

/**
 * A request for an environment the entity does not have: a 400 whose body
 * lists the environments it has (`error.environments`).
 */
export class UnknownEnvironmentError extends InputError {
  constructor(message: string, readonly environments: KnownEnvironment[]) {
    super(message);
  }
}

const describeEnvironment = (environment: KnownEnvironment) =>
  environment.tier
    ? `${environment.name} (${environment.tier})`
    : `${environment.name} (no tier declared)`;

/** Every environment named by the catalog or the entity's plan, in a stable order. */
function knownEnvironments(
  catalog: CatalogEnvironment[],
  plan: EntityPlanEnvironments,
): KnownEnvironment[] {
  const tiers = new Map<string, EnvironmentTier | null>();
  for (const environment of catalog) {
    const declared =
      'value' in environment.tier ? environment.tier.value : null;
    tiers.set(environment.name, tiers.get(environment.name) ?? declared);
  }
  if (plan.kind === 'plan') {
    for (const [name, tier] of Object.entries(plan.tiers)) {
      if (!tiers.get(name)) tiers.set(name, tier);
    }
  }
  return [...tiers.entries()]
    .map(([name, tier]) => ({ name, tier }))
    .sort(
      (a, b) =>
        (a.tier ? TIER_RANK[a.tier] : 3) - (b.tier ? TIER_RANK[b.tier] : 3) ||
        a.name.localeCompare(b.name),
    );
}

/**
 * What the catalog and the entity's stored plan (the facts) say the
 * environment's tier is. They must agree: a disagreement, an invalid tier or
 * an environment Resource without a tier that no plan fills in is refused
 * rather than guessed.
 */
function factualTier(
  entityRef: string,
  name: string,
  catalog: CatalogEnvironment[],
  plan: EntityPlanEnvironments,
): { tier: EnvironmentTier; sources: string[] } | undefined {
  const claims: Array<{ tier: EnvironmentTier; source: string }> = [];
  const undeclared: string[] = [];
  for (const resource of catalog.filter(c => c.name === name)) {
    if ('invalid' in resource.tier) {
      throw new InputError(
        `${resource.entityRef} declares ${TIER_ANNOTATION}: "${resource.tier.invalid}"; an environment's tier is development, staging or production`,
      );
    }
    if ('value' in resource.tier) {
      claims.push({ tier: resource.tier.value, source: resource.entityRef });
    } else {
      undeclared.push(resource.entityRef);
    }
  }
  if (plan.kind === 'plan' && plan.tiers[name]) {
    claims.push({ tier: plan.tiers[name], source: plan.source });
  }
  const tiers = [...new Set(claims.map(claim => claim.tier))];
  if (tiers.length > 1) {
    throw new InputError(
      `The tier of environment ${name} of ${entityRef} is not agreed: ${claims
        .map(claim => `${claim.source} says ${claim.tier}`)
        .join(
          ', ',
        )}. Correct whichever is wrong; until they agree no change to ${name} is accepted`,
    );
  }
  if (tiers.length === 1) {
    return { tier: tiers[0], sources: claims.map(claim => claim.source) };
  }
  if (undeclared.length > 0) {
    const unread =
      plan.kind === 'unavailable'
        ? ` (its infrastructure plan could not be read: ${plan.reason})`
        : '';
    throw new InputError(
      `${undeclared.join(
        ', ',
      )} declares no tier${unread}: annotate it with ${TIER_ANNOTATION} (development, staging or production)`,
    );
  }
  return undefined;
}

/**
 * Resolves the environment a change request names to one of the entity's
 * environments and its tier:
 *
 * - the catalog's environment Resources of the entity and its stored
 *   infrastructure plan are the facts, and must agree on the tier;
 * - an environment only the submitted infrastructure plan has is a new one
 *   (the environment template creates it), with the tier that plan gives it;
 * - should the submitted plan give a known environment another tier, the
 *   stricter of the two governs and the move is a reason for reviewers;
 * - any other name is refused, listing the entity's environments.
 */
export function resolveEnvironment(input: {
  entityRef: string;
  name: string;
  catalog: CatalogEnvironment[];
  plan: EntityPlanEnvironments;
  submitted?: SubmittedPlanTiers;
}): ResolvedEnvironment {
  const { entityRef, name, catalog, plan, submitted } = input;
  const environments = knownEnvironments(catalog, plan);
  const reasons: ResolvedEnvironment['reasons'] = [];
  if (plan.kind === 'unavailable') {
    reasons.push([
      'medium',
      `the tier of ${name} could not be checked against the infrastructure plan of ${entityRef}: ${plan.reason}`,
    ]);
  }

  const facts = factualTier(entityRef, name, catalog, plan);
  const proposed = submitted?.tiers[name];
  let tier: EnvironmentTier;
  let sources: string[];
  if (facts) {
    ({ tier, sources } = facts);
    if (proposed && proposed !== facts.tier) {
      reasons.push([
        'medium',
        `the submitted plan moves ${name} from the ${facts.tier} tier to ${proposed}`,
      ]);
      tier = stricter(facts.tier, proposed);
    }
  } else if (proposed) {
    // A new environment: it is in the catalog once its repository is registered.
    const prior = submitted?.priorTiers?.[name];
    tier = prior ? stricter(prior, proposed) : proposed;
    sources = ['the submitted infrastructure plan'];
    if (prior && prior !== proposed) {
      reasons.push([
        'medium',
        `the submitted plan moves ${name} from the ${prior} tier to ${proposed}`,
      ]);
    }
  } else {
    const listed =
      environments.length > 0
        ? `Its environments: ${environments
            .map(describeEnvironment)
            .join(', ')}.`
        : 'It has no environments in the catalog or in an infrastructure plan.';
    const unread =
      plan.kind === 'unavailable'
        ? ` Its infrastructure plan could not be read: ${plan.reason}.`
        : '';
    throw new UnknownEnvironmentError(
      `${entityRef} has no environment "${name}". ${listed}${unread} An environment is an environment Resource the entity depends on in the catalog (annotated ${TIER_ANNOTATION}), or an environment of its infrastructure plan.`,
      environments,
    );
  }

  const identifiers = new Map<string, CatalogIdentifier[]>();
  for (const environment of catalog) {
    identifiers.set(environment.name, [
      ...(identifiers.get(environment.name) ?? []),
      ...environment.identifiers,
    ]);
  }
  const withThis = environments.some(e => e.name === name)
    ? environments.map(e => (e.name === name ? { name, tier } : e))
    : [...environments, { name, tier }];
  return {
    name,
    tier,
    sources,
    reasons,
    environments: withThis,
    identifiers,
  };
}

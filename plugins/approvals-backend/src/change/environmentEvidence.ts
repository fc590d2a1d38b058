import { InputError } from '@backstage/errors';
import {
  ENVIRONMENT_TIERS,
  type EnvironmentTier,
} from '@gatehouse/plugin-approvals-common';
import type { ParsedPlan } from '@gatehouse/plugin-cost-node';
import type { ResolvedEnvironment } from '../environment/resolveEnvironment';

/** Tag (and variable) keys that name an environment: the cost plugin's attribution keys, in any case. */
const ENVIRONMENT_KEYS = ['environment', 'env'];
/** The tag Gatehouse's generated Terraform writes the tier in (provider default_tags). */
const TIER_KEYS = ['tier'];
/**
 * Common spellings of the tiers. A tag that spells the request's own tier so
 * agrees with it; one that spells another tier names that tier.
 */
const TIER_SPELLINGS: Record<string, EnvironmentTier> = {
  prod: 'production',
  prd: 'production',
  live: 'production',
  stage: 'staging',
  stg: 'staging',
  dev: 'development',
};

/** One resource of a Terraform plan that says it belongs to another environment, and why. */
export type EnvironmentConflict = { address: string; evidence: string[] };

const tierNamed = (value: string): EnvironmentTier | undefined =>
  (ENVIRONMENT_TIERS as readonly string[]).includes(value)
    ? (value as EnvironmentTier)
    : TIER_SPELLINGS[value];

/**
 * What is wrong with an environment tag's value, if anything: it must name
 * the request's environment or its tier. Another environment of the entity,
 * another tier, or a name the entity does not have all say the plan was made
 * for somewhere else.
 */
function environmentValueProblem(
  value: string,
  environment: ResolvedEnvironment,
): string | undefined {
  const wanted = value.trim().toLocaleLowerCase('en-US');
  if (wanted === environment.name.toLocaleLowerCase('en-US')) return undefined;
  const other = environment.environments.find(
    e => e.name.toLocaleLowerCase('en-US') === wanted,
  );
  if (other) {
    return `names environment ${other.name}${
      other.tier ? `, ${other.tier} tier` : ''
    }`;
  }
  const tier = tierNamed(wanted);
  if (tier === environment.tier) return undefined;
  if (tier) return `names the ${tier} tier`;
  return 'names no environment of the entity';
}

function tagEvidence(
  values: Record<string, unknown>,
  environment: ResolvedEnvironment,
): string[] {
  const evidence: string[] = [];
  for (const field of ['tags', 'tags_all']) {
    const tags = values[field];
    if (!tags || typeof tags !== 'object' || Array.isArray(tags)) continue;
    for (const [key, value] of Object.entries(tags)) {
      if (typeof value !== 'string') continue;
      const lowerKey = key.toLocaleLowerCase('en-US');
      if (ENVIRONMENT_KEYS.includes(lowerKey)) {
        const problem = environmentValueProblem(value, environment);
        if (problem) evidence.push(`tag ${key} = ${value} ${problem}`);
      } else if (TIER_KEYS.includes(lowerKey)) {
        const tier = tierNamed(value.trim().toLocaleLowerCase('en-US'));
        if (tier !== environment.tier) {
          evidence.push(
            `tag ${key} = ${value} is not the ${environment.tier} tier`,
          );
        }
      }
    }
  }
  return evidence;
}

type Owners = { kind: string; value: string; environments: string[] };

/**
 * Identifiers (cluster names, account and VPC ids) of the other
 * environments' catalog entities, lower-cased; those shared with the
 * request's environment (a cluster several environments run on) are not
 * evidence of anything.
 */
function foreignIdentifiers(environment: ResolvedEnvironment) {
  const own = new Set(
    (environment.identifiers.get(environment.name) ?? []).map(i =>
      i.value.toLocaleLowerCase('en-US'),
    ),
  );
  const index = new Map<string, Owners>();
  for (const [name, identifiers] of environment.identifiers) {
    if (name === environment.name) continue;
    for (const identifier of identifiers) {
      const key = identifier.value.toLocaleLowerCase('en-US');
      if (own.has(key)) continue;
      const owners = index.get(key) ?? {
        kind: identifier.kind,
        value: identifier.value,
        environments: [],
      };
      if (!owners.environments.includes(name)) {
        owners.environments = [...owners.environments, name].sort();
      }
      index.set(key, owners);
    }
  }
  return index;
}

const ACCOUNT_IN_ARN = /^arn:aws[a-z-]*:[^:]*:[^:]*:(\d{12}):/;
const KIND_LABEL: Record<string, string> = {
  cluster: 'cluster',
  account: 'AWS account',
  vpc: 'VPC',
};

/** Every string in a resource's values that is another environment's identifier. */
function identifierEvidence(
  values: unknown,
  index: Map<string, Owners>,
): string[] {
  const found = new Set<Owners>();
  const visit = (value: unknown, depth: number) => {
    if (depth > 32) return;
    if (typeof value === 'string') {
      const owners = index.get(value.toLocaleLowerCase('en-US'));
      if (owners) found.add(owners);
      const account = ACCOUNT_IN_ARN.exec(value)?.[1];
      const accountOwners = account ? index.get(account) : undefined;
      if (accountOwners?.kind === 'account') found.add(accountOwners);
    } else if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
    } else if (value && typeof value === 'object') {
      for (const item of Object.values(value)) visit(item, depth + 1);
    }
  };
  visit(values, 0);
  return [...found].map(
    owners =>
      `${KIND_LABEL[owners.kind]} ${
        owners.value
      } belongs to ${owners.environments.join(', ')}`,
  );
}

/**
 * The resources of a Terraform plan that belong to another environment than
 * the request's: environment or tier tags (and root variables) that name
 * another environment or tier, and cluster, account or VPC identifiers of
 * the other environments' catalog entities.
 */
export function findEnvironmentConflicts(
  plan: ParsedPlan,
  environment: ResolvedEnvironment,
): EnvironmentConflict[] {
  const conflicts: EnvironmentConflict[] = [];
  for (const [name, value] of Object.entries(plan.variables)) {
    if (
      ENVIRONMENT_KEYS.includes(name.toLocaleLowerCase('en-US')) &&
      typeof value === 'string'
    ) {
      const problem = environmentValueProblem(value, environment);
      if (problem) {
        conflicts.push({
          address: `var.${name}`,
          evidence: [`${name} = ${value} ${problem}`],
        });
      }
    }
  }
  const index = foreignIdentifiers(environment);
  for (const change of plan.resourceChanges) {
    const values = change.after ?? change.before;
    if (!values) continue;
    const evidence = [
      ...new Set([
        ...tagEvidence(values, environment),
        ...(index.size > 0 ? identifierEvidence(values, index) : []),
      ]),
    ];
    if (evidence.length > 0)
      conflicts.push({ address: change.address, evidence });
  }
  return conflicts;
}

/** How conflicts read in a refusal or a risk reason: the first few resources and why. */
export function describeConflicts(conflicts: EnvironmentConflict[]): string {
  const shown = conflicts
    .slice(0, 5)
    .map(c => `${c.address} (${c.evidence.join('; ')})`)
    .join(', ');
  const more = conflicts.length > 5 ? ` and ${conflicts.length - 5} more` : '';
  return `${shown}${more}`;
}

/** At most this many conflicts travel in a refusal's body; the count says how many there were. */
const LISTED_CONFLICTS = 100;

/**
 * A Terraform plan made for another environment: a 400 naming its
 * resources (`error.conflicts`, the first 100 of `error.conflictCount`),
 * nothing stored.
 */
export class EnvironmentMismatchError extends InputError {
  readonly conflicts: EnvironmentConflict[];
  readonly conflictCount: number;

  constructor(
    environment: ResolvedEnvironment,
    conflicts: EnvironmentConflict[],
  ) {
    super(
      `The plan belongs to another environment than ${environment.name} (${
        environment.tier
      } tier): ${describeConflicts(
        conflicts,
      )}. Submit it for the environment it changes, or correct its tags`,
    );
    this.conflicts = conflicts.slice(0, LISTED_CONFLICTS);
    this.conflictCount = conflicts.length;
  }
}

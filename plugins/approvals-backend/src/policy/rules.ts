import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  ENVIRONMENT_TIERS,
  type EnvironmentTier,
  type RiskLevel,
} from '@gatehouse/plugin-approvals-common';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

/** The placeholder for the target entity's owning group in a rule's groups. */
export const OWNER = 'owner';

const matchSchema = z
  .object({
    /** Matches changes to environments of these tiers, whatever they are called. */
    tiers: z
      .array(
        z.enum(ENVIRONMENT_TIERS as [EnvironmentTier, ...EnvironmentTier[]]),
      )
      .min(1)
      .optional(),
    /**
     * Narrows `tiers` to environments of these names. Never on its own: a
     * name says nothing about what an environment is.
     */
    environments: z.array(z.string()).min(1).optional(),
    /** Matches when the high end of the monthly cost delta is at least this (USD). */
    minCostDelta: z.number().optional(),
    /** Matches when the high end of the monthly cost delta is below this (USD). */
    maxCostDelta: z.number().optional(),
    risk: z.array(z.enum(['low', 'medium', 'high'])).optional(),
    /**
     * true: matches only changes every changed resource of which was priced;
     * false: only those with unpriced parts (or nothing priced at all).
     */
    pricedInFull: z.boolean().optional(),
  })
  .strict()
  .refine(match => !match.environments || match.tiers, {
    message:
      'environments only narrows tiers: give the tiers the rule is for as well',
    path: ['environments'],
  });

const ruleSchema = z.object({
  name: z.string().min(1),
  match: matchSchema.default({}),
  autoApprove: z.boolean().default(false),
  require: z
    .array(
      z.object({
        count: z.number().int().min(1),
        groups: z.array(z.string()).min(1),
      }),
    )
    .default([]),
});

/** One rule of the approval policy. */
export type PolicyRule = z.infer<typeof ruleSchema>;

/**
 * Gatehouse's shipped policy. Rules that match a change combine: every
 * requirement of every matching rule must be met. A change is approved
 * automatically only when an auto-approving rule matches and no matching rule
 * requires anything. A change no rule matches needs one approval from its
 * owners or the platform approvers.
 */
export const DEFAULT_RULES: PolicyRule[] = [
  {
    name: 'small low-risk development change',
    match: {
      tiers: ['development'],
      maxCostDelta: 100,
      risk: ['low'],
      pricedInFull: true,
    },
    autoApprove: true,
    require: [],
  },
  {
    name: 'staging',
    match: { tiers: ['staging'] },
    autoApprove: false,
    require: [
      { count: 1, groups: [OWNER, 'group:default/platform-approvers'] },
    ],
  },
  {
    name: 'production',
    match: { tiers: ['production'] },
    autoApprove: false,
    require: [
      {
        count: 2,
        groups: [
          OWNER,
          'group:default/platform-approvers',
          'group:default/sre',
        ],
      },
      { count: 1, groups: ['group:default/platform-approvers'] },
    ],
  },
  {
    name: 'cost increase over 1,000 USD a month',
    match: { minCostDelta: 1000 },
    autoApprove: false,
    require: [{ count: 1, groups: ['group:default/finops'] }],
  },
  {
    name: 'high risk',
    match: { risk: ['high'] },
    autoApprove: false,
    require: [{ count: 1, groups: ['group:default/sre'] }],
  },
];

export const DEFAULT_FALLBACK: PolicyRule = {
  name: 'default',
  match: {},
  autoApprove: false,
  require: [{ count: 1, groups: [OWNER, 'group:default/platform-approvers'] }],
};

/** Validates rules from app-config or an annotation; a bad rule is refused, never guessed. */
export function parseRules(value: unknown, origin: string): PolicyRule[] {
  const result = z.array(ruleSchema).safeParse(value);
  if (!result.success) {
    const problems = result.error.issues
      .map(i => `${i.path.join('.')}: ${i.message}`)
      .join('; ');
    throw new InputError(`Invalid approval rules in ${origin}: ${problems}`);
  }
  return result.data;
}

/** `gatehouse.approvals.policy.rules` from app-config, or the shipped defaults. */
export function readConfiguredRules(config: Config): PolicyRule[] {
  const rules = config.getOptional('gatehouse.approvals.policy.rules');
  return rules === undefined
    ? DEFAULT_RULES
    : parseRules(rules, 'gatehouse.approvals.policy.rules');
}

/**
 * The annotation whose YAML rules an entity adds to the configured ones. The
 * entity's owners write it, and they are the people whose changes the gate
 * holds: so it may only ask for more, never approve automatically.
 */
export const POLICY_ANNOTATION = 'gatehouse.io/approval-policy';

export function rulesFromAnnotation(
  text: string,
  entityRef: string,
): PolicyRule[] {
  let value: unknown;
  try {
    value = parseYaml(text);
  } catch (error) {
    throw new InputError(
      `${POLICY_ANNOTATION} of ${entityRef} is not valid YAML: ${
        (error as Error).message
      }`,
    );
  }
  const rules = parseRules(value, `${POLICY_ANNOTATION} of ${entityRef}`);
  const loosening = rules.filter(rule => rule.autoApprove);
  if (loosening.length > 0) {
    throw new InputError(
      `${POLICY_ANNOTATION} of ${entityRef} may add approvals, never approve automatically: ${loosening
        .map(rule => `'${rule.name}'`)
        .join(', ')} sets autoApprove`,
    );
  }
  return rules;
}

/** What a rule is matched against. */
export type ChangeFacts = {
  environment: string;
  /** The environment's resolved tier: the same the risk was assessed with. */
  tier: EnvironmentTier;
  /**
   * The high end of the monthly cost delta (USD): what the change may add
   * at its scaling ceilings. null when the change could not be costed:
   * treated as a large increase.
   */
  costDeltaHigh: number | null;
  risk: RiskLevel;
  /** Whether every resource the change creates, updates, replaces or deletes was priced. */
  pricedInFull: boolean;
};

export function ruleMatches(rule: PolicyRule, facts: ChangeFacts): boolean {
  const { tiers, environments, minCostDelta, maxCostDelta, risk } = rule.match;
  const cost = facts.costDeltaHigh;
  if (tiers && !tiers.includes(facts.tier)) return false;
  if (environments && !environments.includes(facts.environment)) return false;
  if (risk && !risk.includes(facts.risk)) return false;
  if (
    rule.match.pricedInFull !== undefined &&
    rule.match.pricedInFull !== facts.pricedInFull
  )
    return false;
  // An unknown cost is not small: it never passes a ceiling and always meets a floor.
  if (maxCostDelta !== undefined && (cost === null || cost >= maxCostDelta))
    return false;
  if (minCostDelta !== undefined && cost !== null && cost < minCostDelta)
    return false;
  return true;
}

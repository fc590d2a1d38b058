import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import type {
  PolicyRequirement,
  PolicyStatus,
} from '@gatehouse/plugin-approvals-common';
import {
  ChangeFacts,
  DEFAULT_FALLBACK,
  OWNER,
  PolicyRule,
  ruleMatches,
} from './rules';

/** What the policy asks of one change, fixed when a revision is submitted. */
export type PolicyVerdict = {
  rule: string;
  autoApproved: boolean;
  requirements: PolicyRequirement[];
};

const toGroupRef = (ref: string) =>
  stringifyEntityRef(
    parseEntityRef(ref, { defaultKind: 'group', defaultNamespace: 'default' }),
  );

const shortName = (ref: string) => parseEntityRef(ref).name;

/** Applies the rules to a change; `owner` becomes the target's owning group. */
export function evaluatePolicy(
  rules: PolicyRule[],
  facts: ChangeFacts,
  ownerRef: string | undefined,
): PolicyVerdict {
  const matching = rules.filter(rule => ruleMatches(rule, facts));
  const requiring = matching.filter(rule => rule.require.length > 0);
  if (matching.some(rule => rule.autoApprove) && requiring.length === 0) {
    return {
      rule: matching
        .filter(rule => rule.autoApprove)
        .map(rule => rule.name)
        .join(', '),
      autoApproved: true,
      requirements: [],
    };
  }
  const applied = requiring.length > 0 ? requiring : [DEFAULT_FALLBACK];
  // An entity without an owner has no owner group to ask.
  const ownerGroups = ownerRef ? [ownerRef] : [];
  const requirements = applied.flatMap(rule =>
    rule.require.map(req => {
      const groups = [
        ...new Set(
          req.groups
            .flatMap(group => (group === OWNER ? ownerGroups : [group]))
            .map(toGroupRef),
        ),
      ];
      return {
        label: `${req.count} from ${groups.map(shortName).join(' or ')}`,
        count: req.count,
        groups,
      };
    }),
  );
  return {
    rule: applied.map(rule => rule.name).join(', '),
    autoApproved: false,
    requirements,
  };
}

/** Every group whose members may decide under a verdict. */
export const eligibleGroups = (verdict: PolicyVerdict) => [
  ...new Set(verdict.requirements.flatMap(r => r.groups)),
];

/** One approval: who gave it and which of the verdict's groups they belonged to then. */
export type GivenApproval = { approver: string; groups: string[] };

/**
 * How far the approvals go towards the verdict. Each approver counts once per
 * requirement and may count towards several (an SRE who is also a platform
 * approver meets both "2 approvals" and "1 platform approver").
 */
export function policyStatus(
  verdict: PolicyVerdict,
  approvals: GivenApproval[],
): PolicyStatus {
  if (verdict.autoApproved) {
    return {
      rule: verdict.rule,
      autoApproved: true,
      requirements: [],
      satisfied: true,
      summary: `approved automatically (${verdict.rule})`,
    };
  }
  const requirements = verdict.requirements.map(req => {
    const approvedBy = [
      ...new Set(
        approvals
          .filter(a => a.groups.some(g => req.groups.includes(g)))
          .map(a => a.approver),
      ),
    ];
    return { ...req, approvedBy, satisfied: approvedBy.length >= req.count };
  });
  const satisfied = requirements.every(r => r.satisfied);
  const needed = Math.max(...requirements.map(r => r.count));
  const given = new Set(requirements.flatMap(r => r.approvedBy)).size;
  const missing = describeMissing(requirements.filter(r => !r.satisfied));
  return {
    rule: verdict.rule,
    autoApproved: false,
    requirements,
    satisfied,
    summary: satisfied
      ? `approved: ${given} of ${needed}, every requirement met`
      : `${Math.min(given, needed)} of ${needed}; needs ${missing.join(
          ' and ',
        )}`,
  };
}

type RequirementProgress = PolicyRequirement & { approvedBy: string[] };

const listNames = (groups: string[]) => {
  const names = groups.map(shortName);
  return names.length > 1
    ? `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`
    : names[0];
};

/**
 * What is still missing, said briefly: when meeting a narrower requirement
 * also counts towards a wider one ("a platform approver" also counts as "any
 * approver"), only what remains of the wider one is mentioned.
 */
function describeMissing(unsatisfied: RequirementProgress[]): string[] {
  return unsatisfied.flatMap(req => {
    const short = req.count - req.approvedBy.length;
    const coveredByNarrower = unsatisfied
      .filter(
        other =>
          other !== req && other.groups.every(g => req.groups.includes(g)),
      )
      .reduce((sum, other) => sum + (other.count - other.approvedBy.length), 0);
    const remaining = short - coveredByNarrower;
    if (remaining <= 0) return [];
    if (coveredByNarrower > 0 || req.approvedBy.length > 0) {
      return [`${remaining} more from ${listNames(req.groups)}`];
    }
    return [
      remaining > 1
        ? `${remaining} from ${listNames(req.groups)}`
        : listNames(req.groups),
    ];
  });
}

import {
  type Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import type { RequestStatus, Risk } from '@gatehouse/plugin-approvals-common';
import type { CostFacts } from '../../change/costFacts';
import type { ResolvedEnvironment } from '../../environment/resolveEnvironment';
import {
  eligibleGroups,
  evaluatePolicy,
  policyStatus,
  type PolicyVerdict,
} from '../../policy/evaluatePolicy';
import type { PolicyRule } from '../../policy/rules';

/** What the policy makes of a new revision, before anyone decides. */
export type PolicyOutcome = {
  verdict: PolicyVerdict;
  /** Auto-approved, or pending until the required approvals are given. */
  status: Extract<RequestStatus, 'auto-approved' | 'pending'>;
  /** The policy's requirements in words, e.g. for the inbox. */
  summary: string;
  /** The groups whose members may approve (none when auto-approved). */
  approverGroups: string[];
};

/** The entity's owning group, when it has one: who the rules' `owner` stands for. */
function ownerOf(entity: Entity): string | undefined {
  return entity.spec?.owner
    ? stringifyEntityRef(
        parseEntityRef(String(entity.spec.owner), {
          defaultKind: 'group',
          defaultNamespace: entity.metadata.namespace ?? 'default',
        }),
      )
    : undefined;
}

/** Matches the rules against the change's environment tier, cost and risk. */
export function applyPolicy(
  rules: PolicyRule[],
  change: {
    entity: Entity;
    environment: ResolvedEnvironment;
    cost: CostFacts;
    risk: Risk;
  },
): PolicyOutcome {
  const { entity, environment, cost, risk } = change;
  const verdict = evaluatePolicy(
    rules,
    {
      environment: environment.name,
      tier: environment.tier,
      costDeltaHigh: cost.deltaHigh,
      risk: risk.level,
      pricedInFull: cost.pricedInFull,
    },
    ownerOf(entity),
  );
  return {
    verdict,
    status: verdict.autoApproved ? 'auto-approved' : 'pending',
    summary: policyStatus(verdict, []).summary,
    approverGroups: verdict.autoApproved ? [] : eligibleGroups(verdict),
  };
}

import type { EnvironmentTier } from '@gatehouse/plugin-approvals-common';
import { evaluatePolicy, policyStatus } from './evaluatePolicy';
import {
  ChangeFacts,
  DEFAULT_RULES,
  parseRules,
  rulesFromAnnotation,
} from './rules';

const owner = 'group:default/team-agents';
/** A change to the environment named after its tier, priced in full. */
const facts = (
  environment: EnvironmentTier,
  costDeltaHigh: number | null,
  risk: 'low' | 'medium' | 'high' = 'low',
): ChangeFacts => ({
  environment,
  tier: environment,
  costDeltaHigh,
  risk,
  pricedInFull: true,
});

describe('the shipped approval policy', () => {
  it('approves a small, low-risk development change automatically', () => {
    const verdict = evaluatePolicy(
      DEFAULT_RULES,
      facts('development', 99.99),
      owner,
    );
    expect(verdict).toMatchObject({ autoApproved: true, requirements: [] });
    expect(policyStatus(verdict, []).satisfied).toBe(true);
  });

  it('does not auto-approve development changes that cost 100 USD or more, are riskier, or cannot be costed', () => {
    for (const f of [
      facts('development', 100),
      facts('development', 5, 'medium'),
      facts('development', null),
    ]) {
      const verdict = evaluatePolicy(DEFAULT_RULES, f, owner);
      expect(verdict.autoApproved).toBe(false);
      expect(verdict.requirements.length).toBeGreaterThan(0);
    }
    // Unknown cost is treated as a large increase: FinOps must look.
    const unknown = evaluatePolicy(
      DEFAULT_RULES,
      facts('development', null),
      owner,
    );
    expect(unknown.requirements.map(r => r.groups)).toContainEqual([
      'group:default/finops',
    ]);
  });

  it('asks staging for one approval from the owners or the platform approvers', () => {
    const verdict = evaluatePolicy(DEFAULT_RULES, facts('staging', 20), owner);
    expect(verdict.requirements).toEqual([
      {
        label: '1 from team-agents or platform-approvers',
        count: 1,
        groups: [owner, 'group:default/platform-approvers'],
      },
    ]);
    const pending = policyStatus(verdict, []);
    expect(pending.summary).toBe(
      '0 of 1; needs team-agents or platform-approvers',
    );
    const done = policyStatus(verdict, [
      { approver: 'user:default/frank', groups: [owner] },
    ]);
    expect(done.satisfied).toBe(true);
  });

  it('asks production for two approvals, at least one a platform approver', () => {
    const verdict = evaluatePolicy(
      DEFAULT_RULES,
      facts('production', 50),
      owner,
    );
    const frank = {
      approver: 'user:default/frank',
      groups: [owner, 'group:default/sre'],
    };
    const alice = {
      approver: 'user:default/alice',
      groups: ['group:default/platform-approvers'],
    };
    const erin = { approver: 'user:default/erin', groups: [owner] };
    expect(policyStatus(verdict, [frank]).summary).toBe(
      '1 of 2; needs platform-approvers',
    );
    expect(policyStatus(verdict, []).summary).toBe(
      '0 of 2; needs 1 more from team-agents, platform-approvers or sre and platform-approvers',
    );
    // Two approvals, but no platform approver among them: not enough.
    const noPlatform = policyStatus(verdict, [frank, erin]);
    expect(noPlatform.satisfied).toBe(false);
    expect(noPlatform.summary).toBe('2 of 2; needs platform-approvers');
    expect(policyStatus(verdict, [frank, alice]).satisfied).toBe(true);
    // The same person twice is one approval.
    expect(policyStatus(verdict, [alice, alice]).satisfied).toBe(false);
  });

  it('adds FinOps above 1,000 USD a month and SRE for high risk', () => {
    const verdict = evaluatePolicy(
      DEFAULT_RULES,
      facts('production', 1500, 'high'),
      owner,
    );
    const groups = verdict.requirements.map(r => r.groups);
    expect(groups).toContainEqual(['group:default/finops']);
    expect(groups).toContainEqual(['group:default/sre']);
    expect(verdict.rule).toBe(
      'production, cost increase over 1,000 USD a month, high risk',
    );
    const dave = {
      approver: 'user:default/dave',
      groups: ['group:default/platform-approvers', 'group:default/sre'],
    };
    const carol = {
      approver: 'user:default/carol',
      groups: ['group:default/finops'],
    };
    const status = policyStatus(verdict, [dave, carol]);
    // Dave meets platform-approvers and SRE; with Carol that is two approvals and FinOps.
    expect(status.requirements.map(r => r.satisfied)).toEqual([
      false,
      true,
      true,
      true,
    ]);
    expect(status.satisfied).toBe(false);
  });
});

describe('tiers, not names', () => {
  const production = evaluatePolicy(
    DEFAULT_RULES,
    facts('production', 435),
    owner,
  );

  it('governs a production-tier environment by the production rules whatever it is called', () => {
    for (const environment of ['prod', 'prd', 'live', 'production-eu']) {
      const verdict = evaluatePolicy(
        DEFAULT_RULES,
        { ...facts('production', 435), environment },
        owner,
      );
      expect(verdict).toEqual(production);
      expect(verdict.rule).toBe('production');
      expect(verdict.requirements.map(r => r.count)).toEqual([2, 1]);
    }
  });

  it('governs an environment called production by its tier: a development-tier one is development', () => {
    const verdict = evaluatePolicy(
      DEFAULT_RULES,
      { ...facts('development', 10), environment: 'production' },
      owner,
    );
    expect(verdict).toMatchObject({
      rule: 'small low-risk development change',
      autoApproved: true,
    });
  });

  it('approves automatically only development changes priced in full whose high end is under the threshold', () => {
    const auto = (f: ChangeFacts) =>
      evaluatePolicy(DEFAULT_RULES, f, owner).autoApproved;
    expect(auto(facts('development', 99.99))).toBe(true);
    // An unpriced part could cost anything.
    expect(auto({ ...facts('development', 10), pricedInFull: false })).toBe(
      false,
    );
    // The high end of the range (a raised max_size) counts, not the point estimate.
    expect(auto(facts('development', 120.288))).toBe(false);
    expect(auto(facts('staging', 1))).toBe(false);
    expect(auto(facts('production', 1))).toBe(false);
  });

  it('compares cost floors with the high end of the delta too', () => {
    const verdict = evaluatePolicy(
      DEFAULT_RULES,
      facts('staging', 1000),
      owner,
    );
    expect(verdict.rule).toBe('staging, cost increase over 1,000 USD a month');
  });

  it('lets a rule narrow its tiers to environment names, never match names alone', () => {
    const [rule] = parseRules(
      [
        {
          name: 'eu production',
          match: { tiers: ['production'], environments: ['production-eu'] },
          require: [{ count: 1, groups: ['group:default/sre'] }],
        },
      ],
      'app-config',
    );
    const euProduction = {
      ...facts('production', 1),
      environment: 'production-eu',
    };
    expect(evaluatePolicy([rule], euProduction, owner).rule).toBe(
      'eu production',
    );
    // A development-tier environment called production-eu is not eu production.
    expect(
      evaluatePolicy(
        [rule],
        { ...facts('development', 1), environment: 'production-eu' },
        owner,
      ).rule,
    ).toBe('default');
    expect(() =>
      parseRules(
        [{ name: 'by name', match: { environments: ['production'] } }],
        'app-config',
      ),
    ).toThrow(
      'Invalid approval rules in app-config: 0.match.environments: environments only narrows tiers: give the tiers the rule is for as well',
    );
    // A misspelt condition would match everything: it is refused instead.
    expect(() =>
      parseRules([{ name: 'typo', match: { teirs: ['production'] } }], 'x'),
    ).toThrow(/Unrecognized key\(s\) in object: 'teirs'/);
    expect(() =>
      parseRules([{ name: 'bad tier', match: { tiers: ['prod'] } }], 'x'),
    ).toThrow(/0\.match\.tiers\.0/);
  });
});

describe('custom rules', () => {
  it('refuses malformed rules with the reason', () => {
    expect(() =>
      parseRules(
        [{ name: 'x', require: [{ count: 0, groups: [] }] }],
        'app-config',
      ),
    ).toThrow(/Invalid approval rules in app-config: 0\.require\.0\.count/);
    expect(() =>
      rulesFromAnnotation('- name: [', 'component:default/x'),
    ).toThrow(/not valid YAML/);
  });

  it('lets an entity add requirements by annotation, on top of the configured rules', () => {
    const entityRules = rulesFromAnnotation(
      `- name: everything needs SRE\n  require:\n    - count: 1\n      groups: [sre]\n`,
      'component:default/knowledge-store',
    );
    const verdict = evaluatePolicy(
      [...DEFAULT_RULES, ...entityRules],
      facts('development', 1),
      owner,
    );
    // The small development change no longer passes on its own.
    expect(verdict.autoApproved).toBe(false);
    expect(verdict.requirements).toEqual([
      { label: '1 from sre', count: 1, groups: ['group:default/sre'] },
    ]);
  });

  it("refuses an entity's rule that would approve automatically", () => {
    expect(() =>
      rulesFromAnnotation(
        `- name: ship it\n  match: { tiers: [production] }\n  autoApprove: true\n`,
        'component:default/orchestrator-api',
      ),
    ).toThrow(
      "gatehouse.io/approval-policy of component:default/orchestrator-api may add approvals, never approve automatically: 'ship it' sets autoApprove",
    );
  });
});

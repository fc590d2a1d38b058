import { evaluatePolicy, policyStatus } from './evaluatePolicy';
import { DEFAULT_RULES, parseRules, rulesFromAnnotation } from './rules';

const owner = 'group:default/team-agents';
const facts = (
  environment: string,
  costDelta: number | null,
  risk: 'low' | 'medium' | 'high' = 'low',
) => ({
  environment,
  costDelta,
  risk,
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

  it('lets an entity replace the rules by annotation', () => {
    const rules = rulesFromAnnotation(
      `- name: everything needs SRE\n  require:\n    - count: 1\n      groups: [sre]\n`,
      'component:default/knowledge-store',
    );
    const verdict = evaluatePolicy(rules, facts('development', 1), owner);
    expect(verdict.requirements).toEqual([
      { label: '1 from sre', count: 1, groups: ['group:default/sre'] },
    ]);
  });
});

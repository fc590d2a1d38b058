import { FIXTURE_DATE, fullPlan } from './__fixtures__/plans';
import type { EnvironmentPlan, InfraPlan, Tier } from './schema';
import { TIER_REQUIREMENTS, requirementLevel } from './tiers';
import { validatePlan } from './validate';

/** Strips an environment down to what the schema requires. */
function minimal(env: EnvironmentPlan): EnvironmentPlan {
  const { tier, region, network, compute, workloads } = env;
  return {
    tier,
    region,
    network,
    compute,
    workloads: workloads.map(w => ({
      ...w,
      probes: undefined,
      disruptionBudget: undefined,
      secrets: undefined,
    })),
  };
}

function withMinimal(tier: Tier): InfraPlan {
  const plan = fullPlan();
  const env = plan.spec.environments[tier];
  plan.spec.environments = { [tier]: minimal(env) };
  delete plan.spec.environments[tier].workloads[0].uses;
  return plan;
}

function tierIssues(plan: InfraPlan) {
  return validatePlan(plan, { asOf: FIXTURE_DATE }).issues.filter(i =>
    i.rule.startsWith('tier:'),
  );
}

describe('tier requirements', () => {
  it('lets development omit most sections (only recommendations)', () => {
    const result = validatePlan(withMinimal('development'), {
      asOf: FIXTURE_DATE,
    });
    expect(result.errorCount).toBe(0);
    expect(result.issues.map(i => i.rule).sort()).toEqual([
      'tier:budget',
      'tier:probes',
    ]);
    expect(result.issues.every(i => i.severity === 'warning')).toBe(true);
  });

  it('requires observability, encryption, delivery and a budget in staging', () => {
    const errors = tierIssues(withMinimal('staging')).filter(
      i => i.severity === 'error',
    );
    expect(errors.map(i => i.rule)).toEqual(
      expect.arrayContaining([
        'tier:observability',
        'tier:encryption',
        'tier:delivery',
        'tier:budget',
        'tier:probes',
      ]),
    );
    expect(errors.map(i => i.rule)).not.toContain('tier:disaster-recovery');
    const warnings = tierIssues(withMinimal('staging')).filter(
      i => i.severity === 'warning',
    );
    expect(warnings.map(i => i.rule)).toEqual(
      expect.arrayContaining([
        'tier:disaster-recovery',
        'tier:slos',
        'tier:alerts',
      ]),
    );
  });

  it('requires disaster recovery, alerts, SLOs and encryption in production', () => {
    const issues = tierIssues(withMinimal('production'));
    const errors = issues.filter(i => i.severity === 'error').map(i => i.rule);
    expect(errors).toEqual(
      expect.arrayContaining([
        'tier:disaster-recovery',
        'tier:alerts',
        'tier:slos',
        'tier:encryption',
        'tier:secrets',
        'tier:observability',
        'tier:delivery',
        'tier:waf',
        'tier:probes',
        'tier:disruption-budget',
      ]),
    );
    const dr = issues.find(i => i.rule === 'tier:disaster-recovery')!;
    expect(dr.path).toBe('spec.environments.production.disasterRecovery');
    expect(dr.problem).toMatch(/required for production/);
  });

  it('requires a critical alert, not just any alert, in production', () => {
    const plan = fullPlan();
    const alerts = plan.spec.environments.production.observability!.alerts!;
    alerts.forEach(a => (a.severity = 'warning'));
    const issue = tierIssues(plan).find(i => i.rule === 'tier:alerts')!;
    expect(issue).toMatchObject({
      severity: 'error',
      path: 'spec.environments.production.observability.alerts',
    });
    expect(issue.problem).toMatch(/no critical alert/);
  });

  it('flags disabled encryption in production but not in development', () => {
    const plan = fullPlan();
    plan.spec.environments.production.security!.encryption!.inTransit.enabled =
      false;
    plan.spec.environments.development.security = {
      encryption: { atRest: { enabled: false }, inTransit: { enabled: false } },
    };
    const issues = tierIssues(plan).filter(i => i.rule === 'tier:encryption');
    expect(issues.map(i => i.path)).toEqual([
      'spec.environments.production.security.encryption',
    ]);
    expect(issues[0].problem).toMatch(/in transit is disabled/);
  });

  it('requires multi-AZ databases in production and recommends them in staging', () => {
    const plan = fullPlan();
    plan.spec.environments.production.data!.databases![0].multiAz = false;
    plan.spec.environments.staging.data!.databases![0].multiAz = false;
    const issues = tierIssues(plan).filter(
      i => i.rule === 'tier:database-multi-az',
    );
    expect(issues.map(i => [i.path, i.severity])).toEqual([
      ['spec.environments.staging.data.databases[0].multiAz', 'warning'],
      ['spec.environments.production.data.databases[0].multiAz', 'error'],
    ]);
  });

  it('has a level for every tier in every row', () => {
    for (const requirement of TIER_REQUIREMENTS) {
      for (const tier of ['development', 'staging', 'production'] as const) {
        expect(['required', 'recommended', 'optional']).toContain(
          requirementLevel(requirement.id, tier),
        );
      }
      // Requirements only ever tighten from development to production.
      const order = ['optional', 'recommended', 'required'];
      const [d, s, p] = (['development', 'staging', 'production'] as const).map(
        t => order.indexOf(requirement.levels[t]),
      );
      expect(d <= s && s <= p).toBe(true);
    }
    expect(() => requirementLevel('nope', 'production')).toThrow();
  });
});

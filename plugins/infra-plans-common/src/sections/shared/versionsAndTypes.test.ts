import { presetPlan } from '../../presets';
import type { InfraPlan } from '../../schema';
import { validatePlan } from '../../validate';

const ON = new Date('2026-12-07T09:00:00Z');

function plan(edit: (p: InfraPlan) => void): InfraPlan {
  const p = presetPlan({
    service: 'svc',
    owner: 'team-a',
    tiers: ['staging'],
    cache: true,
    asOf: ON,
  });
  edit(p);
  return p;
}

function issuesOf(p: InfraPlan, asOf = ON, rule?: string) {
  return validatePlan(p, { asOf }).issues.filter(i => !rule || i.rule === rule);
}

const staging = (p: InfraPlan) => p.spec.environments.staging;

describe('support calendar validation', () => {
  it('passes a preset made on the same day', () => {
    expect(issuesOf(plan(() => {}))).toEqual([]);
  });

  it('warns in extended support, with the end date and the extra cost', () => {
    const p = plan(draft => {
      staging(draft).compute.cluster.kubernetesVersion = '1.31';
    });
    expect(issuesOf(p, new Date('2026-07-01T00:00:00Z'))).toEqual([
      {
        path: 'spec.environments.staging.compute.cluster.kubernetesVersion',
        severity: 'warning',
        rule: 'version-extended-support',
        problem:
          'Kubernetes 1.31 is in EKS extended support on 2026-07-01: standard support ended 2025-11-26, extended support ends 2026-11-26; it costs USD 0.60 per cluster-hour instead of USD 0.10 (six times the standard control-plane rate)',
        hint: 'upgrade to Kubernetes 1.35, the newest in standard support on 2026-07-01 (standard support until 2027-03-27)',
      },
    ]);
  });

  it('errors past the end of extended support', () => {
    const p = plan(draft => {
      staging(draft).compute.cluster.kubernetesVersion = '1.28';
    });
    const [issue] = issuesOf(p);
    expect(issue).toMatchObject({
      path: 'spec.environments.staging.compute.cluster.kubernetesVersion',
      severity: 'error',
      rule: 'version-support-ended',
      problem:
        'Kubernetes 1.28 is past the end of EKS extended support (2025-11-26) on 2026-12-07; AWS no longer creates it and upgrades what still runs it',
    });
  });

  it('errors for a version the calendar does not list', () => {
    const p = plan(draft => {
      staging(draft).compute.cluster.kubernetesVersion = '1.19';
    });
    expect(issuesOf(p)).toEqual([
      expect.objectContaining({
        rule: 'version-in-calendar',
        severity: 'error',
        problem:
          'Kubernetes 1.19 is not on the EKS support calendar, so nobody can tell whether AWS supports it',
      }),
    ]);
  });

  it('judges database and cache engine versions at their own paths', () => {
    const p = plan(draft => {
      staging(draft).data!.databases![0].engine = 'mysql';
      staging(draft).data!.databases![0].version = '8.0.35';
      staging(draft).data!.caches![0].version = '3.2.10';
    });
    expect(issuesOf(p).map(i => [i.path, i.rule, i.severity])).toEqual([
      [
        'spec.environments.staging.data.databases[0].version',
        'version-extended-support',
        'warning',
      ],
      [
        'spec.environments.staging.data.caches[0].version',
        'version-in-calendar',
        'error',
      ],
    ]);
    expect(issuesOf(p)[0].problem).toBe(
      'MySQL 8.0.35 is in RDS extended support on 2026-12-07: standard support ended 2026-07-31, extended support ends 2029-07-31; it costs about USD 0.10 per vCPU-hour in years 1–2 and USD 0.20 in year 3 (us-east-1), on top of the instance price, for every instance including standbys and replicas',
    );
  });

  it('leaves engines without a calendar alone', () => {
    const p = plan(draft => {
      staging(draft).data!.databases![0].engine = 'mariadb';
      staging(draft).data!.databases![0].version = '10.6';
    });
    expect(issuesOf(p)).toEqual([]);
  });
});

describe('unknown instance types', () => {
  it('rejects t3.gigantic and names the three nearest t3 types', () => {
    const p = plan(draft => {
      staging(draft).compute.nodeGroups[0].instanceTypes = ['t3.gigantic'];
    });
    expect(issuesOf(p, ON, 'type-known')).toEqual([
      {
        path: 'spec.environments.staging.compute.nodeGroups[0].instanceTypes[0]',
        severity: 'error',
        rule: 'type-known',
        problem:
          'instance type t3.gigantic is not in the price book or instance catalogue, so it can be neither priced nor sized',
        // Same family first, then the fewest edits from t3.gigantic.
        hint: 'did you mean t3.nano, t3.2xlarge, t3.large?',
      },
    ]);
  });

  it('suggests other families by edit distance when the family is unknown', () => {
    const p = plan(draft => {
      staging(draft).compute.nodeGroups[0].instanceTypes = ['m6x.large'];
    });
    expect(issuesOf(p, ON, 'type-known')[0].hint).toBe(
      // One edit away, then two (ties alphabetical).
      'did you mean m6i.large, c6i.large, m5.large?',
    );
  });

  it('rejects unknown DB classes and cache node types at their paths', () => {
    const p = plan(draft => {
      staging(draft).data!.databases![0].instanceClass = 'db.t4g.mediun';
      staging(draft).data!.caches![0].nodeType = 'cache.r6g.huge';
    });
    expect(issuesOf(p, ON, 'type-known').map(i => [i.path, i.hint])).toEqual([
      [
        'spec.environments.staging.data.databases[0].instanceClass',
        'did you mean db.t4g.medium, db.t4g.micro, db.t4g.large?',
      ],
      [
        'spec.environments.staging.data.caches[0].nodeType',
        'did you mean cache.r6g.large, cache.r6g.xlarge, cache.r6g.2xlarge?',
      ],
    ]);
  });
});

import { mockCredentials } from '@backstage/backend-test-utils';
import type { ChangeRequestSummary } from '@gatehouse/plugin-approvals-common';
import type { ClusterHealth } from '@gatehouse/plugin-clusters-common';
import { DashboardService } from './DashboardService';

const NOW = Date.parse('2026-12-07T12:00:00Z');

const cluster = (name: string, environment: string): ClusterHealth => ({
  name,
  title: null,
  environment,
  entityRef: `resource:default/${name}`,
  status: 'ok',
  error: null,
  fetchedAt: new Date(NOW).toISOString(),
  totals: {
    services: 0,
    ready: 0,
    desired: 0,
    failingPods: 0,
    hpasAtMaximum: 0,
  },
  services: [],
});

let sequence = 0;
const change = (
  environment: string,
  tier: ChangeRequestSummary['tier'],
  status: ChangeRequestSummary['status'] = 'pending',
): ChangeRequestSummary => {
  sequence += 1;
  return {
    id: `request-${sequence}`,
    title: `change ${sequence} in ${environment}`,
    entityRef: 'component:default/orchestrator-api',
    environment,
    tier,
    status,
    submitter: 'user:default/bob',
    submitterKind: 'user',
    revision: 1,
    contentHash: 'f'.repeat(64),
    riskLevel: 'medium',
    costDelta: 435,
    createdAt: new Date(NOW - sequence * 60_000).toISOString(),
    updatedAt: new Date(NOW - sequence * 60_000).toISOString(),
    expiresAt: new Date(NOW + 86_400_000).toISOString(),
    policySummary: '0 of 2; needs platform-approvers',
  };
};

function dashboardOf(open: ChangeRequestSummary[], approved = [] as any[]) {
  return new DashboardService({
    health: {
      clusters: async () => [
        cluster('eks-production-use1', 'production'),
        cluster('eks-development-use1', 'development'),
      ],
    } as any,
    directory: {
      get: async () => ({
        claims: new Map(),
        clusters: new Map(),
        components: new Map(),
        groups: new Map(),
      }),
    } as any,
    changes: { changes: async () => ({ open, approved }) } as any,
    spend: {
      spend: async () => {
        throw new Error('cost is not part of this test');
      },
    } as any,
    now: () => NOW,
  }).dashboard(mockCredentials.user('user:default/dave'));
}

describe('pending changes on the SRE dashboard', () => {
  it('counts every production-tier change under production, whatever its environment is called', async () => {
    const open = [
      change('production', 'production'),
      change('prod', 'production'),
      change('prd', 'production'),
      change('live', 'production'),
      change('production-eu', 'production'),
      change('development', 'development'),
    ];
    const dashboard = await dashboardOf(open, [
      change('live', 'production', 'approved'),
    ]);
    expect(dashboard.environments.map(e => e.name)).toEqual([
      'production',
      'development',
    ]);
    const production = dashboard.environments[0];
    expect(production.pendingChanges.map(c => c.environment)).toEqual([
      'production-eu',
      'live',
      'prd',
      'prod',
      'production',
    ]);
    expect(production.recentlyApproved.map(c => c.environment)).toEqual([
      'live',
    ]);
    expect(dashboard.environments[1].pendingChanges).toHaveLength(1);
  });

  it('keeps requests stored before tiers were resolved under their environment’s name', async () => {
    const dashboard = await dashboardOf([
      change('production', null),
      change('prod', undefined),
    ]);
    expect(
      dashboard.environments.map(e => [e.name, e.pendingChanges.length]),
    ).toEqual([
      ['production', 1],
      ['development', 0],
      ['prod', 1],
    ]);
  });
});

import type { UnapprovedChange } from '@gatehouse/plugin-approvals-common';
import type {
  ClusterHealth,
  ClustersApi,
  EntityWorkloadHealth,
  ServiceWorkloadHealth,
  SreDashboard,
} from '@gatehouse/plugin-clusters-common';

export const crashingTaskRunner: ServiceWorkloadHealth = {
  serviceId: 'task-runner',
  entityRef: 'component:default/task-runner',
  title: null,
  status: 'degraded',
  ready: 3,
  desired: 4,
  workloads: [
    {
      kind: 'Deployment',
      name: 'task-runner',
      namespace: 'task-runner',
      desired: 4,
      ready: 3,
    },
  ],
  failingPods: [
    {
      name: 'task-runner-7c9d-x2x4k',
      namespace: 'task-runner',
      reason: 'CrashLoopBackOff',
      message: 'worker: CrashLoopBackOff; last exit code 1 (Error)',
      restarts: 7,
      owner: 'Deployment/task-runner',
      since: '2026-05-01T10:00:00Z',
    },
  ],
  hpasAtMaximum: [],
};

const healthyApi: ServiceWorkloadHealth = {
  serviceId: 'orchestrator-api',
  entityRef: 'component:default/orchestrator-api',
  title: 'Orchestrator API',
  status: 'healthy',
  ready: 6,
  desired: 6,
  workloads: [],
  failingPods: [],
  hpasAtMaximum: [],
};

export const productionCluster: ClusterHealth = {
  name: 'eks-production-use1',
  title: null,
  environment: 'production',
  entityRef: 'resource:default/eks-production-use1',
  status: 'ok',
  error: null,
  fetchedAt: '2026-05-01T12:00:00Z',
  totals: {
    services: 2,
    ready: 9,
    desired: 10,
    failingPods: 1,
    hpasAtMaximum: 0,
  },
  services: [crashingTaskRunner, healthyApi],
};

export const hangingStaging: ClusterHealth = {
  name: 'eks-staging-use1',
  title: null,
  environment: 'staging',
  entityRef: 'resource:default/eks-staging-use1',
  status: 'error',
  error: { kind: 'timeout', message: 'did not answer within 3000 ms' },
  fetchedAt: null,
  totals: {
    services: 0,
    ready: 0,
    desired: 0,
    failingPods: 0,
    hpasAtMaximum: 0,
  },
  services: [],
};

export const dashboard: SreDashboard = {
  generatedAt: '2026-05-01T12:00:05Z',
  recentDays: 7,
  environments: [
    {
      name: 'production',
      clusters: [productionCluster],
      pendingChanges: [
        {
          id: 'req-1',
          title: 'Scale the API to 8 replicas',
          entityRef: 'component:default/orchestrator-api',
          environment: 'production',
          status: 'pending',
          riskLevel: 'medium',
          costDelta: 120.5,
          submitter: 'user:default/bob',
          createdAt: '2026-04-30T12:00:00Z',
          updatedAt: '2026-04-30T12:00:00Z',
        },
      ],
      recentlyApproved: [],
      spend: {
        monthToDate: 9000,
        budget: {
          dimension: 'environment',
          key: 'production',
          entityRef: null,
          monthlyBudget: 12000,
          actualToDate: 9000,
          forecast: 13900,
          percentUsed: 75,
          forecastPercent: 115.8,
          status: 'warning',
        },
      },
      costAlerts: [],
    },
    {
      name: 'staging',
      clusters: [hangingStaging],
      pendingChanges: [],
      recentlyApproved: [],
      spend: { monthToDate: 4000, budget: null },
      costAlerts: [],
    },
  ],
  acrossEnvironments: {
    budgets: [
      {
        dimension: 'service',
        key: 'task-runner',
        entityRef: 'component:default/task-runner',
        monthlyBudget: 3200,
        actualToDate: 3300,
        forecast: 5000,
        percentUsed: 103.1,
        forecastPercent: 156,
        status: 'over',
      },
    ],
    costAlerts: [],
  },
  spendPeriod: { month: '2026-05', asOf: '2026-05-01' },
  sources: {
    approvals: { status: 'ok' },
    cost: { status: 'ok' },
  },
};

export const taskRunnerHealth: EntityWorkloadHealth = {
  entityRef: 'component:default/task-runner',
  serviceId: 'task-runner',
  namespace: 'task-runner',
  status: 'degraded',
  clusters: [
    {
      name: 'eks-staging-use1',
      title: null,
      environment: 'staging',
      entityRef: 'resource:default/eks-staging-use1',
      status: 'error',
      error: { kind: 'timeout', message: 'did not answer within 3000 ms' },
      fetchedAt: null,
      health: null,
    },
    {
      name: 'eks-production-use1',
      title: null,
      environment: 'production',
      entityRef: 'resource:default/eks-production-use1',
      status: 'ok',
      error: null,
      fetchedAt: '2026-05-01T12:00:00Z',
      health: crashingTaskRunner,
    },
  ],
};

export function fakeClustersApi(overrides: Partial<ClustersApi> = {}) {
  return {
    dashboard: jest.fn().mockResolvedValue(dashboard),
    entityHealth: jest.fn().mockResolvedValue(taskRunnerHealth),
    ...overrides,
  } as jest.Mocked<ClustersApi>;
}

/** A commit nobody approved on the orchestrator's production repository. */
export const unapprovedChange: UnapprovedChange = {
  id: 3,
  entityRef: 'resource:default/orchestrator-production',
  repository: 'git:http://git.example.com/orchestrator-environments.git',
  branch: 'main',
  commit: 'c0ffee1234567890abcdef1234567890abcdef12',
  author: 'mallory <mallory@example.com>',
  summary: 'Raise the node group by hand',
  committedAt: '2026-05-01T11:00:00Z',
  detectedAt: '2026-05-01T11:30:00Z',
  reason: 'it carries no Gatehouse-Change trailer',
  requestId: null,
};

/** The approvals backend's alerts, as the dashboard asks for them: none unless given. */
export function fakeUnapprovedChangesApi(
  items: UnapprovedChange[] = [],
  total = items.length,
) {
  return {
    unapprovedChanges: jest.fn().mockResolvedValue({ items, total }),
  };
}

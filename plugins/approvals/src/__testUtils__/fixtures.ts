import type {
  ApprovalsApi,
  ChangeRequest,
  ChangeRequestSummary,
  DeliveryEvent,
  UnapprovedChange,
} from '@gatehouse/plugin-approvals-common';
import type { CostEstimate } from '@gatehouse/plugin-cost-common';

export const HASH_1 = 'a'.repeat(64);
export const HASH_2 = `b${'0123456789abcdef'.repeat(3)}${'c'.repeat(15)}`;

export function summary(
  overrides: Partial<ChangeRequestSummary> = {},
): ChangeRequestSummary {
  return {
    id: 'req-1',
    title: 'Grow the payments database',
    entityRef: 'component:default/payments',
    environment: 'production',
    status: 'pending',
    submitter: 'user:default/jane.doe',
    submitterKind: 'user',
    revision: 2,
    contentHash: HASH_2,
    riskLevel: 'high',
    costDelta: 120.5,
    createdAt: new Date(Date.now() - 5 * 3600_000).toISOString(),
    updatedAt: new Date(Date.now() - 3600_000).toISOString(),
    expiresAt: new Date(Date.now() + 2 * 86400_000).toISOString(),
    policySummary: '1 of 2; needs platform-approvers',
    ...overrides,
  };
}

export const estimate: CostEstimate = {
  schemaVersion: 1,
  currency: 'USD',
  pricingVersion: '2025-01',
  pricingEffectiveDate: '2025-01-01',
  region: 'eu-west-1',
  hoursPerMonth: 730,
  totals: {
    monthlyBefore: 300,
    monthlyAfter: 420.5,
    delta: 120.5,
    range: { low: 420.5, high: 420.5 },
    deltaRange: { low: 120.5, high: 120.5 },
  },
  resources: [
    {
      address: 'aws_db_instance.payments',
      type: 'aws_db_instance',
      name: 'payments',
      mode: 'managed',
      action: 'update',
      region: 'eu-west-1',
      status: 'priced',
      before: { monthly: 300, components: [] },
      after: { monthly: 420.5, components: [] },
      delta: 120.5,
    },
  ],
  unpriced: [],
  summary: {
    create: 1,
    update: 1,
    delete: 0,
    replace: 1,
    noop: 1,
    read: 0,
    forget: 0,
    counts: { total: 4, priced: 1, free: 2, unpriced: 1 },
  },
  warnings: [],
};

export const DIFF = [
  '--- a/terraform/db.tf',
  '+++ b/terraform/db.tf',
  '@@ -1,3 +1,3 @@',
  ' resource "aws_db_instance" "payments" {',
  '-  instance_class = "db.r6g.large"',
  '+  instance_class = "db.r6g.xlarge"',
  ' }',
].join('\n');

export function changeRequest(
  overrides: Partial<ChangeRequest> = {},
): ChangeRequest {
  const base = summary();
  return {
    ...base,
    current: {
      revision: 2,
      contentHash: HASH_2,
      createdAt: base.updatedAt,
      submittedBy: 'user:default/jane.doe',
      summary: {
        create: 1,
        update: 1,
        delete: 0,
        replace: 1,
        resources: [
          {
            address: 'aws_db_instance.payments',
            type: 'aws_db_instance',
            action: 'update',
          },
          {
            address: 'aws_db_parameter_group.payments',
            type: 'aws_db_parameter_group',
            action: 'replace',
          },
          {
            address: 'aws_cloudwatch_metric_alarm.cpu',
            type: 'aws_cloudwatch_metric_alarm',
            action: 'create',
          },
          {
            address: 'data.aws_vpc.main',
            type: 'aws_vpc',
            action: 'read',
          },
        ],
      },
      files: [
        { path: 'terraform/db.tf', diff: DIFF, status: 'modified' },
        { path: 'terraform/README.md', diff: '', status: 'unchanged' },
      ],
      estimate,
      estimateId: 'est-1',
      risk: {
        level: 'high',
        reasons: [
          'Replaces aws_db_parameter_group.payments (a restart)',
          'Production environment',
        ],
      },
      notes: {
        rollbackPlan: 'Revert the commit and **re-apply**.',
        testPlan: '- Run the smoke tests\n- Watch p99 latency',
        monitoring: 'Dashboard: payments-db',
        questions: 'Do we need a maintenance window?',
      },
      inputs: { size: 'xlarge' },
      hasPlan: true,
    },
    revisions: [
      {
        revision: 1,
        contentHash: HASH_1,
        createdAt: base.createdAt,
        submittedBy: 'user:default/jane.doe',
      },
      {
        revision: 2,
        contentHash: HASH_2,
        createdAt: base.updatedAt,
        submittedBy: 'user:default/jane.doe',
      },
    ],
    decisions: [
      {
        id: 'd-1',
        revision: 2,
        contentHash: HASH_2,
        approver: 'user:default/sam.ops',
        decision: 'approve',
        comment: 'Looks fine',
        groups: ['group:default/sre'],
        createdAt: base.updatedAt,
      },
    ],
    audit: [
      {
        sequence: 1,
        action: 'submitted',
        actor: 'user:default/jane.doe',
        revision: 1,
        contentHash: HASH_1,
        comment: null,
        statusAfter: 'pending',
        createdAt: base.createdAt,
      },
      {
        sequence: 2,
        action: 'request-changes',
        actor: 'user:default/sam.ops',
        revision: 1,
        contentHash: HASH_1,
        comment: 'Add an alarm on CPU',
        statusAfter: 'changes-requested',
        createdAt: base.createdAt,
      },
      {
        sequence: 3,
        action: 'resubmitted',
        actor: 'user:default/jane.doe',
        revision: 2,
        contentHash: HASH_2,
        comment: null,
        statusAfter: 'pending',
        createdAt: base.updatedAt,
      },
      {
        sequence: 4,
        action: 'approve',
        actor: 'user:default/sam.ops',
        revision: 2,
        contentHash: HASH_2,
        comment: 'Looks fine',
        statusAfter: 'pending',
        createdAt: base.updatedAt,
      },
    ],
    policy: {
      rule: 'production-databases',
      autoApproved: false,
      requirements: [
        {
          label: 'SRE',
          count: 1,
          groups: ['group:default/sre'],
          approvedBy: ['user:default/sam.ops'],
          satisfied: true,
        },
        {
          label: 'Platform',
          count: 1,
          groups: ['group:default/platform-approvers'],
          approvedBy: [],
          satisfied: false,
        },
      ],
      satisfied: false,
      summary: '1 of 2; needs platform-approvers',
    },
    followUp: null,
    delivery: null,
    viewer: { canDecide: true },
    ...overrides,
  };
}

/** A fake ApprovalsApi whose every method is a jest mock. */
export function fakeApprovalsApi(
  overrides: Partial<jest.Mocked<ApprovalsApi>> = {},
): jest.Mocked<ApprovalsApi> {
  return {
    submit: jest.fn(),
    list: jest.fn().mockResolvedValue({ items: [], total: 0 }),
    counts: jest.fn().mockResolvedValue({ waitingForMe: 0, mine: 0, open: 0 }),
    get: jest.fn().mockResolvedValue(changeRequest()),
    decide: jest.fn(),
    gate: jest.fn(),
    reportDelivery: jest.fn(),
    unapprovedChanges: jest.fn().mockResolvedValue({ items: [], total: 0 }),
    planUrl: jest
      .fn()
      .mockImplementation(
        async (id: string, revision: number) =>
          `http://localhost:7007/api/approvals/requests/${id}/revisions/${revision}/plan`,
      ),
    ...overrides,
  } as jest.Mocked<ApprovalsApi>;
}

/** One recorded step of the delivery of revision 2 (HASH_2). */
export function deliveryEvent(
  overrides: Partial<DeliveryEvent> & Pick<DeliveryEvent, 'step'>,
): DeliveryEvent {
  return {
    revision: 2,
    contentHash: HASH_2,
    actor: 'user:default/jane.doe',
    occurredAt: '2026-12-07T10:00:00Z',
    link: null,
    commit: null,
    detail: null,
    ...overrides,
  };
}

/** A commit nobody approved, on the payments production repository's main branch. */
export function unapprovedChange(
  overrides: Partial<UnapprovedChange> = {},
): UnapprovedChange {
  return {
    id: 7,
    entityRef: 'resource:default/payments-production',
    repository: 'git:http://git.example.com/payments-environments.git',
    branch: 'main',
    commit: '9f2c4e1d0b7a6c5e4f3a2b1c0d9e8f7a6b5c4d3e',
    author: 'mallory <mallory@example.com>',
    summary: 'Bump instance class by hand',
    committedAt: '2026-12-07T09:58:00Z',
    detectedAt: '2026-12-07T10:00:00Z',
    reason: 'it carries no Gatehouse-Change trailer',
    requestId: null,
    ...overrides,
  };
}

/** An error shaped like the client's ResponseError. */
export function responseError(status: number, message: string): Error {
  return Object.assign(new Error(`Request failed with ${status}, ${message}`), {
    name: 'ResponseError',
    statusCode: status,
    body: {
      error: { name: 'Error', message },
      response: { statusCode: status },
    },
  });
}

import type { NewRevision } from '../store/ApprovalsStore';

/** A staging request for team-agents by bob, revision 1, for store tests. */
export function revision(
  id: string,
  expiresAt: string,
  status: 'pending' | 'approved' = 'pending',
): NewRevision {
  return {
    requestId: id,
    title: `change ${id}`,
    entityRef: 'component:default/api',
    environment: 'staging',
    tier: 'staging',
    submitter: 'user:default/bob',
    submitterKind: 'user',
    status,
    policySummary: '0 of 1; needs team-agents',
    eligibleGroups: ['group:default/team-agents'],
    costDelta: 10,
    expiresAt,
    followUp: null,
    revision: {
      contentHash: id.padEnd(64, '0'),
      createdAt: new Date().toISOString(),
      submittedBy: 'user:default/bob',
      summary: { create: 0, update: 0, delete: 0, replace: 0, resources: [] },
      files: [],
      estimate: null,
      estimateId: null,
      risk: { level: 'low', reasons: [] },
      notes: { rollbackPlan: 'r', testPlan: 't' },
      inputs: {},
      verdict: {
        rule: 'staging',
        autoApproved: false,
        requirements: [
          {
            label: '1 from team-agents',
            count: 1,
            groups: ['group:default/team-agents'],
          },
        ],
      },
      hasPlan: false,
    },
  };
}

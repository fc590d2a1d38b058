import { mockServices } from '@backstage/backend-test-utils';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import type {
  RequestStatus,
  RiskLevel,
} from '@gatehouse/plugin-approvals-common';
import { storageTestDatabases } from '@gatehouse/test-utils';
import { createHash } from 'node:crypto';
import type { ListQuery, NewRevision } from './ApprovalsStore';
import { DatabaseApprovalsStore } from './DatabaseApprovalsStore';

jest.setTimeout(120_000);

const databases = storageTestDatabases();

/**
 * The inbox's counters and bounded page reads must always give what a plain
 * scan of the requests gives. A seeded random history of submissions,
 * revisions, decisions and expiries runs against the store and a model of
 * it, and every view, filter and page is compared.
 */

const USERS: Record<string, string[]> = {
  'user:default/ann': ['group:default/g1'],
  'user:default/ben': ['group:default/g1', 'group:default/g2'],
  'user:default/cat': ['group:default/g2', 'group:default/g3'],
  'user:default/dan': ['group:default/g3'],
  'user:default/eve': [],
};
const GROUPS = ['group:default/g1', 'group:default/g2', 'group:default/g3'];
const ENVIRONMENTS = ['development', 'staging', 'production'];
const RISKS: RiskLevel[] = ['low', 'medium', 'high'];
const RANK = { low: 0, medium: 1, high: 2 };
const OPEN: RequestStatus[] = ['pending', 'changes-requested'];

type Modelled = {
  id: string;
  submitter: string;
  environment: string;
  risk: RiskLevel;
  status: RequestStatus;
  groups: string[];
  costDelta: number;
  createdAt: string;
  expired: boolean;
  decidedBy: Set<string>;
  approvals: number;
};

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  let state = seed;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
  return {
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)],
    chance: (p: number) => next() < p,
  };
}

const idOf = (n: number) =>
  `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function newRevision(r: Modelled, expiresAt: string): NewRevision {
  return {
    requestId: r.id,
    title: `change ${r.id}`,
    entityRef: 'component:default/api',
    environment: r.environment,
    tier: r.environment as NewRevision['tier'],
    submitter: r.submitter,
    submitterKind: 'user',
    status: r.status,
    policySummary: 'x',
    eligibleGroups: r.status === 'pending' ? r.groups : [],
    costDelta: r.costDelta,
    expiresAt,
    followUp: null,
    revision: {
      contentHash: createHash('sha256')
        .update(`${r.id}${r.risk}${r.groups.join('')}`)
        .digest('hex'),
      createdAt: new Date().toISOString(),
      submittedBy: r.submitter,
      summary: { create: 0, update: 0, delete: 0, replace: 0, resources: [] },
      files: [],
      estimate: null,
      estimateId: null,
      risk: { level: r.risk, reasons: [] },
      notes: { rollbackPlan: 'r', testPlan: 't' },
      inputs: {},
      verdict: {
        rule: 'test',
        autoApproved: r.status === 'auto-approved',
        requirements: [{ label: 'x', count: 2, groups: r.groups }],
      },
      hasPlan: false,
    },
  };
}

const submitted = (status: RequestStatus) => ({
  action: 'submitted' as const,
  actor: 'user:default/ann',
  revision: 0,
  contentHash: 'h',
  comment: null,
  statusAfter: status,
});

/** Runs a random history against the store and returns the model. */
async function history(store: DatabaseApprovalsStore, seed: number) {
  const rnd = random(seed);
  const model = new Map<string, Modelled>();
  const past = new Date(Date.now() - 60_000).toISOString();
  const future = new Date(Date.now() + 3_600_000).toISOString();
  let next = 1;

  const save = async (r: Modelled) => {
    const stored = await store.saveRevision(
      newRevision(r, r.expired ? past : future),
      [submitted(r.status)],
    );
    r.createdAt = stored.createdAt;
  };
  const someGroups = () => {
    const groups = GROUPS.filter(() => rnd.chance(0.45));
    return groups.length > 0 ? groups : [rnd.pick(GROUPS)];
  };

  for (let step = 0; step < 220; step++) {
    const existing = [...model.values()];
    const op = rnd.int(10);
    if (op < 4 || existing.length < 5) {
      const r: Modelled = {
        id: idOf(next++),
        submitter: rnd.pick(Object.keys(USERS)),
        environment: rnd.pick(ENVIRONMENTS),
        risk: rnd.pick(RISKS),
        status: rnd.chance(0.15) ? 'auto-approved' : 'pending',
        groups: someGroups(),
        costDelta: rnd.int(2000),
        createdAt: '',
        expired: rnd.chance(0.1),
        decidedBy: new Set(),
        approvals: 0,
      };
      await save(r);
      model.set(r.id, r);
    } else if (op < 6) {
      const candidates = existing.filter(r =>
        ['pending', 'changes-requested', 'rejected'].includes(r.status),
      );
      if (candidates.length === 0) continue;
      const r = rnd.pick(candidates);
      r.risk = rnd.pick(RISKS);
      r.groups = someGroups();
      r.status = rnd.chance(0.1) ? 'auto-approved' : 'pending';
      r.decidedBy = new Set();
      r.approvals = 0;
      await save(r);
    } else if (op < 9) {
      const candidates = existing.filter(r => r.status === 'pending');
      if (candidates.length === 0) continue;
      const r = rnd.pick(candidates);
      const approvers = Object.keys(USERS).filter(
        u => u !== r.submitter && !r.decidedBy.has(u),
      );
      if (approvers.length === 0) continue;
      const approver = rnd.pick(approvers);
      const roll = rnd.int(10);
      let decision: 'approve' | 'reject' | 'request-changes' = 'approve';
      if (roll === 0) decision = 'reject';
      else if (roll === 1) decision = 'request-changes';
      let status: RequestStatus = 'pending';
      if (decision === 'reject') status = 'rejected';
      else if (decision === 'request-changes') status = 'changes-requested';
      else if (r.approvals + 1 >= 2) status = 'approved';
      const stored = (await store.getRequest(r.id))!;
      await store.recordDecision(
        {
          requestId: r.id,
          revisionHash: stored.contentHash,
          approver,
          decision,
          comment: '',
          groups: [],
        },
        () => ({
          status,
          policySummary: 'x',
          eligibleGroups: status === 'pending' ? r.groups : [],
        }),
      );
      r.decidedBy.add(approver);
      if (decision === 'approve') r.approvals += 1;
      r.status = status;
    } else {
      const expired = await store.expireDue(new Date());
      const due = existing.filter(r => r.expired && OPEN.includes(r.status));
      expect(expired.map(r => r.id).sort()).toEqual(due.map(r => r.id).sort());
      for (const r of due) r.status = 'expired';
    }
  }
  return [...model.values()];
}

const inboxOrder = (a: Modelled, b: Modelled) =>
  RANK[b.risk] - RANK[a.risk] ||
  a.createdAt.localeCompare(b.createdAt) ||
  a.id.localeCompare(b.id);

function expected(model: Modelled[], query: ListQuery): string[] {
  const { viewer } = query;
  return model
    .filter(r => {
      if (query.statuses && !query.statuses.includes(r.status)) return false;
      if (query.environment && r.environment !== query.environment)
        return false;
      if (query.risk && r.risk !== query.risk) return false;
      if (query.minCostDelta !== undefined && r.costDelta < query.minCostDelta)
        return false;
      if (query.view === 'mine') return r.submitter === viewer.ref;
      if (query.view === 'waiting') {
        return (
          r.status === 'pending' &&
          r.submitter !== viewer.ref &&
          r.groups.some(g => viewer.groups.includes(g)) &&
          !r.decidedBy.has(viewer.ref)
        );
      }
      return true;
    })
    .sort(inboxOrder)
    .map(r => r.id);
}

/** Every page of a query, by offset and by cursor; both must give the same rows. */
async function allPages(store: DatabaseApprovalsStore, query: ListQuery) {
  const byOffset: string[] = [];
  const byCursor: string[] = [];
  const totals = new Set<number>();
  for (let offset = 0; offset < 400; offset += query.limit) {
    const page = await store.list({ ...query, offset });
    totals.add(page.total);
    byOffset.push(...page.items.map(r => r.id));
    if (page.items.length < query.limit) break;
  }
  let after: ListQuery['after'];
  for (let i = 0; i < 100; i++) {
    const page = await store.list({ ...query, offset: 0, after });
    byCursor.push(...page.items.map(r => r.id));
    if (page.items.length < query.limit) break;
    after = page.items.at(-1)!.cursor;
  }
  return { byOffset, byCursor, totals: [...totals] };
}

async function compareWithModel(
  store: DatabaseApprovalsStore,
  model: Modelled[],
) {
  for (const [ref, groups] of Object.entries(USERS)) {
    const viewer = { ref, groups: [ref, ...groups] };
    const counts = await store.counts(viewer);
    expect(counts).toEqual({
      waitingForMe: expected(model, {
        view: 'waiting',
        viewer,
        limit: 1,
        offset: 0,
      }).length,
      mine: expected(model, {
        view: 'mine',
        viewer,
        statuses: OPEN,
        limit: 1,
        offset: 0,
      }).length,
      open: model.filter(r => OPEN.includes(r.status)).length,
    });
    const queries: ListQuery[] = [
      { view: 'waiting', viewer, statuses: OPEN, limit: 7, offset: 0 },
      { view: 'waiting', viewer, limit: 5, offset: 0, risk: 'high' },
      {
        view: 'waiting',
        viewer,
        limit: 4,
        offset: 0,
        environment: 'production',
      },
      { view: 'mine', viewer, statuses: OPEN, limit: 6, offset: 0 },
      { view: 'mine', viewer, limit: 9, offset: 0, minCostDelta: 500 },
      { view: 'all', viewer, statuses: OPEN, limit: 11, offset: 0 },
      { view: 'all', viewer, limit: 13, offset: 0 },
      {
        view: 'all',
        viewer,
        statuses: OPEN,
        environment: 'staging',
        risk: 'medium',
        limit: 3,
        offset: 0,
      },
      {
        view: 'all',
        viewer,
        statuses: ['approved', 'rejected', 'expired'],
        limit: 8,
        offset: 0,
        minCostDelta: 1000,
      },
    ];
    for (const query of queries) {
      const want = expected(model, query);
      const got = await allPages(store, query);
      const label = `${ref} ${JSON.stringify({ ...query, viewer: undefined })}`;
      expect({ label, ids: got.byOffset }).toEqual({ label, ids: want });
      expect({ label, ids: got.byCursor }).toEqual({ label, ids: want });
      expect({ label, totals: got.totals }).toEqual({
        label,
        totals: [want.length],
      });
    }
  }
}

describe.each(databases.eachSupportedId())('the inbox on %s', databaseId => {
  it('counts and pages every view exactly as a scan of the requests would, through a random history', async () => {
    const knex = await databases.init(databaseId);
    const store = await DatabaseApprovalsStore.create({
      database: mockServices.database({ knex, migrations: { skip: false } }),
    });
    const model = await history(store, 20261124);
    expect(model.filter(r => r.status === 'pending').length).toBeGreaterThan(
      20,
    );
    expect(
      model.some(r => r.decidedBy.size > 0 && r.status === 'pending'),
    ).toBe(true);
    await compareWithModel(store, model);
  });

  it('rebuilds the counters of existing requests when the migration runs again', async () => {
    const knex = await databases.init(databaseId);
    const store = await DatabaseApprovalsStore.create({
      database: mockServices.database({ knex, migrations: { skip: false } }),
    });
    const model = await history(store, 7);
    const directory = resolvePackagePath(
      '@gatehouse/plugin-approvals-backend',
      'migrations',
    );
    const name = '20261124000000_approvals_inbox_counters.js';
    // Down drops the counters; up finds the requests as they are and backfills.
    await knex.migrate.down({ directory, name });
    expect(await knex.schema.hasTable('approval_status_counts')).toBe(false);
    await knex.migrate.up({ directory, name });
    await compareWithModel(store, model);
  });
});

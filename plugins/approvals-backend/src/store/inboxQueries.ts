import type { RequestStatus } from '@gatehouse/plugin-approvals-common';
import type { Knex } from 'knex';
import type { ListQuery } from './ApprovalsStore';
import { setsAskingFor, waitingCountSql } from './inboxCounters';

export const RISK_RANK = { low: 0, medium: 1, high: 2 } as const;

export const ALL_STATUSES: RequestStatus[] = [
  'pending',
  'changes-requested',
  'approved',
  'auto-approved',
  'rejected',
  'expired',
];

/** What the inbox shows of a request: no follow-up values, no revision content. */
export const SUMMARY_COLUMNS = [
  'r.id',
  'r.title',
  'r.entity_ref',
  'r.environment',
  'r.tier',
  'r.status',
  'r.submitter',
  'r.submitter_kind',
  'r.current_revision',
  'r.content_hash',
  'r.risk_level',
  'r.risk_rank',
  'r.cost_delta',
  'r.policy_summary',
  'r.created_at',
  'r.updated_at',
  'r.expires_at',
  'r.delivery_state',
];

/** The inbox's order: most risky first, then oldest, then by id (a total order, for cursors). */
const INBOX_ORDER = [
  { column: 'r.risk_rank', order: 'desc' },
  { column: 'r.created_at', order: 'asc' },
  { column: 'r.id', order: 'asc' },
];

/** Filters on the request row other than the view and status. */
function hasRowFilters(query: ListQuery) {
  return (
    query.environment !== undefined ||
    query.entityRef !== undefined ||
    query.risk !== undefined ||
    query.minCostDelta !== undefined ||
    query.maxCostDelta !== undefined ||
    query.createdBefore !== undefined
  );
}

function applyRowFilters(query: ListQuery, q: Knex.QueryBuilder) {
  if (query.environment) q.where('r.environment', query.environment);
  if (query.entityRef) q.where('r.entity_ref', query.entityRef);
  if (query.risk) q.where('r.risk_rank', RISK_RANK[query.risk]);
  if (query.minCostDelta !== undefined)
    q.where('r.cost_delta', '>=', query.minCostDelta);
  if (query.maxCostDelta !== undefined)
    q.where('r.cost_delta', '<=', query.maxCostDelta);
  if (query.createdBefore)
    q.where('r.created_at', '<', new Date(query.createdBefore));
}

/** Columns of a partition: the request id and its sort keys. */
type SortColumns = { riskRank: string; createdAt: string; id: string };

/**
 * Adds the slices of one partition to a page: without a cursor, the whole
 * partition in the inbox's order; with one, the rest of the cursor's risk
 * rank (by creation, then id) and every lower rank. Each slice is a range of
 * an index in that order, read for at most offset + limit rows.
 */
function slicesOf(
  partition: () => Knex.QueryBuilder,
  query: ListQuery,
  columns: SortColumns,
): Knex.QueryBuilder[] {
  const size = query.offset + query.limit;
  const select = (q: Knex.QueryBuilder) =>
    q.select({
      id: columns.id,
      risk_rank: columns.riskRank,
      created_at: columns.createdAt,
    });
  const inOrder = [
    { column: columns.riskRank, order: 'desc' },
    { column: columns.createdAt, order: 'asc' },
    { column: columns.id, order: 'asc' },
  ];
  const risk = query.risk ? RISK_RANK[query.risk] : undefined;
  const cursor = query.after;
  if (!cursor) {
    return [
      select(partition())
        .modify(q => {
          if (risk !== undefined) q.where(columns.riskRank, risk);
        })
        .orderBy(inOrder)
        .limit(size),
    ];
  }
  const slices: Knex.QueryBuilder[] = [];
  if (risk === undefined || risk === cursor.riskRank) {
    slices.push(
      select(partition())
        .where(columns.riskRank, cursor.riskRank)
        .whereRaw('(??, ??) > (?, ?)', [
          columns.createdAt,
          columns.id,
          new Date(cursor.createdAt),
          cursor.id,
        ])
        .orderBy(inOrder)
        .limit(size),
    );
  }
  if (risk === undefined || risk < cursor.riskRank) {
    slices.push(
      select(partition())
        .where(columns.riskRank, '<', cursor.riskRank)
        .modify(q => {
          if (risk !== undefined) q.where(columns.riskRank, risk);
        })
        .orderBy(inOrder)
        .limit(size),
    );
  }
  return slices;
}

/** The statuses a view can list. */
function statusesOf(query: ListQuery): RequestStatus[] {
  const wanted = query.statuses ?? ALL_STATUSES;
  return query.view === 'waiting'
    ? wanted.filter(s => s === 'pending')
    : wanted;
}

/**
 * A page from partitions that are each read in order off an index (a group,
 * or a status): every partition gives at most offset + limit rows, only
 * those are sorted, and only the page's rows are read from the requests.
 * The work is bounded by the page, not by the number of matching requests.
 * A request asked of two of the viewer's groups comes from both: the union
 * keeps it once.
 */
function pageOf(db: Knex, query: ListQuery, slices: Knex.QueryBuilder[]) {
  const [first, ...rest] = slices.map((slice, i) =>
    db.select('*').from(slice.as(`s${i}`)),
  );
  const order = [
    { column: 'p.risk_rank', order: 'desc' },
    { column: 'p.created_at', order: 'asc' },
    { column: 'p.id', order: 'asc' },
  ];
  const ids = db
    .select('u.id', 'u.risk_rank', 'u.created_at')
    .from((rest.length > 0 ? first.union(rest) : first).as('u'))
    .orderBy(order.map(o => ({ ...o, column: o.column.replace('p.', 'u.') })))
    .limit(query.limit)
    .offset(query.offset);
  return db
    .select(SUMMARY_COLUMNS)
    .from(ids.as('p'))
    .join('approval_requests as r', 'r.id', 'p.id')
    .orderBy(order);
}

/**
 * The viewer's groups that some pending request asks for: most of a
 * person's ownership refs (their own ref, parent groups) are asked for
 * nothing, and a partition less is a query plan less.
 */
async function askedGroups(db: Knex, groups: readonly string[]) {
  if (groups.length === 0) return [];
  const rows = await db('approval_waiting_count_groups as cg')
    .join('approval_waiting_counts as c', 'c.group_set', 'cg.group_set')
    .distinct('cg.group_ref')
    .whereIn('cg.group_ref', [...groups])
    .where('c.value', '>', 0);
  return rows.map(row => row.group_ref as string);
}

/** "Waiting for me" without row filters: a partition per group, off the group index. */
function waitingSlices(db: Knex, query: ListQuery, groups: string[]) {
  return groups.flatMap(group =>
    slicesOf(
      () =>
        db('approval_request_groups as g')
          .where('g.group_ref', group)
          .whereNot('g.submitter', query.viewer.ref)
          .whereNotExists(
            db('approval_open_decisions as od')
              .select(db.raw('1'))
              .where('od.approver', query.viewer.ref)
              .whereRaw('od.request_id = g.request_id'),
          ),
      query,
      {
        riskRank: 'g.risk_rank',
        createdAt: 'g.created_at',
        id: 'g.request_id',
      },
    ),
  );
}

/** "Mine" and "all": a partition per status, off the inbox (or submitter) index. */
function statusSlices(db: Knex, query: ListQuery) {
  return statusesOf(query).flatMap(status =>
    slicesOf(
      () =>
        db('approval_requests as r')
          .where('r.status', status)
          .modify(q => {
            if (query.view === 'mine') q.where('r.submitter', query.viewer.ref);
            applyRowFilters({ ...query, risk: undefined }, q);
          }),
      query,
      { riskRank: 'r.risk_rank', createdAt: 'r.created_at', id: 'r.id' },
    ),
  );
}

/** "Waiting for me" with row filters: one query over the filtered requests. */
function filteredWaiting(db: Knex, query: ListQuery) {
  const base = db('approval_requests as r')
    .where('r.status', 'pending')
    .whereNot('r.submitter', query.viewer.ref)
    .whereIn('r.waiting_set', setsAskingFor(db, query.viewer.groups))
    .whereNotExists(
      db('approval_open_decisions as od')
        .select(db.raw('1'))
        .where('od.approver', query.viewer.ref)
        .whereRaw('od.request_id = r.id'),
    )
    .modify(q => applyRowFilters(query, q));
  const page = base
    .clone()
    .select(SUMMARY_COLUMNS)
    .modify(q => {
      const cursor = query.after;
      if (!cursor) return;
      q.where(w =>
        w
          .where('r.risk_rank', '<', cursor.riskRank)
          .orWhere(inner =>
            inner
              .where('r.risk_rank', cursor.riskRank)
              .whereRaw('(r.created_at, r.id) > (?, ?)', [
                new Date(cursor.createdAt),
                cursor.id,
              ]),
          ),
      );
    })
    .orderBy(INBOX_ORDER)
    .limit(query.limit)
    .offset(query.offset);
  return { page, count: base.clone().count({ n: '*' }) };
}

/** Reads a scalar count or sum (PostgreSQL answers bigints as text). */
async function scalar(query: Knex.QueryBuilder): Promise<number> {
  const row = (await query.first()) as { n: unknown } | undefined;
  return Number(row?.n ?? 0);
}

/** How many requests a view holds, from the counters where they answer it. */
async function totalOf(db: Knex, query: ListQuery): Promise<number> {
  const statuses = statusesOf(query);
  if (statuses.length === 0) return 0;
  if (query.view === 'waiting') {
    const row = await db.select(waitingCountSql(db, query.viewer)).first();
    return (
      Number(row.asked ?? 0) - Number(row.own ?? 0) - Number(row.decided ?? 0)
    );
  }
  const countable =
    query.view === 'all' &&
    query.entityRef === undefined &&
    query.minCostDelta === undefined &&
    query.maxCostDelta === undefined &&
    query.createdBefore === undefined;
  if (countable) {
    return scalar(
      db('approval_status_counts')
        .sum({ n: 'value' })
        .whereIn('status', statuses)
        .modify(q => {
          if (query.environment) q.where('environment', query.environment);
          if (query.risk) q.where('risk_level', query.risk);
        }),
    );
  }
  // Other filters are counted: "mine" through the submitter index, the rest
  // through the filters' own indexes.
  return scalar(
    db('approval_requests as r')
      .count({ n: '*' })
      .whereIn('r.status', statuses)
      .modify(q => {
        if (query.view === 'mine') q.where('r.submitter', query.viewer.ref);
        applyRowFilters(query, q);
      }),
  );
}

/** One page of a view and the view's total. */
export async function listPage(
  db: Knex,
  query: ListQuery,
): Promise<{ rows: any[]; total: number }> {
  if (statusesOf(query).length === 0) return { rows: [], total: 0 };
  if (query.view === 'waiting' && hasRowFilters(query)) {
    const { page, count } = filteredWaiting(db, query);
    const [rows, total] = await Promise.all([page, scalar(count)]);
    return { rows, total };
  }
  const slices = async () =>
    query.view === 'waiting'
      ? waitingSlices(db, query, await askedGroups(db, query.viewer.groups))
      : statusSlices(db, query);
  const [rows, total] = await Promise.all([
    slices().then(s => (s.length > 0 ? pageOf(db, query, s) : [])),
    totalOf(db, query),
  ]);
  return { rows, total };
}

/** The badge counts: waiting for me, my open requests, all open requests. */
export async function inboxCounts(
  db: Knex,
  viewer: { ref: string; groups: readonly string[] },
) {
  const waiting = waitingCountSql(db, viewer);
  const open: RequestStatus[] = ['pending', 'changes-requested'];
  // One round trip: every figure is a scalar subquery.
  const row = await db
    .select({
      asked: waiting.asked,
      own: waiting.own,
      decided: waiting.decided,
      mine: db('approval_requests')
        .count('*')
        .where('submitter', viewer.ref)
        .whereIn('status', open),
      open: db('approval_status_counts').sum('value').whereIn('status', open),
    })
    .first();
  const n = (value: unknown) => Number(value ?? 0);
  return {
    waitingForMe: n(row.asked) - n(row.own) - n(row.decided),
    mine: n(row.mine),
    open: n(row.open),
  };
}

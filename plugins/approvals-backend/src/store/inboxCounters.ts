import type {
  RequestStatus,
  RiskLevel,
} from '@gatehouse/plugin-approvals-common';
import type { Knex } from 'knex';
import { createHash } from 'node:crypto';

/**
 * Where a request sits in the inbox's counters: its status, environment and
 * risk, and, while it is pending, the set of groups that may decide it.
 */
export type InboxPosition = {
  status: RequestStatus;
  environment: string;
  riskLevel: RiskLevel;
  /** The groups that may decide it (counted only while pending). */
  groups: string[];
};

/** The id of a set of groups: the same groups in any order give the same id. */
export function groupSetId(groups: readonly string[]): string | null {
  if (groups.length === 0) return null;
  const sorted = [...new Set(groups)].sort();
  return createHash('sha256').update(sorted.join('\n')).digest('hex');
}

/** The waiting set a position counts under, if any. */
export function waitingSetOf(position: InboxPosition | null): string | null {
  return position && position.status === 'pending'
    ? groupSetId(position.groups)
    : null;
}

type StatusKey = { status: string; environment: string; risk_level: string };

const statusKeyText = (k: StatusKey) =>
  `${k.status}\n${k.environment}\n${k.risk_level}`;

/**
 * Moves a request from one inbox position to another (null: not there) in
 * the caller's transaction. Rows are updated in one global order (status
 * rows, then waiting sets, each sorted by key), so two transactions never
 * wait for each other's counters in opposite orders.
 */
export async function moveInInbox(
  trx: Knex.Transaction,
  from: InboxPosition | null,
  to: InboxPosition | null,
): Promise<void> {
  const statusDeltas = new Map<string, { key: StatusKey; delta: number }>();
  const addStatus = (position: InboxPosition | null, delta: number) => {
    if (!position) return;
    const key = {
      status: position.status,
      environment: position.environment,
      risk_level: position.riskLevel,
    };
    const text = statusKeyText(key);
    const entry = statusDeltas.get(text) ?? { key, delta: 0 };
    entry.delta += delta;
    statusDeltas.set(text, entry);
  };
  addStatus(from, -1);
  addStatus(to, +1);

  const setDeltas = new Map<string, { groups: string[]; delta: number }>();
  const addSet = (position: InboxPosition | null, delta: number) => {
    const id = waitingSetOf(position);
    if (!id || !position) return;
    const entry = setDeltas.get(id) ?? { groups: position.groups, delta: 0 };
    entry.delta += delta;
    setDeltas.set(id, entry);
  };
  addSet(from, -1);
  addSet(to, +1);

  for (const text of [...statusDeltas.keys()].sort()) {
    const { key, delta } = statusDeltas.get(text)!;
    if (delta === 0) continue;
    await trx('approval_status_counts')
      .insert({ ...key, value: delta })
      .onConflict(['status', 'environment', 'risk_level'])
      .merge({
        value: trx.raw('?? + ?', ['approval_status_counts.value', delta]),
      });
  }
  for (const id of [...setDeltas.keys()].sort()) {
    const { groups, delta } = setDeltas.get(id)!;
    if (delta === 0) continue;
    await trx('approval_waiting_counts')
      .insert({ group_set: id, value: delta })
      .onConflict('group_set')
      .merge({
        value: trx.raw('?? + ?', ['approval_waiting_counts.value', delta]),
      });
    if (delta > 0) {
      await trx('approval_waiting_count_groups')
        .insert(
          [...new Set(groups)]
            .sort()
            .map(group_ref => ({ group_ref, group_set: id })),
        )
        .onConflict(['group_ref', 'group_set'])
        .ignore();
    }
  }
}

/** The waiting sets that ask for any of these groups, as a subquery. */
export function setsAskingFor(db: Knex, groups: readonly string[]) {
  return db('approval_waiting_count_groups')
    .select('group_set')
    .whereIn('group_ref', groups.length > 0 ? [...groups] : ['-']);
}

/**
 * How many pending requests wait for a viewer: the requests of every set
 * that asks for one of their groups (each request once), less their own
 * requests and those whose current revision they already decided. Index
 * lookups among the sets and the viewer's own requests and open decisions,
 * whatever the number of requests.
 */
export function waitingCountSql(
  db: Knex,
  viewer: { ref: string; groups: readonly string[] },
) {
  const sets = setsAskingFor(db, viewer.groups);
  return {
    asked: db('approval_waiting_counts')
      .sum({ n: 'value' })
      .whereIn('group_set', sets.clone()),
    own: db('approval_requests')
      .count({ n: '*' })
      .where('submitter', viewer.ref)
      .where('status', 'pending')
      .whereIn('waiting_set', sets.clone()),
    // Open decisions are never the submitter's own (see recordDecision).
    decided: db('approval_open_decisions')
      .count({ n: '*' })
      .where('approver', viewer.ref)
      .whereIn('group_set', sets.clone()),
  };
}

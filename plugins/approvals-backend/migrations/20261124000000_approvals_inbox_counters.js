// @ts-check
const { createHash } = require('node:crypto');

/**
 * The inbox without counting rows on every read: counters kept in the same
 * transaction as every status change, and the sort keys copied next to the
 * group index so "waiting for me" reads a page straight off an index.
 *
 * - approval_status_counts: requests by (status, environment, risk), so totals
 *   of status/environment/risk filters are a sum over a handful of rows.
 * - approval_waiting_counts: pending requests by the exact set of groups that
 *   may decide them (a request counts once however many of a viewer's groups
 *   it asks), with approval_waiting_count_groups to find the sets of a viewer.
 * - approval_open_decisions: who decided the current revision of a request
 *   that is still pending (and its waiting set), so "not decided by me yet"
 *   is a lookup among the viewer's own open decisions.
 * - approval_requests.waiting_set: the request's set while it is pending.
 *
 * Existing data is backfilled.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('approval_status_counts', table => {
    table.string('status', 32).notNullable();
    table.string('environment', 64).notNullable();
    table.string('risk_level', 8).notNullable();
    table.bigInteger('value').notNullable();
    table.primary(['status', 'environment', 'risk_level']);
  });
  await knex.schema.createTable('approval_waiting_counts', table => {
    table
      .string('group_set', 64)
      .primary()
      .comment('sha256 of the sorted group refs, one per line');
    table.bigInteger('value').notNullable();
  });
  await knex.schema.createTable('approval_waiting_count_groups', table => {
    table.string('group_ref', 255).notNullable();
    table
      .string('group_set', 64)
      .notNullable()
      .references('group_set')
      .inTable('approval_waiting_counts');
    table.primary(['group_ref', 'group_set']);
  });
  await knex.schema.createTable('approval_open_decisions', table => {
    table.string('approver', 255).notNullable();
    table
      .string('request_id', 36)
      .notNullable()
      .references('id')
      .inTable('approval_requests');
    table
      .string('group_set', 64)
      .notNullable()
      .comment("the request's waiting set (fixed while it is pending)");
    table.primary(['approver', 'request_id']);
    table.index(['request_id'], 'approval_open_decisions_request_idx');
  });
  await knex.schema.alterTable('approval_requests', table => {
    table.string('waiting_set', 64).nullable();
  });
  await knex.schema.alterTable('approval_request_groups', table => {
    // Copies of the request's sort keys and submitter (fixed for a revision;
    // the rows are rewritten with every revision).
    table.integer('risk_rank').nullable();
    table.timestamp('created_at', { useTz: true }).nullable();
    table.string('submitter', 255).nullable();
  });

  // Backfill: sort keys, sets, counters and open decisions of existing requests.
  await knex('approval_request_groups').update({
    risk_rank: knex('approval_requests as r')
      .select('r.risk_rank')
      .where('r.id', knex.ref('approval_request_groups.request_id')),
    created_at: knex('approval_requests as r')
      .select('r.created_at')
      .where('r.id', knex.ref('approval_request_groups.request_id')),
    submitter: knex('approval_requests as r')
      .select('r.submitter')
      .where('r.id', knex.ref('approval_request_groups.request_id')),
  });
  /** @type {any[]} */
  const statusRows = await knex('approval_requests')
    .select('status', 'environment', 'risk_level')
    .count({ value: '*' })
    .groupBy('status', 'environment', 'risk_level');
  for (const row of statusRows) {
    await knex('approval_status_counts').insert({
      status: row.status,
      environment: row.environment,
      risk_level: row.risk_level,
      value: Number(row.value),
    });
  }
  const groupRows = await knex('approval_request_groups as g')
    .join('approval_requests as r', 'r.id', 'g.request_id')
    .where('r.status', 'pending')
    .select('g.request_id', 'g.group_ref');
  /** @type {Map<string, string[]>} */
  const groupsOf = new Map();
  for (const row of groupRows) {
    groupsOf.set(row.request_id, [
      ...(groupsOf.get(row.request_id) ?? []),
      row.group_ref,
    ]);
  }
  /** @type {Map<string, { groups: string[], value: number }>} */
  const sets = new Map();
  for (const [requestId, groups] of groupsOf) {
    const sorted = [...new Set(groups)].sort();
    const set = createHash('sha256').update(sorted.join('\n')).digest('hex');
    sets.set(set, {
      groups: sorted,
      value: (sets.get(set)?.value ?? 0) + 1,
    });
    await knex('approval_requests')
      .where({ id: requestId })
      .update({ waiting_set: set });
  }
  for (const [set, { groups, value }] of sets) {
    await knex('approval_waiting_counts').insert({ group_set: set, value });
    await knex('approval_waiting_count_groups').insert(
      groups.map(group_ref => ({ group_ref, group_set: set })),
    );
  }
  await knex('approval_open_decisions').insert(
    knex('approval_decisions as d')
      .join('approval_requests as r', join =>
        join
          .on('r.id', 'd.request_id')
          .andOn('r.current_revision', 'd.revision'),
      )
      .where('r.status', 'pending')
      .whereNotNull('r.waiting_set')
      .whereRaw('d.approver <> r.submitter')
      .distinct('d.approver', 'd.request_id', 'r.waiting_set'),
  );

  // Pages of a view straight off an index, in the inbox's order (most risky,
  // then oldest, then id), instead of sorting every match.
  await knex.schema.alterTable('approval_requests', table => {
    table.dropIndex([], 'approval_requests_inbox_idx');
    table.dropIndex([], 'approval_requests_submitter_idx');
  });
  await knex.raw(
    'CREATE INDEX approval_requests_inbox_idx ON approval_requests (status, risk_rank DESC, created_at, id)',
  );
  await knex.raw(
    'CREATE INDEX approval_requests_submitter_idx ON approval_requests (submitter, status, risk_rank DESC, created_at, id)',
  );
  // Totals of cost filters count index entries, not rows.
  await knex.raw(
    'CREATE INDEX approval_requests_cost_idx ON approval_requests (status, cost_delta)',
  );
  await knex.raw(
    'CREATE INDEX approval_request_groups_page_idx ON approval_request_groups (group_ref, risk_rank DESC, created_at, request_id)',
  );
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('approval_request_groups', table => {
    table.dropIndex([], 'approval_request_groups_page_idx');
  });
  await knex.schema.alterTable('approval_requests', table => {
    table.dropIndex([], 'approval_requests_inbox_idx');
    table.dropIndex([], 'approval_requests_submitter_idx');
    table.dropIndex([], 'approval_requests_cost_idx');
  });
  await knex.schema.alterTable('approval_requests', table => {
    table.index(
      ['status', 'risk_rank', 'created_at'],
      'approval_requests_inbox_idx',
    );
    table.index(['submitter'], 'approval_requests_submitter_idx');
  });
  // Plain DROP COLUMN (PostgreSQL, SQLite 3.35+): knex would rebuild the
  // SQLite tables, which other tables' foreign keys refer to.
  for (const column of ['risk_rank', 'created_at', 'submitter']) {
    await knex.raw('ALTER TABLE ?? DROP COLUMN ??', [
      'approval_request_groups',
      column,
    ]);
  }
  await knex.raw('ALTER TABLE ?? DROP COLUMN ??', [
    'approval_requests',
    'waiting_set',
  ]);
  await knex.schema.dropTable('approval_open_decisions');
  await knex.schema.dropTable('approval_waiting_count_groups');
  await knex.schema.dropTable('approval_waiting_counts');
  await knex.schema.dropTable('approval_status_counts');
};

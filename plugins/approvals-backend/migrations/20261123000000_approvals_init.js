// @ts-check

/**
 * Change requests, their revisions (the exact change approvals are bound to),
 * decisions, the groups that may still decide, and the append-only audit trail.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('approval_requests', table => {
    table.string('id', 36).primary();
    table.string('title', 255).notNullable();
    table.string('entity_ref', 255).notNullable();
    table.string('environment', 64).notNullable();
    table.string('status', 32).notNullable();
    table.string('submitter', 255).notNullable();
    table.string('submitter_kind', 16).notNullable();
    table.integer('current_revision').notNullable();
    table.string('content_hash', 64).notNullable();
    table.string('risk_level', 8).notNullable();
    table
      .integer('risk_rank')
      .notNullable()
      .comment('2 high, 1 medium, 0 low: sorts the inbox');
    table.double('cost_delta').nullable();
    table.text('policy_summary').notNullable();
    table.text('follow_up').nullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.timestamp('expires_at', { useTz: true }).notNullable();
    table.index(
      ['status', 'risk_rank', 'created_at'],
      'approval_requests_inbox_idx',
    );
    table.index(['entity_ref'], 'approval_requests_entity_idx');
    table.index(['submitter'], 'approval_requests_submitter_idx');
  });

  await knex.schema.createTable('approval_revisions', table => {
    table
      .string('request_id', 36)
      .notNullable()
      .references('id')
      .inTable('approval_requests');
    table.integer('revision').notNullable();
    table.string('content_hash', 64).notNullable();
    table.string('submitted_by', 255).notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.text('summary').notNullable();
    table.text('files').notNullable();
    table.text('estimate').nullable();
    table.string('estimate_id', 36).nullable();
    table.text('risk').notNullable();
    table.text('notes').notNullable();
    table.text('inputs').notNullable();
    table
      .text('verdict')
      .notNullable()
      .comment('What the policy required of this revision');
    table.text('plan', 'longtext').nullable();
    table.primary(['request_id', 'revision']);
  });

  await knex.schema.createTable('approval_request_groups', table => {
    table
      .string('request_id', 36)
      .notNullable()
      .references('id')
      .inTable('approval_requests');
    table.string('group_ref', 255).notNullable();
    table.primary(['request_id', 'group_ref']);
    // "Waiting for me" probes (group, request) pairs: both columns, so each probe
    // is one index lookup whatever the planner's statistics say.
    table.index(
      ['group_ref', 'request_id'],
      'approval_request_groups_group_idx',
    );
  });

  await knex.schema.createTable('approval_decisions', table => {
    table.string('id', 36).primary();
    table
      .string('request_id', 36)
      .notNullable()
      .references('id')
      .inTable('approval_requests');
    table.integer('revision').notNullable();
    table.string('content_hash', 64).notNullable();
    table.string('approver', 255).notNullable();
    table.string('decision', 32).notNullable();
    table.text('comment').notNullable();
    table.text('groups').notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    // One decision per person per revision, even under concurrent requests.
    table.unique(['request_id', 'revision', 'approver']);
  });

  await knex.schema.createTable('approval_audit', table => {
    table.increments('sequence');
    table
      .string('request_id', 36)
      .notNullable()
      .references('id')
      .inTable('approval_requests');
    table.integer('revision').notNullable();
    table.string('content_hash', 64).notNullable();
    table.string('action', 32).notNullable();
    table.string('actor', 255).notNullable();
    table.text('comment').nullable();
    table.string('status_after', 32).notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.index(['request_id', 'sequence'], 'approval_audit_request_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('approval_audit');
  await knex.schema.dropTable('approval_decisions');
  await knex.schema.dropTable('approval_request_groups');
  await knex.schema.dropTable('approval_revisions');
  await knex.schema.dropTable('approval_requests');
};

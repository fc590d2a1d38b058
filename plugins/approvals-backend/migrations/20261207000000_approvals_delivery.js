// @ts-check

/**
 * Delivery: what happened to an approved change after approval (proposed,
 * merged, applied or failed, live), and the repository watcher's state: the
 * last head it read of each environment repository's target branch, and the
 * commits it found there that carry no approved change.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('approval_requests', table => {
    // The latest step, kept on the row so the inbox and the Changes tab list it.
    table.string('delivery_state', 16).nullable();
  });
  await knex.schema.createTable('approval_delivery_events', table => {
    table.increments('id');
    table
      .string('request_id', 36)
      .notNullable()
      .references('id')
      .inTable('approval_requests')
      .onDelete('CASCADE');
    table.string('step', 16).notNullable();
    table.integer('revision').notNullable();
    table.string('content_hash', 64).notNullable();
    table.string('actor', 255).notNullable();
    table.timestamp('occurred_at', { useTz: true }).notNullable();
    table.text('link').nullable();
    table.string('commit', 64).nullable();
    table.text('detail').nullable();
    table.index(['request_id']);
  });
  await knex.schema.createTable('approval_repository_watches', table => {
    // `<kind>:<location>#<branch>`
    table.string('repository_key', 1000).primary();
    table.string('entity_ref', 255).notNullable();
    table.string('last_head', 64).nullable();
    table.timestamp('checked_at', { useTz: true }).nullable();
    table.text('error').nullable();
  });
  await knex.schema.createTable('approval_unapproved_changes', table => {
    table.increments('id');
    table.string('entity_ref', 255).notNullable();
    table.string('service_ref', 255).nullable();
    table.string('repository', 1000).notNullable();
    table.string('branch', 255).notNullable();
    table.string('commit', 64).notNullable();
    table.string('author', 255).notNullable();
    table.text('summary').notNullable();
    table.timestamp('committed_at', { useTz: true }).notNullable();
    table.timestamp('detected_at', { useTz: true }).notNullable();
    table.text('reason').notNullable();
    table.string('request_id', 64).nullable();
    // A commit is reported once, however many replicas or webhooks see it.
    table.unique(['entity_ref', 'commit']);
    table.index(['service_ref']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('approval_unapproved_changes');
  await knex.schema.dropTable('approval_repository_watches');
  await knex.schema.dropTable('approval_delivery_events');
  await knex.schema.alterTable('approval_requests', table => {
    table.dropColumn('delivery_state');
  });
};

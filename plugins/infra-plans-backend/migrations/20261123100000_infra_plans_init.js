// @ts-check

/**
 * Revisions of each service's infrastructure plan. A revision is never
 * updated: a new plan text gives a new revision number (unique per entity,
 * which is what makes concurrent saves safe).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('infra_plan_revisions', table => {
    table.string('entity_ref', 255).notNullable();
    table.integer('revision').notNullable();
    table.string('content_hash', 64).notNullable();
    table.string('source', 16).notNullable();
    table.string('location', 1024).nullable();
    table.string('author', 255).nullable();
    table.string('message', 500).nullable();
    table.text('yaml', 'longtext').notNullable();
    table.boolean('valid').notNullable();
    table.integer('error_count').notNullable();
    table.integer('warning_count').notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.primary(['entity_ref', 'revision']);
    table.index(['entity_ref', 'source', 'revision'], 'infra_plan_by_source');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('infra_plan_revisions');
};

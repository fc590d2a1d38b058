// @ts-check

/**
 * Infrastructure plans on revisions: the documents as submitted (the plan
 * and the prior plan it was diffed against) and the review the request page
 * shows (the environment's semantic diff).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('approval_revisions', table => {
    table
      .text('infra_plan', 'longtext')
      .nullable()
      .comment('{ plan, priorPlan? } as submitted');
    table.text('infra_plan_review').nullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  // Plain DROP COLUMN (PostgreSQL, SQLite 3.35+) rather than a rebuild of the table.
  for (const column of ['infra_plan', 'infra_plan_review']) {
    await knex.raw('ALTER TABLE ?? DROP COLUMN ??', [
      'approval_revisions',
      column,
    ]);
  }
};

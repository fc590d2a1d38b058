/*
 * How many priced components of a kept estimate use approximate prices, so
 * lists of estimates can say so without reading each whole estimate. NULL for
 * estimates kept before prices carried their provenance: not recorded.
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.alterTable('cost_estimates', table => {
    table
      .integer('approximate_count')
      .nullable()
      .comment(
        'Priced components with approximate prices; NULL when not recorded',
      );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('cost_estimates', table => {
    table.dropColumn('approximate_count');
  });
};

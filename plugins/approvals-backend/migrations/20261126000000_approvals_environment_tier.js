// @ts-check

/**
 * The tier of a request's environment (development, staging, production),
 * resolved from the catalog and the infrastructure plan at submission: the
 * policy and the risk go by it, and the SRE dashboard counts by it. Requests
 * stored before keep null: their tier was never established, and is not
 * guessed from the environment's name.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('approval_requests', table => {
    table.string('tier', 16).nullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('approval_requests', table => {
    table.dropColumn('tier');
  });
};

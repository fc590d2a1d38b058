// @ts-check

/**
 * The change mark: one row whose value goes up in every transaction that
 * changes a request (each of them appends an audit record). Replicas keep
 * serialised answers of the read APIs and reuse one only while the mark is
 * what it was when the answer was computed, so a change made through any
 * replica is seen at once through all of them.
 *
 * A row rather than a sequence: the row is updated inside the writing
 * transaction, so a reader never sees a value before that transaction's
 * changes are visible (a sequence number is taken before commit, and
 * concurrent transactions commit out of order).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('approval_change_mark', table => {
    table.integer('id').primary();
    table.bigInteger('value').notNullable();
  });
  await knex('approval_change_mark').insert({ id: 1, value: 0 });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('approval_change_mark');
};

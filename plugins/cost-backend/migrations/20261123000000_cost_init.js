// @ts-check

/**
 * Cost storage: which billing files were ingested, the daily aggregates each
 * file contributed (raw rows are never kept), rollups per dimension that keep
 * dashboards fast at scale, ingestion runs with their progress, and alerts.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('cost_source_files', table => {
    table.increments('id');
    table
      .string('source', 1024)
      .notNullable()
      .comment('The configured location the file came from');
    table
      .string('path', 1024)
      .notNullable()
      .comment('The file within its source');
    table.string('sha256', 64).notNullable();
    table.bigInteger('size').notNullable();
    table
      .bigInteger('mtime')
      .nullable()
      .comment('Modification time (epoch ms) when listed');
    table.integer('rows_read').notNullable();
    table.integer('rows_rejected').notNullable();
    table.integer('rows_unattributed').notNullable();
    table.string('first_day', 10).nullable();
    table.string('last_day', 10).nullable();
    table.timestamp('ingested_at', { useTz: true }).notNullable();
    table.unique(['source', 'path']);
  });

  await knex.schema.createTable('cost_daily_spend', table => {
    table
      .integer('file_id')
      .notNullable()
      .references('id')
      .inTable('cost_source_files')
      .onDelete('CASCADE');
    table.string('day', 10).notNullable().comment('UTC day, YYYY-MM-DD');
    table.string('provider', 255).nullable();
    table.string('service', 255).nullable().comment('null: unattributed');
    table.string('team', 255).nullable();
    table.string('environment', 255).nullable();
    table.string('service_category', 255).nullable();
    table.string('charge_category', 64).notNullable();
    table.string('currency', 8).notNullable();
    table.double('billed_cost').notNullable();
    table.double('effective_cost').notNullable();
    table.double('list_cost').nullable();
    table.integer('row_count').notNullable();
    table.index(['file_id'], 'cost_daily_spend_file_idx');
    table.index(['day'], 'cost_daily_spend_day_idx');
    table.index(['service', 'day'], 'cost_daily_spend_service_idx');
    table.index(['team', 'day'], 'cost_daily_spend_team_idx');
    table.index(['environment', 'day'], 'cost_daily_spend_environment_idx');
  });

  // Rollups: one row per (dimension, key, day) and per (dimension, key, month),
  // recomputed for the days a file touches. key '' is unattributed spend;
  // dimension 'total' has the single key ''.
  await createRollupTable(knex, 'cost_rollup_daily', 'day', 10);
  await createRollupTable(knex, 'cost_rollup_monthly', 'month', 7);

  await knex.schema.createTable('cost_ingestion_runs', table => {
    table.string('id', 36).primary();
    table.string('trigger', 16).notNullable().comment('schedule or manual');
    table.string('requested_by', 255).nullable();
    table
      .string('status', 16)
      .notNullable()
      .comment('queued, running, succeeded, failed');
    table.integer('files_total').notNullable().defaultTo(0);
    table.integer('files_done').notNullable().defaultTo(0);
    table.integer('files_skipped').notNullable().defaultTo(0);
    table.bigInteger('rows_read').notNullable().defaultTo(0);
    table.bigInteger('rows_rejected').notNullable().defaultTo(0);
    table.string('current_file', 1024).nullable();
    table.text('message').nullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('started_at', { useTz: true }).nullable();
    table.timestamp('finished_at', { useTz: true }).nullable();
    table.index(['status', 'created_at'], 'cost_ingestion_runs_status_idx');
  });

  await knex.schema.createTable('cost_alerts', table => {
    table.string('id', 36).primary();
    table
      .string('dedupe_key', 512)
      .notNullable()
      .unique()
      .comment('One alert per crossing');
    table
      .string('kind', 32)
      .notNullable()
      .comment('threshold, budget or anomaly');
    table.string('scope_dimension', 16).notNullable();
    table.string('scope_key', 255).notNullable();
    table
      .string('period', 10)
      .notNullable()
      .comment('YYYY-MM for monthly alerts, the day for anomalies');
    table.double('threshold').nullable();
    table.double('actual').notNullable();
    table.text('message').notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.index(['scope_dimension', 'scope_key'], 'cost_alerts_scope_idx');
    table.index(['created_at'], 'cost_alerts_created_idx');
  });

  await knex.schema.createTable('cost_estimates', table => {
    table.string('id', 36).primary();
    table
      .string('entity_ref', 255)
      .nullable()
      .comment('The service the estimate is for, if any');
    table.string('environment', 64).nullable();
    table.string('kind', 16).notNullable().comment('terraform or kubernetes');
    table.string('created_by', 255).notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.string('currency', 8).notNullable();
    table.double('monthly_before').notNullable();
    table.double('monthly_after').notNullable();
    table.double('monthly_delta').notNullable();
    table.integer('resource_count').notNullable();
    table.integer('unpriced_count').notNullable();
    table.text('result').notNullable().comment('The whole estimate as JSON');
    table.index(['entity_ref', 'created_at'], 'cost_estimates_entity_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 * @param {string} name
 * @param {string} period
 * @param {number} width
 */
async function createRollupTable(knex, name, period, width) {
  await knex.schema.createTable(name, table => {
    table.string('dimension', 16).notNullable();
    table.string('key', 255).notNullable();
    table.string(period, width).notNullable();
    table.double('billed_cost').notNullable();
    table.double('effective_cost').notNullable();
    table.primary(['dimension', 'key', period]);
    // Covering: range totals per group are answered from the index alone.
    table.index(
      ['dimension', period, 'key', 'effective_cost', 'billed_cost'],
      `${name}_period_idx`,
    );
  });
}

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('cost_estimates');
  await knex.schema.dropTable('cost_alerts');
  await knex.schema.dropTable('cost_ingestion_runs');
  await knex.schema.dropTable('cost_rollup_monthly');
  await knex.schema.dropTable('cost_rollup_daily');
  await knex.schema.dropTable('cost_daily_spend');
  await knex.schema.dropTable('cost_source_files');
};

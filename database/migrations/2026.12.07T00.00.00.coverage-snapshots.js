'use strict';

/**
 * The coverage history (README: "Coverage"): one row per calendar day with the two headline
 * percentages as they were that day, written by the daily job (src/api/coverage/services/history.ts).
 * A plain table rather than a content type: nobody edits it, it has no place in the content manager,
 * GraphQL or the content API, and its rows are written with one upsert. Strapi's schema sync leaves
 * tables it did not create alone; this migration runs before the sync on every database, new or old.
 */
const TABLE = 'coverage_snapshots';

module.exports = {
  async up(knex) {
    if (await knex.schema.hasTable(TABLE)) return;
    await knex.schema.createTable(TABLE, (table) => {
      table.string('day', 10).primary(); // YYYY-MM-DD in the province's time zone
      table.integer('agencies_total').notNullable();
      table.integer('agencies_covered').notNullable();
      table.decimal('agencies_percent', 4, 1).nullable();
      table.integer('policies_in_scope').notNullable();
      table.integer('policies_fully_communicated').notNullable();
      table.decimal('policies_percent', 4, 1).nullable();
      table.timestamp('recorded_at', { useTz: true }).notNullable();
    });
  },

  async down(knex) {
    await knex.schema.dropTableIfExists(TABLE);
  },
};

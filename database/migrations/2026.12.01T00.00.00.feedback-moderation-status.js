'use strict';

/**
 * The feedback's moderation attribute was called `status`, a word Strapi 5 reserves for draft &
 * publish; it is now `moderationStatus` (column `moderation_status`). Strapi runs this before it
 * syncs the schema, so the column is renamed in place and every row keeps its value; without it the
 * sync would drop `status` and add an empty `moderation_status`. The history entries
 * (`components_feedback_status_changes`) are untouched: their own `status` field did not change.
 *
 * A database created after the rename (or with no feedback table yet) has nothing to do.
 */
const TABLE = 'feedbacks';
const OLD_COLUMN = 'status';
const NEW_COLUMN = 'moderation_status';

module.exports = {
  async up(knex) {
    if (!(await knex.schema.hasTable(TABLE))) return;
    const hasOld = await knex.schema.hasColumn(TABLE, OLD_COLUMN);
    if (!hasOld) return;
    const hasNew = await knex.schema.hasColumn(TABLE, NEW_COLUMN);
    if (hasNew) {
      // A half-applied state (the new column added by a sync): keep the stored values, drop the old column.
      await knex(TABLE).whereNull(NEW_COLUMN).update({ [NEW_COLUMN]: knex.ref(OLD_COLUMN) });
      await knex.schema.alterTable(TABLE, (table) => table.dropColumn(OLD_COLUMN));
      return;
    }
    await knex.schema.alterTable(TABLE, (table) => table.renameColumn(OLD_COLUMN, NEW_COLUMN));
  },

  async down() {
    throw new Error('The feedback moderationStatus rename cannot be undone automatically');
  },
};

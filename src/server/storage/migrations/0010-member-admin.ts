import type { Kysely } from 'kysely';
import type { FieldbookMigration } from './migration';

/**
 * Coordinators add people themselves now (docs/decisions/0020-members-and-roles.md). A new account
 * gets a temporary password from the server, which the person must replace at their first sign-in:
 * must_change_password is 1 until they do. Every existing account chose its own password (or was
 * given one by an operator), so it starts at 0. Roles stay text in memberships.role; 'admin' is a
 * new value, not a new column. A new defaulted column only; foreign keys stay on. Frozen once released.
 */
export const memberAdmin: FieldbookMigration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('users')
      .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  },
};

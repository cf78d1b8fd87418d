import type { Kysely } from 'kysely';
import type { FieldbookMigration } from './migration';

/**
 * The quarterly review. action_reviews: one row per action per quarter (RAG override,
 * commentary, remedial action), pulled by the partnership's coordinators. quarter_sign_offs: one
 * row per plan per quarter, pulled by every member, since it locks outcomes dated in the quarter
 * for officers; reopening sets reopened_at rather than deleting the row, so phones pull the change.
 * action_id has no foreign key: a review outlives an action merged away (the report keeps what
 * was said). New tables only; foreign keys stay on. Frozen once released.
 */
export const quarterReviews: FieldbookMigration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('action_reviews')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id'))
      .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id'))
      .addColumn('action_id', 'text', (c) => c.notNull())
      .addColumn('quarter_start', 'text', (c) => c.notNull())
      .addColumn('rag', 'text')
      .addColumn('commentary', 'text', (c) => c.notNull())
      .addColumn('remedial_action', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('version', 'bigint', (c) => c.notNull())
      .addUniqueConstraint('action_reviews_one_per_quarter', ['action_id', 'quarter_start'])
      .execute();
    await db.schema.createIndex('action_reviews_pull').on('action_reviews').columns(['partnership_id', 'version']).execute();
    await db.schema
      .createTable('quarter_sign_offs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id'))
      .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id'))
      .addColumn('quarter_start', 'text', (c) => c.notNull())
      .addColumn('quarter_end', 'text', (c) => c.notNull())
      .addColumn('signed_off_at', 'text', (c) => c.notNull())
      .addColumn('signed_off_by', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('reopened_at', 'text')
      .addColumn('version', 'bigint', (c) => c.notNull())
      .addUniqueConstraint('quarter_sign_offs_one_per_quarter', ['plan_id', 'quarter_start'])
      .execute();
    await db.schema.createIndex('quarter_sign_offs_pull').on('quarter_sign_offs').columns(['partnership_id', 'version']).execute();
  },
};

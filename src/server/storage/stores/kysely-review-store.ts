import type { Transaction } from 'kysely';
import type { Database } from '../schema';
import type { ReviewStore, StoredReview, StoredSignOff } from './review-store';

/** The quarterly review over the caller's transaction. */
export class KyselyReviewStore implements ReviewStore {
  constructor(
    private readonly t: Transaction<Database>,
    private readonly takeVersion: () => Promise<number>,
  ) {}

  async find(actionId: string, quarterStart: string) {
    const r = await this.t
      .selectFrom('action_reviews')
      .selectAll()
      .where('action_id', '=', actionId)
      .where('quarter_start', '=', quarterStart)
      .executeTakeFirst();
    return r && toReview(r);
  }

  async save(review: StoredReview) {
    const row = { ...reviewRow(review), version: await this.takeVersion() };
    const existing = await this.find(review.actionId, review.quarterStart);
    if (existing)
      await this.t
        .updateTable('action_reviews')
        .set({ ...row, id: existing.id })
        .where('id', '=', existing.id)
        .execute();
    else await this.t.insertInto('action_reviews').values(row).execute();
  }

  async findSignOff(planId: string, quarterStart: string) {
    const r = await this.t
      .selectFrom('quarter_sign_offs')
      .selectAll()
      .where('plan_id', '=', planId)
      .where('quarter_start', '=', quarterStart)
      .executeTakeFirst();
    return r && toSignOff(r);
  }

  async listSignOffs(planId: string) {
    const rows = await this.t.selectFrom('quarter_sign_offs').selectAll().where('plan_id', '=', planId).orderBy('quarter_start').execute();
    return rows.map(toSignOff);
  }

  async saveSignOff(s: StoredSignOff) {
    const row = {
      id: s.id,
      partnership_id: s.partnershipId,
      plan_id: s.planId,
      quarter_start: s.quarterStart,
      quarter_end: s.quarterEnd,
      signed_off_at: s.signedOffAt,
      signed_off_by: s.signedOffBy,
      reopened_at: s.reopenedAt,
      version: await this.takeVersion(),
    };
    const existing = await this.findSignOff(s.planId, s.quarterStart);
    if (existing)
      await this.t
        .updateTable('quarter_sign_offs')
        .set({ ...row, id: existing.id })
        .where('id', '=', existing.id)
        .execute();
    else await this.t.insertInto('quarter_sign_offs').values(row).execute();
  }
}

const reviewRow = (r: StoredReview) => ({
  id: r.id,
  partnership_id: r.partnershipId,
  plan_id: r.planId,
  action_id: r.actionId,
  quarter_start: r.quarterStart,
  rag: r.rag,
  commentary: r.commentary,
  remedial_action: r.remedialAction,
  updated_at: r.updatedAt,
  updated_by: r.updatedBy,
});

export function toReview(r: Database['action_reviews']): StoredReview {
  return {
    id: r.id,
    partnershipId: r.partnership_id,
    planId: r.plan_id,
    actionId: r.action_id,
    quarterStart: r.quarter_start,
    rag: r.rag as StoredReview['rag'],
    commentary: r.commentary,
    remedialAction: r.remedial_action,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  };
}

export function toSignOff(r: Database['quarter_sign_offs']): StoredSignOff {
  return {
    id: r.id,
    partnershipId: r.partnership_id,
    planId: r.plan_id,
    quarterStart: r.quarter_start,
    quarterEnd: r.quarter_end,
    signedOffAt: r.signed_off_at,
    signedOffBy: r.signed_off_by,
    reopenedAt: r.reopened_at,
  };
}

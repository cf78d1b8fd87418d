import type { Transaction } from 'kysely';
import type { Database } from '../schema';
import { json } from './plan-rows';
import type { FundReturnStore, StoredFundReturn } from './fund-return-store';

/** Fund returns over the caller's transaction: the document is kept as JSON, one row per plan. */
export class KyselyFundReturnStore implements FundReturnStore {
  constructor(
    private readonly t: Transaction<Database>,
    private readonly takeVersion: () => Promise<number>,
  ) {}

  async find(planId: string) {
    const r = await this.t.selectFrom('fund_returns').selectAll().where('plan_id', '=', planId).executeTakeFirst();
    return r && toFundReturn(r);
  }

  async save(f: Omit<StoredFundReturn, 'version'>) {
    const version = await this.takeVersion();
    const { grantPence, localAuthorityArea, councilContact, policeLead, lines } = f;
    const row = {
      id: f.id,
      partnership_id: f.partnershipId,
      plan_id: f.planId,
      doc_json: json({ grantPence, localAuthorityArea, councilContact, policeLead, lines }),
      updated_at: f.updatedAt,
      updated_by: f.updatedBy,
      version,
    };
    const existing = await this.find(f.planId);
    if (existing)
      await this.t
        .updateTable('fund_returns')
        .set({ ...row, id: existing.id })
        .where('id', '=', existing.id)
        .execute();
    else await this.t.insertInto('fund_returns').values(row).execute();
    return version;
  }
}

export function toFundReturn(r: Database['fund_returns']): StoredFundReturn {
  const doc = JSON.parse(r.doc_json) as Pick<StoredFundReturn, 'grantPence' | 'localAuthorityArea' | 'councilContact' | 'policeLead' | 'lines'>;
  return { id: r.id, partnershipId: r.partnership_id, planId: r.plan_id, ...doc, updatedAt: r.updated_at, updatedBy: r.updated_by, version: Number(r.version) };
}

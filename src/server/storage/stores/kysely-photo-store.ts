import type { Transaction } from 'kysely';
import type { Database } from '../schema';
import type { PhotoRecord, PhotoStore } from './photo-store';

/** Every column but the bytes. */
const PHOTO_COLUMNS = ['id', 'outcome_id', 'partnership_id', 'uploaded_by', 'mime', 'bytes', 'width', 'height', 'sha256', 'uploaded_at'] as const;

/** Photos over the caller's transaction. */
export class KyselyPhotoStore implements PhotoStore {
  constructor(private readonly t: Transaction<Database>) {}

  async insert(p: PhotoRecord & { data: Buffer }) {
    await this.t
      .insertInto('photos')
      .values({
        id: p.id,
        outcome_id: p.outcomeId,
        partnership_id: p.partnershipId,
        uploaded_by: p.uploadedBy,
        mime: p.mime,
        bytes: p.bytes,
        width: p.width,
        height: p.height,
        sha256: p.sha256,
        data: p.data,
        uploaded_at: p.uploadedAt,
      })
      .execute();
  }

  async find(id: string) {
    const r = await this.t.selectFrom('photos').select(PHOTO_COLUMNS).where('id', '=', id).executeTakeFirst();
    return r && toPhoto(r);
  }

  async readData(id: string) {
    const r = await this.t.selectFrom('photos').select('data').where('id', '=', id).executeTakeFirst();
    return r?.data;
  }

  async listOfOutcome(outcomeId: string) {
    const rows = await this.t.selectFrom('photos').select(PHOTO_COLUMNS).where('outcome_id', '=', outcomeId).orderBy('uploaded_at').orderBy('id').execute();
    return rows.map(toPhoto);
  }

  async countOfOutcome(outcomeId: string) {
    const r = await this.t
      .selectFrom('photos')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('outcome_id', '=', outcomeId)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }
}

function toPhoto(r: Omit<Database['photos'], 'data'>): PhotoRecord {
  return {
    id: r.id,
    outcomeId: r.outcome_id,
    partnershipId: r.partnership_id,
    uploadedBy: r.uploaded_by,
    mime: r.mime,
    bytes: Number(r.bytes),
    width: Number(r.width),
    height: Number(r.height),
    sha256: r.sha256,
    uploadedAt: r.uploaded_at,
  };
}

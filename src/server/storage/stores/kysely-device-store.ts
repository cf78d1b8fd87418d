import type { Transaction } from 'kysely';
import type { Database } from '../schema';
import type { DeviceRecord, DeviceStore, RejectionRecord } from './device-store';

/** Devices and their refused mutations over the caller's transaction. */
export class KyselyDeviceStore implements DeviceStore {
  constructor(private readonly t: Transaction<Database>) {}

  async find(deviceId: string) {
    const r = await this.t.selectFrom('devices').selectAll().where('id', '=', deviceId).executeTakeFirst();
    return r && { id: r.id, userId: r.user_id, lastSeq: Number(r.last_seq), createdAt: r.created_at, lastSeenAt: r.last_seen_at };
  }

  async insert(d: DeviceRecord) {
    await this.t
      .insertInto('devices')
      .values({ id: d.id, user_id: d.userId, last_seq: d.lastSeq, created_at: d.createdAt, last_seen_at: d.lastSeenAt })
      .execute();
  }

  async update(deviceId: string, lastSeq: number, lastSeenAt: string) {
    await this.t.updateTable('devices').set({ last_seq: lastSeq, last_seen_at: lastSeenAt }).where('id', '=', deviceId).execute();
  }

  async insertRejection(r: RejectionRecord) {
    await this.t
      .insertInto('sync_rejections')
      .values({
        id: r.id,
        device_id: r.deviceId,
        user_id: r.userId,
        seq: r.seq,
        kind: r.kind,
        code: r.code,
        message: r.message,
        args_json: r.argsJson,
        created_at: r.createdAt,
      })
      .execute();
  }

  async listRejections(deviceId: string) {
    const rows = await this.t.selectFrom('sync_rejections').selectAll().where('device_id', '=', deviceId).orderBy('seq').execute();
    return rows.map(toRejection);
  }
}

function toRejection(r: Database['sync_rejections']): RejectionRecord {
  return {
    id: r.id,
    deviceId: r.device_id,
    userId: r.user_id,
    seq: Number(r.seq),
    kind: r.kind,
    code: r.code,
    message: r.message,
    argsJson: r.args_json,
    createdAt: r.created_at,
  };
}

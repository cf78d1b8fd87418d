import type { FieldbookDb } from '../db/fieldbook-db';
import { isLive } from '../db/local-records';

/** What this phone holds for the signed-in user (Account → This phone). */
export interface DeviceContents {
  plans: number;
  actions: number;
  /** Outcomes shown on this phone (the officer's own and, for coordinators, everyone's). */
  outcomes: number;
  /** Outcomes with a change the server has not confirmed (pending or refused): only here. */
  outcomesWaiting: number;
  photos: number;
  /** Photos not yet uploaded (waiting or refused): only here. */
  photosWaiting: number;
  photoBytes: number;
}

export async function deviceContents(db: FieldbookDb): Promise<DeviceContents> {
  return db.transaction('r', [db.plans, db.actions, db.outcomes, db.photos], async () => {
    const [plans, actions, outcomes, photos] = await Promise.all([
      db.plans.count(),
      db.actions.count(),
      db.outcomes.toArray(),
      // Sizes only: the blobs stay on disk.
      db.photos.toArray().then((rows) => rows.map((p) => ({ bytes: p.bytes, uploaded: p.uploadState === 'uploaded' }))),
    ]);
    return {
      plans,
      actions,
      outcomes: outcomes.filter(isLive).length,
      outcomesWaiting: outcomes.filter((o) => o.syncState !== 'synced').length,
      photos: photos.length,
      photosWaiting: photos.filter((p) => !p.uploaded).length,
      photoBytes: photos.reduce((sum, p) => sum + p.bytes, 0),
    };
  });
}

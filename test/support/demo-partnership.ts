import type { Storage } from '../../src/server/storage/storage';
import { DEMO_PARTNERSHIP } from '../../src/server/seed/demo-seed';

/** The seeded South and Vale partnership's id. */
export async function demoPartnershipId(storage: Storage): Promise<string> {
  const p = await storage.transaction((tx) => tx.plans.findPartnership(DEMO_PARTNERSHIP));
  if (!p) throw new Error('The demo partnership is not seeded');
  return p.id;
}

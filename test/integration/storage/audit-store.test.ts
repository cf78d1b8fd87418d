import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeOnEachDatabase, ISO, errorOf, seeded } from '../../support/storage-contract';

/** tx.audit: append-only, newest first. */
describeOnEachDatabase('the audit store', (db) => {
  it('appends to the audit log and lists it newest first in pages, and the database refuses to change it', async () => {
    const s = await seeded(db.storage);
    const entry = (n: number) => ({
      id: randomUUID(),
      partnershipId: s.partnership.id,
      actorId: s.coordinator.id,
      action: 'plan.changed' as const,
      entityType: 'plan',
      entityId: null,
      at: ISO,
      details: { n, note: 'ünïcode ✓' },
    });
    const entries = [entry(1), entry(2), entry(3)];
    for (const e of entries) await db.storage.transaction((tx) => tx.audit.append(e));
    // The demo seed's own entry comes before these three.
    const all = await db.storage.transaction((tx) => tx.audit.list(s.partnership.id, undefined, 3));
    expect(all.map((e) => e.details)).toEqual([3, 2, 1].map((n) => ({ n, note: 'ünïcode ✓' })));
    expect(all.every((e) => typeof e.seq === 'number' && e.actorName === 'Jo Bennett')).toBe(true);
    const page = await db.storage.transaction((tx) => tx.audit.list(s.partnership.id, all[0]!.seq, 1));
    expect(page.map((e) => e.id)).toEqual([entries[1]!.id]);

    expect((await errorOf(db.rawExec(`update audit_log set action = 'x'`))).message).toMatch(/append-only/);
    expect((await errorOf(db.rawExec(`delete from audit_log`))).message).toMatch(/append-only/);
    expect(await db.storage.transaction((tx) => tx.audit.list(s.partnership.id, undefined, 3))).toEqual(all);
  });
});

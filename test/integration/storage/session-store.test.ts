import { expect, it } from 'vitest';
import { describeOnEachDatabase, ISO, seeded } from '../../support/storage-contract';

/** tx.sessions: sessions and the sign-in throttle. */
describeOnEachDatabase('the session store', (db) => {
  it('keeps sessions in the database: found, touched, ended one at a time or all but one', async () => {
    const s = await seeded(db.storage);
    const session = (tokenHash: string) => ({
      tokenHash,
      userId: s.officer.id,
      createdAt: ISO,
      lastSeenAt: ISO,
      idleExpiresAt: '2026-05-02T10:00:00.000Z',
      absoluteExpiresAt: '2026-05-08T10:00:00.000Z',
    });
    await db.storage.transaction(async (tx) => {
      for (const t of ['a', 'b', 'c']) await tx.sessions.insert(session(t));
    });
    await db.storage.transaction((tx) => tx.sessions.touch('a', '2026-05-01T11:00:00.000Z', '2026-05-02T11:00:00.000Z'), 'touch');
    expect(await db.storage.transaction((tx) => tx.sessions.find('a'))).toEqual({
      ...session('a'),
      lastSeenAt: '2026-05-01T11:00:00.000Z',
      idleExpiresAt: '2026-05-02T11:00:00.000Z',
    });
    await db.storage.transaction((tx) => tx.sessions.delete('b'));
    expect(await db.storage.transaction((tx) => tx.sessions.find('b'))).toBeUndefined();
    await db.storage.transaction(async (tx) => {
      await tx.sessions.insert(session('d'));
      await tx.sessions.deleteAllOfUser(s.officer.id, 'd');
    });
    const left = await db.storage.transaction(async (tx) => Promise.all(['a', 'c', 'd'].map((t) => tx.sessions.find(t))));
    expect(left.map((x) => x?.tokenHash)).toEqual([undefined, undefined, 'd']);
  });

  it("keeps sign-in throttle counters, replacing a key's row when saved again", async () => {
    const first = { key: 'account:officer@southandvale.example', failures: 1, windowStartedAt: ISO, blockedUntil: null };
    const later = { ...first, failures: 5, blockedUntil: '2026-05-01T10:15:00.000Z' };
    await db.storage.transaction((tx) => tx.sessions.saveThrottle(first));
    await db.storage.transaction((tx) => tx.sessions.saveThrottle(later));
    expect(await db.storage.transaction((tx) => tx.sessions.findThrottle(first.key))).toEqual(later);
    await db.storage.transaction((tx) => tx.sessions.deleteThrottle(first.key));
    expect(await db.storage.transaction((tx) => tx.sessions.findThrottle(first.key))).toBeUndefined();
  });
});

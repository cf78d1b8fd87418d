import { describe, expect, it } from 'vitest';
import {
  auditOf,
  coordinator,
  fieldsOf,
  officer,
  other,
  outsider,
  placeInput,
  pullAll,
  push,
  servePlaceRegisters,
  storedPlace,
  today,
} from '../support/place-registers';
import { addDays } from '../../src/domain/primitives';

/**
 * Place registers over the real server: places pushed from a phone as place.create / place.update
 * mutations, and pulled by every member of the partnership and nobody else.
 */
servePlaceRegisters();

describe('place registers', () => {
  it('stores a place added on a phone, and every member of the partnership pulls it, nobody else', async () => {
    const input = placeInput();
    expect(await push(officer, { kind: 'place.create', args: input })).toEqual([{ seq: 1, status: 'applied' }]);

    const stored = await storedPlace(input.id);
    expect(stored).toEqual({ ...input, createdBy: officer.user.id, updatedAt: expect.any(String), version: expect.any(Number) });
    // The officer who added it, and the coordinator of the same partnership.
    expect((await pullAll(officer)).places).toContainEqual(stored);
    expect((await pullAll(coordinator)).places).toContainEqual(stored);
    // Someone in another partnership never receives it.
    expect((await pullAll(outsider)).places.map((p) => p.id)).not.toContain(input.id);

    // The audit log says who added which kind of place where; nothing more.
    const [entry, ...more] = await auditOf(input.id);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ action: 'place.created', actorId: officer.user.id, entityType: 'place', details: { kind: 'safe-place', town: 'Didcot' } });
    expect(Object.keys(entry!.details).sort()).toEqual(['kind', 'town']);
  });

  it('treats the same place sent again as already there, and refuses a different one under its id', async () => {
    const input = placeInput({ name: 'Wantage Library', town: 'Wantage' });
    await push(officer, { kind: 'place.create', args: input });
    const stored = await storedPlace(input.id);

    // The phone's database was rebuilt after the push landed: the same place comes back under new numbers.
    expect(await push(officer, { kind: 'place.create', args: input })).toEqual([{ seq: 1, status: 'applied' }]);
    expect(await storedPlace(input.id)).toEqual(stored);
    expect(await auditOf(input.id)).toHaveLength(1);

    const [collision] = await push(officer, { kind: 'place.create', args: { ...input, name: 'Somewhere else' } });
    expect(collision).toMatchObject({ status: 'rejected', code: 'conflict' });
    expect(await storedPlace(input.id)).toEqual(stored);
  });

  it('refuses a place in, or a change to a place of, a partnership the user is not in', async () => {
    const [intoOther] = await push(officer, { kind: 'place.create', args: placeInput({ partnershipId: other.partnershipId }) });
    expect(intoOther).toMatchObject({ status: 'rejected', code: 'not-found' });
    const [intoNowhere] = await push(officer, { kind: 'place.create', args: placeInput({ partnershipId: crypto.randomUUID() }) });
    expect(intoNowhere).toMatchObject({ status: 'rejected', code: 'not-found' });

    const ours = placeInput();
    await push(officer, { kind: 'place.create', args: ours });
    const before = await storedPlace(ours.id);
    const [theirChange] = await push(outsider, { kind: 'place.update', args: { id: ours.id, baseVersion: before!.version, changes: { status: 'closed' } } });
    expect(theirChange).toMatchObject({ status: 'rejected', code: 'not-found' });
    expect(await storedPlace(ours.id)).toEqual(before);
  });

  it('changes only the fields a change names, whichever member makes it, and the last to arrive wins a field', async () => {
    const input = placeInput({ name: 'The Crown', kind: 'licensed-premises', town: 'Thame', address: null, point: null });
    await push(officer, { kind: 'place.create', args: input });
    const created = (await storedPlace(input.id))!;
    const { cursor } = await pullAll(officer);

    // The coordinator records that it withdrew and adds its address, both from the version they saw.
    expect(
      await push(coordinator, {
        kind: 'place.update',
        args: { id: input.id, baseVersion: created.version, changes: { status: 'withdrawn', address: '2 High Street, Thame' } },
      }),
    ).toEqual([{ seq: 1, status: 'applied' }]);
    // The officer, from the same old version, renames it and sets its status too: theirs arrives last.
    expect(
      await push(officer, { kind: 'place.update', args: { id: input.id, baseVersion: created.version, changes: { name: 'The Crown Inn', status: 'closed' } } }),
    ).toEqual([{ seq: 1, status: 'applied' }]);

    const changed = (await storedPlace(input.id))!;
    expect(changed).toEqual({
      ...created,
      name: 'The Crown Inn',
      address: '2 High Street, Thame',
      status: 'closed',
      version: expect.any(Number),
      updatedAt: expect.any(String),
    });
    expect(changed.version).toBeGreaterThan(created.version);
    expect(changed.createdBy).toBe(officer.user.id);
    // The officer's phone pulls the place again, as it now is.
    expect((await pullAll(officer, cursor)).places.filter((p) => p.id === input.id)).toEqual([changed]);

    // A change to what it already is changes nothing, not even the version.
    expect(await push(officer, { kind: 'place.update', args: { id: input.id, baseVersion: changed.version, changes: { name: 'The Crown Inn' } } })).toEqual([
      { seq: 1, status: 'applied' },
    ]);
    expect(await storedPlace(input.id)).toEqual(changed);

    const audit = await auditOf(input.id);
    expect(audit.map((e) => [e.action, e.details])).toEqual([
      ['place.changed', { fields: ['name', 'status'] }],
      ['place.changed', { fields: ['address', 'status'] }],
      ['place.created', { kind: 'licensed-premises', town: 'Thame' }],
    ]);
    expect(audit.map((e) => e.actorId)).toEqual([officer.user.id, coordinator.user.id, officer.user.id]);
  });

  it('refuses a change to a place that does not exist', async () => {
    const [missing] = await push(officer, { kind: 'place.update', args: { id: crypto.randomUUID(), baseVersion: 1, changes: { status: 'closed' } } });
    expect(missing).toMatchObject({ status: 'rejected', code: 'not-found' });
  });

  it('refuses an invalid place or change, naming the field', async () => {
    const existing = placeInput();
    await push(officer, { kind: 'place.create', args: existing });
    const results = await push(
      officer,
      { kind: 'place.create', args: { ...placeInput(), kind: 'home' } },
      { kind: 'place.create', args: placeInput({ joinedOn: addDays(today(), 3) }) },
      { kind: 'place.create', args: placeInput({ joinedOn: '1999-12-31' }) },
      { kind: 'place.create', args: { ...placeInput(), name: '', point: { lat: 91, lng: 0, accuracyM: 5 } } },
      { kind: 'place.create', args: { ...placeInput(), createdBy: officer.user.id } },
      { kind: 'place.update', args: { id: existing.id, baseVersion: 1, changes: { status: 'gone' } } },
      { kind: 'place.update', args: { id: existing.id, baseVersion: 1, changes: { kind: 'hotel-watch' } } },
      { kind: 'place.update', args: { id: existing.id, baseVersion: 1, changes: {} } },
    );
    expect(results.map((r) => r.status === 'rejected' && r.code)).toEqual(Array(8).fill('invalid'));
    const [home, future, tooOld, nameAndPoint, serverField, badStatus, kindChange] = results;
    expect(fieldsOf(home)).toEqual(['kind']);
    expect(fieldsOf(future)).toEqual(['joinedOn']);
    expect(fieldsOf(tooOld)).toEqual(['joinedOn']);
    expect(fieldsOf(nameAndPoint)).toEqual(['name', 'point.lat']);
    // A field only the server sets, and a change to a field that cannot change: refused as unknown keys.
    expect(serverField?.status === 'rejected' && serverField.fieldErrors).toEqual([{ path: '(body)', message: expect.stringMatching(/createdBy/) }]);
    expect(fieldsOf(badStatus)).toEqual(['changes.status']);
    expect(kindChange?.status === 'rejected' && kindChange.fieldErrors).toContainEqual({ path: 'changes', message: expect.stringMatching(/kind/) });
    expect(await storedPlace(existing.id)).toMatchObject({ kind: 'safe-place', status: 'active' });
  });
});

import { describe, it, expect } from 'vitest';
import { OutcomeInput, OutcomeChanges, checkOutcomeAgainstPlan, sameFieldValue, NOTES_MAX } from '../../../src/domain/outcome';
import type { MeasureTally } from '../../../src/domain/tally/rule';

const ACTION_ID = '6f1c7a52-3b0e-4d8a-9c1e-2a5b7d9e0f11';

const good: OutcomeInput = {
  id: '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d',
  actionId: ACTION_ID,
  type: 'training-session',
  details: { topic: 'hate-crime', audience: 'housing-providers', attendees: 14, format: 'face-to-face' },
  occurredOn: '2026-03-10',
  town: 'Abingdon',
  location: null,
  placeId: null,
  notes: 'Session for Soha staff',
  recordedAt: '2026-03-10T14:05:00Z',
};

function issuesFor(patch: Partial<Record<keyof OutcomeInput, unknown>>) {
  const r = OutcomeInput.safeParse({ ...good, ...patch });
  expect(r.success).toBe(false);
  return r.error!.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

describe('OutcomeInput', () => {
  it('accepts a well-formed outcome', () => {
    expect(OutcomeInput.safeParse(good)).toEqual({ success: true, data: good });
  });

  it('accepts a null (district-wide) town and a location', () => {
    expect(OutcomeInput.safeParse({ ...good, town: null, location: { lat: 51.6, lng: -1.24, accuracyM: 12 } }).success).toBe(true);
  });

  it('refuses a type that is not in the catalogue', () => {
    expect(issuesFor({ type: 'victim-record' })).toEqual([{ path: 'type', message: 'Choose what kind of outcome this is' }]);
  });

  it('refuses the fields outcomes had before types, and any other unknown field', () => {
    expect(issuesFor({ quantity: 3 } as never).map((i) => i.path)).toEqual(['']);
    expect(OutcomeInput.safeParse({ ...good, measureId: ACTION_ID }).success).toBe(false);
  });

  it('refuses a location off the globe or with negative accuracy', () => {
    expect(issuesFor({ location: { lat: 91, lng: 0, accuracyM: 5 } }).map((i) => i.path)).toEqual(['location.lat']);
    expect(issuesFor({ location: { lat: 51, lng: 0, accuracyM: -1 } }).map((i) => i.path)).toEqual(['location.accuracyM']);
  });

  it('bounds the details map: keys must be short names, values plain', () => {
    expect(issuesFor({ details: { 'a.b': 1 } }).map((i) => i.path)).toEqual(['details.a.b']);
    expect(OutcomeInput.safeParse({ ...good, details: { topic: { nested: true } } }).success).toBe(false);
    const many = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, i]));
    expect(OutcomeInput.safeParse({ ...good, details: many }).success).toBe(false);
  });

  it('rejects an id that is not a UUID', () => {
    expect(issuesFor({ id: 'outcome-1' })).toEqual([{ path: 'id', message: 'Must be a UUID' }]);
  });

  it('rejects a date that is not a real YYYY-MM-DD date', () => {
    expect(issuesFor({ occurredOn: '2026-02-30' })).toEqual([{ path: 'occurredOn', message: 'Must be a date in the form YYYY-MM-DD' }]);
    expect(issuesFor({ occurredOn: '10/03/2026' })).toEqual([{ path: 'occurredOn', message: 'Must be a date in the form YYYY-MM-DD' }]);
  });

  it('refuses a town of ten thousand characters', () => {
    expect(issuesFor({ town: 'x'.repeat(10_000) })).toEqual([{ path: 'town', message: 'Must be 80 characters or fewer' }]);
  });

  it('accepts notes of exactly 2000 characters and rejects 2001', () => {
    expect(OutcomeInput.safeParse({ ...good, notes: 'x'.repeat(NOTES_MAX) }).success).toBe(true);
    expect(issuesFor({ notes: 'x'.repeat(NOTES_MAX + 1) })).toEqual([{ path: 'notes', message: 'Must be 2000 characters or fewer' }]);
  });
});

describe('OutcomeChanges', () => {
  it('may change details, date, town, location and notes, but never the type or action', () => {
    expect(OutcomeChanges.safeParse({ details: { quantity: 2 } }).success).toBe(true);
    expect(OutcomeChanges.safeParse({ type: 'meeting' }).success).toBe(false);
    expect(OutcomeChanges.safeParse({ actionId: ACTION_ID }).success).toBe(false);
    expect(OutcomeChanges.safeParse({}).success).toBe(false);
  });
});

describe('sameFieldValue', () => {
  it('compares details by content, whatever the key order', () => {
    expect(sameFieldValue({ a: 1, b: 'x' }, { b: 'x', a: 1 })).toBe(true);
    expect(sameFieldValue({ a: 1 }, { a: 2 })).toBe(false);
    expect(sameFieldValue(null, null)).toBe(true);
    expect(sameFieldValue(null, { lat: 1 })).toBe(false);
  });
});

describe('checkOutcomeAgainstPlan', () => {
  const TODAY = '2026-03-10';
  const hateCrimeTraining: { tally: MeasureTally } = {
    tally: { outcomeType: 'training-session', where: { field: 'topic', in: ['hate-crime'] }, figures: [{ kind: 'count', label: 'sessions' }], target: 2 },
  };
  const centres: { tally: MeasureTally } = {
    tally: {
      outcomeType: 'place-joined',
      where: { field: 'scheme', in: ['hate-crime-reporting-centre'] },
      figures: [{ kind: 'count', label: 'centres' }],
      target: null,
    },
  };
  const measures = [hateCrimeTraining, centres];
  const fields = (problems: { field: string }[]) => problems.map((p) => p.field);

  it('finds nothing wrong with a valid outcome that a measure counts', () => {
    expect(checkOutcomeAgainstPlan(good, measures, TODAY, null)).toEqual([]);
  });

  it('refuses a type none of the action’s measures counts', () => {
    const meeting = { ...good, type: 'meeting' as const, details: { meeting: 'jtm' } };
    expect(checkOutcomeAgainstPlan(meeting, measures, TODAY, null)).toEqual([{ field: 'type', message: 'This action does not count meeting outcomes' }]);
  });

  it('refuses a valid outcome that no measure counts, naming the answer that decides', () => {
    const modernSlavery = { ...good, details: { ...good.details, topic: 'modern-slavery' } };
    expect(fields(checkOutcomeAgainstPlan(modernSlavery, measures, TODAY, null))).toEqual(['details.topic']);
  });

  it('refuses impossible details with the field named', () => {
    expect(checkOutcomeAgainstPlan({ ...good, details: { ...good.details, attendees: -3 } }, measures, TODAY, null)).toEqual([
      { field: 'details.attendees', message: 'Number of attendees: must be 1 or more' },
    ]);
  });

  it('refuses a location on a type that could locate someone’s home', () => {
    const sanction = {
      ...good,
      type: 'asb-sanction' as const,
      details: { sanction: 'cpw', issuedBy: 'council', behaviour: 'noise' },
      location: { lat: 51.6, lng: -1.2, accuracyM: 8 },
    };
    const sanctions = [{ tally: { outcomeType: 'asb-sanction', where: null, figures: [{ kind: 'count', label: 'issued' }], target: null } as MeasureTally }];
    expect(fields(checkOutcomeAgainstPlan(sanction, sanctions, TODAY, null))).toEqual(['location']);
    expect(checkOutcomeAgainstPlan({ ...sanction, location: null }, sanctions, TODAY, null)).toEqual([]);
  });

  it('allows a location on a training session', () => {
    expect(checkOutcomeAgainstPlan({ ...good, location: { lat: 51.6, lng: -1.2, accuracyM: 8 } }, measures, TODAY, null)).toEqual([]);
  });

  it('allows a date one day after today (devices either side of midnight)', () => {
    expect(checkOutcomeAgainstPlan({ ...good, occurredOn: '2026-03-11' }, measures, TODAY, null)).toEqual([]);
  });

  it('refuses a date two days after today', () => {
    const problems = checkOutcomeAgainstPlan({ ...good, occurredOn: '2026-03-12' }, measures, TODAY, null);
    expect(problems).toEqual([{ field: 'occurredOn', message: 'Date must be today or in the past' }]);
  });

  it('handles the one-day slack across a month end', () => {
    expect(checkOutcomeAgainstPlan({ ...good, occurredOn: '2026-03-01' }, measures, '2026-02-28', null)).toEqual([]);
    expect(fields(checkOutcomeAgainstPlan({ ...good, occurredOn: '2026-03-02' }, measures, '2026-02-28', null))).toEqual(['occurredOn']);
  });

  it('refuses a date before 2000-01-01 and allows that day itself', () => {
    expect(fields(checkOutcomeAgainstPlan({ ...good, occurredOn: '1999-12-31' }, measures, TODAY, null))).toEqual(['occurredOn']);
    expect(checkOutcomeAgainstPlan({ ...good, occurredOn: '2000-01-01' }, measures, TODAY, null)).toEqual([]);
  });

  it('reports a detail problem and a date problem together', () => {
    const problems = checkOutcomeAgainstPlan({ ...good, details: { topic: 'hate-crime' }, occurredOn: '2030-01-01' }, measures, TODAY, null);
    expect(fields(problems)).toEqual(['details.audience', 'details.attendees', 'details.format', 'occurredOn']);
  });
});

describe('checkOutcomeAgainstPlan, places', () => {
  const visits = [{ tally: { outcomeType: 'safe-place-visit', where: null, figures: [{ kind: 'count', label: 'visits' }], target: null } as MeasureTally }];
  const visit = { ...good, type: 'safe-place-visit' as const, details: { stickerShown: true, trainedStaff: 'one', result: 'compliant' } };
  const PLACE = '3b2a1f0e-9d8c-4b7a-8f6e-5d4c3b2a1f0e';

  it('a visit needs a place, from the Safe Places register, that exists', () => {
    expect(checkOutcomeAgainstPlan(visit, visits, '2026-03-10', null)).toEqual([{ field: 'placeId', message: 'Choose the place' }]);
    expect(checkOutcomeAgainstPlan({ ...visit, placeId: PLACE }, visits, '2026-03-10', 'missing')).toEqual([
      { field: 'placeId', message: 'That place is not in the register' },
    ]);
    expect(checkOutcomeAgainstPlan({ ...visit, placeId: PLACE }, visits, '2026-03-10', { kind: 'hotel-watch' })).toEqual([
      { field: 'placeId', message: 'That place is not in the Safe Place register' },
    ]);
    expect(checkOutcomeAgainstPlan({ ...visit, placeId: PLACE }, visits, '2026-03-10', { kind: 'safe-place' })).toEqual([]);
  });

  it('a type that does not attach to a place refuses one', () => {
    expect(
      checkOutcomeAgainstPlan(
        { ...good, placeId: PLACE },
        [{ tally: { outcomeType: 'training-session', where: null, figures: [{ kind: 'count', label: 's' }], target: null } }],
        '2026-03-10',
        { kind: 'safe-place' },
      ),
    ).toEqual([{ field: 'placeId', message: 'A training session is not logged against a place' }]);
  });
});

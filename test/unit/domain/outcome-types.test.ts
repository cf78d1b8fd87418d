import { describe, it, expect } from 'vitest';
import { OUTCOME_TYPES, OUTCOME_TYPE_IDS, outcomeType } from '../../../src/domain/outcome-types/catalogue';
import { checkOutcomeDetails } from '../../../src/domain/outcome-types/check-details';
import { summariseOutcome } from '../../../src/domain/outcome-types/summary';
import { sampleDetails } from '../../support/outcomes';

const fields = (problems: { field: string }[]) => problems.map((p) => p.field);

describe('the outcome-type catalogue', () => {
  it('lists every type id once, with unique field keys and option values', () => {
    expect(OUTCOME_TYPES.map((t) => t.id)).toEqual([...OUTCOME_TYPE_IDS]);
    for (const t of OUTCOME_TYPES) {
      const keys = t.fields.map((f) => f.key);
      expect(new Set(keys).size, t.id).toBe(keys.length);
      for (const f of t.fields) {
        if (f.kind === 'choice') expect(new Set(f.options.map((o) => o.value)).size, `${t.id}.${f.key}`).toBe(f.options.length);
        if (f.showWhen) expect(keys, `${t.id}.${f.key} depends on a field of its type`).toContain(f.showWhen.field);
      }
    }
  });

  it('has no field that asks for a person’s name or address', () => {
    for (const t of OUTCOME_TYPES) {
      for (const f of t.fields) expect(`${f.key} ${f.label}`, `${t.id}.${f.key}`).not.toMatch(/name|address|date of birth|victim|offender|resident|client/i);
    }
  });

  it('offers location only for public places and events, never for sanctions, referrals or works', () => {
    const withLocation = OUTCOME_TYPES.filter((t) => t.allowsLocation).map((t) => t.id);
    expect(withLocation).toEqual(['place-joined', 'safe-place-visit', 'training-session', 'engagement-event', 'enforcement-operation']);
  });
});

describe('checkOutcomeDetails, for every type', () => {
  for (const id of OUTCOME_TYPE_IDS) {
    describe(id, () => {
      const type = outcomeType(id);
      const valid = sampleDetails(id);

      it('accepts the required fields answered', () => {
        expect(checkOutcomeDetails(id, valid)).toEqual([]);
      });

      it('asks for each required field that is missing, by name', () => {
        for (const f of type.fields.filter((f) => f.required === true)) {
          const without = { ...valid };
          delete without[f.key];
          expect(fields(checkOutcomeDetails(id, without)), f.key).toEqual([`details.${f.key}`]);
        }
      });

      it('refuses a detail the type does not have', () => {
        expect(checkOutcomeDetails(id, { ...valid, victimName: 'x' })).toEqual([
          { field: 'details.victimName', message: `${type.label} has no detail called “victimName”` },
        ]);
      });

      for (const f of type.fields) {
        it(`refuses a wrong ${f.kind} for ${f.key}`, () => {
          const wrong = f.kind === 'yes-no' ? 'yes' : f.kind === 'short-text' ? 42 : f.kind === 'choice' ? 'not-an-option' : -1;
          const problems = checkOutcomeDetails(id, { ...valid, ...(f.showWhen && { [f.showWhen.field]: f.showWhen.in[0]! }), [f.key]: wrong });
          expect(fields(problems)).toContain(`details.${f.key}`);
        });
      }
    });
  }
});

describe('checkOutcomeDetails, bounds and conditions', () => {
  const training = sampleDetails('training-session');

  it('refuses negative or fractional attendees and more than 10,000', () => {
    expect(checkOutcomeDetails('training-session', { ...training, attendees: -1 })).toEqual([
      { field: 'details.attendees', message: 'Number of attendees: must be 1 or more' },
    ]);
    expect(fields(checkOutcomeDetails('training-session', { ...training, attendees: 2.5 }))).toEqual(['details.attendees']);
    expect(checkOutcomeDetails('training-session', { ...training, attendees: 10_001 })).toEqual([
      { field: 'details.attendees', message: 'Number of attendees: must be 10,000 or fewer' },
    ]);
  });

  it('asks for the breach action only on a CPN breach', () => {
    const cpw = { sanction: 'cpw', issuedBy: 'council', behaviour: 'noise' };
    expect(checkOutcomeDetails('asb-sanction', cpw)).toEqual([]);
    expect(checkOutcomeDetails('asb-sanction', { ...cpw, sanction: 'cpn-breach' })).toEqual([
      { field: 'details.breachAction', message: 'Action taken on the breach: choose an answer' },
    ]);
    expect(checkOutcomeDetails('asb-sanction', { ...cpw, sanction: 'cpn-breach', breachAction: 'prosecution' })).toEqual([]);
  });

  it('refuses an answer to a question that does not apply (a penalty on a warning)', () => {
    expect(fields(checkOutcomeDetails('asb-sanction', { sanction: 'cpw', issuedBy: 'council', behaviour: 'noise', fpnAmount: 10_000 }))).toEqual([
      'details.fpnAmount',
    ]);
  });

  it('caps a fixed penalty at £500 (the most the pending bill would allow)', () => {
    const fpn = { sanction: 'fpn', issuedBy: 'council', behaviour: 'waste' };
    expect(checkOutcomeDetails('asb-sanction', { ...fpn, fpnAmount: 10_000 })).toEqual([]);
    expect(checkOutcomeDetails('asb-sanction', { ...fpn, fpnAmount: 50_001 })).toEqual([
      { field: 'details.fpnAmount', message: 'Penalty amount: must be £500 or less' },
    ]);
  });

  it('trims short text and refuses it empty or too long', () => {
    expect(fields(checkOutcomeDetails('milestone', { milestone: '   ', stage: 'agreed' }))).toEqual(['details.milestone']);
    expect(fields(checkOutcomeDetails('milestone', { milestone: 'x'.repeat(201), stage: 'agreed' }))).toEqual(['details.milestone']);
  });
});

describe('summariseOutcome', () => {
  it('says what the outcome was in one line', () => {
    expect(summariseOutcome('training-session', { topic: 'hate-crime', audience: 'housing-providers', attendees: 14, format: 'face-to-face' })).toBe(
      'Training session · Hate crime · Housing providers (RSLs) · 14 attendees',
    );
    expect(summariseOutcome('referral', { referralKind: 'sanctuary-works', cost: 125_050 })).toBe('Referral or works · Sanctuary works · £1,250.50');
    expect(summariseOutcome('activity', { quantity: 3 })).toBe('Other activity · 3');
  });
});

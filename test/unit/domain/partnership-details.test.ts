import { describe, expect, it } from 'vitest';
import { z } from '../../../src/domain/zod';
import { toFieldErrors } from '../../../src/domain/api-error';
import { PartnershipDetailsUpdate, protectiveMarkingLine, withMarkingRow } from '../../../src/domain/partnership-details';

const valid = {
  name: 'Cherwell CSP',
  protectiveMarking: 'OFFICIAL',
  contactEmail: 'csp@cherwell.example',
  contactPhone: '',
  dataController: 'Cherwell District Council',
};
const problems = (patch: Partial<typeof valid>) => {
  const r = z.safeParse(PartnershipDetailsUpdate, { ...valid, ...patch });
  return r.success ? [] : toFieldErrors(r.error.issues).map((f) => `${f.path}: ${f.message}`);
};

describe('what prints on reports', () => {
  it('takes a full name, a contact email and a data controller; the marking and phone may be empty', () => {
    expect(problems({})).toEqual([]);
    expect(problems({ protectiveMarking: '', contactPhone: '' })).toEqual([]);
    expect(problems({ contactPhone: '+44 (0)1295 227001' })).toEqual([]);
    expect(z.parse(PartnershipDetailsUpdate, { ...valid, name: '  Cherwell CSP ', contactEmail: 'CSP@Cherwell.Example' })).toMatchObject({
      name: 'Cherwell CSP',
      contactEmail: 'csp@cherwell.example',
    });
  });

  it('names the field for an empty name, control characters, a bad email or phone', () => {
    expect(problems({ name: ' ' })).toEqual(['name: Enter the partnership’s full name']);
    expect(problems({ name: 'Cherwell\tCSP' })).toEqual([expect.stringMatching(/^name: .*control characters/)]);
    expect(problems({ name: 'Cherwell\u0085CSP' })).toEqual([expect.stringMatching(/^name: .*control characters/)]);
    expect(problems({ protectiveMarking: 'OFFICIAL\r\nSECRET' })).toEqual([expect.stringMatching(/^protectiveMarking: .*control characters/)]);
    expect(problems({ contactEmail: 'csp at cherwell' })).toEqual([expect.stringMatching(/^contactEmail: .*correct format/)]);
    expect(problems({ contactPhone: 'ring the office' })).toEqual([expect.stringMatching(/^contactPhone: .*digits/)]);
    expect(problems({ dataController: '' })).toEqual(['dataController: Enter the data controller']);
    expect(problems({ name: 'x'.repeat(201) })).toEqual([expect.stringMatching(/^name: .*200 characters or fewer/)]);
  });

  it('writes one marking line, OFFICIAL where none was ever set, none when set empty', () => {
    expect(protectiveMarkingLine({ protectiveMarking: ' OFFICIAL-SENSITIVE ' })).toBe('OFFICIAL-SENSITIVE');
    expect(protectiveMarkingLine(undefined)).toBe('OFFICIAL');
    expect(protectiveMarkingLine({ protectiveMarking: '' })).toBeNull();
    expect(withMarkingRow({ protectiveMarking: 'OFFICIAL' }, [['a', 1]])).toEqual([['OFFICIAL'], ['a', 1]]);
    expect(withMarkingRow({ protectiveMarking: '' }, [['a', 1]])).toEqual([['a', 1]]);
  });
});

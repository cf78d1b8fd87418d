import { describe, it, expect } from 'vitest';
import { suggestTally } from '../../../src/domain/tally-rule';

// Measure wordings from fixtures/plans/south-and-vale-2018-19.csv.
describe('suggestTally', () => {
  it.each([
    ['number of CPNs issued', 'CPNs issued'],
    ['number of Community Protection Notice (CPN) warnings issued', 'Community Protection Notice (CPN) warnings issued'],
    ['number of Service Provider ASB sanctions - tenancy cautions, Acceptable Behaviour Contracts (ABCs)', 'Service Provider ASB sanctions'],
    ['number of cases, age of clients, location, relationship to perpetrator', 'cases'],
    ['number and location of hate crime reporting centres', 'hate crime reporting centres'],
    ['number of training sessions held, number of attendees and location', 'training sessions held'],
    ['  Number of CPNs breached and action taken  ', 'CPNs breached and action taken'],
  ])('"%s" sums %s', (text, unit) => {
    expect(suggestTally(text)).toEqual({ kind: 'sum', unit });
  });

  it.each([
    ['two training sessions held, number of attendees and location', 'attendees'],
    ['two workshops piloted including number of attendees', 'attendees'],
  ])('"%s" sums the %s it mentions', (text, unit) => {
    expect(suggestTally(text)).toEqual({ kind: 'sum', unit });
  });

  it.each([
    'draft procedure considered and adopted',
    'meetings with service providers held',
    'standing agenda item on JTM',
    'average waiting time for service users',
  ])('"%s" counts each outcome once', (text) => {
    expect(suggestTally(text)).toEqual({ kind: 'count' });
  });
});

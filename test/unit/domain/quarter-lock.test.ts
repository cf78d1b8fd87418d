import { describe, expect, it } from 'vitest';
import { findQuarterLock } from '../../../src/domain/quarter-lock';
import type { Role } from '../../../src/domain/user';

// The quarter lock, stated once for the phone and the server.

const planId = 'plan-1';
const Q2 = { id: 'q2', planId, quarterStart: '2018-07-01', quarterEnd: '2018-09-30', reopenedAt: null as string | null };
const plan = { planId, signOffs: [Q2] };
const as = (role: Role, partnershipId = 'p-1') => [{ partnershipId, role }];
const inQ2 = { partnershipId: 'p-1', occurredOn: '2018-08-14' };
const inQ3 = { partnershipId: 'p-1', occurredOn: '2018-10-02' };

describe('the quarter lock', () => {
  it('locks an officer out of an outcome dated in a signed-off quarter', () => {
    expect(findQuarterLock({ memberships: as('officer'), outcome: inQ2 }, plan)).toEqual({ signOff: Q2, day: 'occurredOn' });
  });

  it('locks a move into a signed-off quarter, and nothing outside one', () => {
    expect(findQuarterLock({ memberships: as('officer'), outcome: inQ3, newOccurredOn: '2018-09-30' }, plan)).toEqual({ signOff: Q2, day: 'newOccurredOn' });
    expect(findQuarterLock({ memberships: as('officer'), outcome: inQ3, newOccurredOn: '2018-10-01' }, plan)).toBeUndefined();
  });

  it('spares the partnership’s coordinators and administrators, not another partnership’s', () => {
    expect(findQuarterLock({ memberships: as('coordinator'), outcome: inQ2 }, plan)).toBeUndefined();
    expect(findQuarterLock({ memberships: as('admin'), outcome: inQ2 }, plan)).toBeUndefined();
    expect(findQuarterLock({ memberships: [...as('coordinator', 'p-2'), ...as('officer')], outcome: inQ2 }, plan)).toBeDefined();
  });

  it('locks nothing once the quarter is reopened, or when the action has left the plan', () => {
    expect(
      findQuarterLock({ memberships: as('officer'), outcome: inQ2 }, { planId, signOffs: [{ ...Q2, reopenedAt: '2018-10-09T10:00:00.000Z' }] }),
    ).toBeUndefined();
    expect(findQuarterLock({ memberships: as('officer'), outcome: inQ2 }, undefined)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { hasCoordinatorRights, isCoordinator, mayGrantRole, mayReadReports, mayWrite, ROLES } from '../../../src/domain/roles';
import { Role } from '../../../src/domain/user';

// The role rules every check asks, on the phone and on the server (decision 42 for the viewer).

describe('the roles', () => {
  it('are offered least to most rights, a viewer first, and every role is offered', () => {
    expect(ROLES).toEqual(['viewer', 'officer', 'coordinator', 'admin']);
    expect([...ROLES].sort()).toEqual([...Role.options].sort());
  });
});

describe('a viewer', () => {
  it('may change nothing; everyone else may write', () => {
    expect(ROLES.filter(mayWrite)).toEqual(['officer', 'coordinator', 'admin']);
  });

  it('reads the partnership’s reports as coordinators do; an officer does not', () => {
    expect(ROLES.filter(mayReadReports)).toEqual(['viewer', 'coordinator', 'admin']);
  });

  it('has no coordinator rights: not the team, the audit log or the plan’s editing', () => {
    expect(hasCoordinatorRights('viewer')).toBe(false);
    expect(isCoordinator({ memberships: [{ role: 'viewer' }] })).toBe(false);
  });

  it('grants no role, and is granted and taken away by any coordinator', () => {
    expect(ROLES.some((to) => mayGrantRole('viewer', undefined, to))).toBe(false);
    expect(mayGrantRole('coordinator', undefined, 'viewer')).toBe(true);
    expect(mayGrantRole('coordinator', 'viewer', 'officer')).toBe(true);
    expect(mayGrantRole('coordinator', 'viewer', 'admin')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { mayChangeOutcome, mayReadPrivateFields, type Viewer } from '../../../src/domain/outcome-access';
import type { Role } from '../../../src/domain/user';

// Who may read an outcome's notes and photos, and change it: stated once for the pull, the photo
// routes, the server's mutations and the phone's "Change" button.

const outcome = { authorId: 'sam', partnershipId: 'south-and-vale' };
const viewer = (id: string, role: Role, partnershipId = 'south-and-vale'): Viewer => ({ id, memberships: [{ partnershipId, role }] });

describe('an outcome’s private fields (notes, photos)', () => {
  it('are read by the officer who logged it', () => {
    expect(mayReadPrivateFields(viewer('sam', 'officer'), outcome)).toBe(true);
  });

  it('are read by the coordinators and administrators of its partnership', () => {
    expect(mayReadPrivateFields(viewer('jo', 'coordinator'), outcome)).toBe(true);
    expect(mayReadPrivateFields(viewer('ash', 'admin'), outcome)).toBe(true);
  });

  it('are not read by another officer of the same partnership', () => {
    expect(mayReadPrivateFields(viewer('lee', 'officer'), outcome)).toBe(false);
  });

  it('are not read by a coordinator of another partnership, even one who is an officer here', () => {
    expect(mayReadPrivateFields(viewer('kim', 'coordinator', 'cherwell'), outcome)).toBe(false);
    const both: Viewer = {
      id: 'kim',
      memberships: [
        { partnershipId: 'cherwell', role: 'coordinator' },
        { partnershipId: 'south-and-vale', role: 'officer' },
      ],
    };
    expect(mayReadPrivateFields(both, outcome)).toBe(false);
  });

  it('are not read by a viewer of its partnership, even one who logged it while an officer', () => {
    expect(mayReadPrivateFields(viewer('vic', 'viewer'), outcome)).toBe(false);
    expect(mayReadPrivateFields(viewer('sam', 'viewer'), outcome)).toBe(false);
  });
});

describe('changing an outcome', () => {
  it('is for the same people: its author and its partnership’s coordinators', () => {
    expect(mayChangeOutcome(viewer('sam', 'officer'), outcome)).toBe(true);
    expect(mayChangeOutcome(viewer('jo', 'coordinator'), outcome)).toBe(true);
    expect(mayChangeOutcome(viewer('lee', 'officer'), outcome)).toBe(false);
    expect(mayChangeOutcome(viewer('kim', 'coordinator', 'cherwell'), outcome)).toBe(false);
    expect(mayChangeOutcome(viewer('sam', 'viewer'), outcome)).toBe(false);
  });
});

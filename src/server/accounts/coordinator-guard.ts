import { hasCoordinatorRights } from '../../domain/roles';
import type { Membership } from '../../domain/user';
import type { StorageTx } from '../storage/storage';

/**
 * Of these memberships of one active user, the first whose partnership would be left with no
 * active coordinator or administrator if the user lost their rights there: nobody could then add
 * people, sign off a quarter or undo the change, short of an operator at the command line. The
 * caller refuses the change. undefined when every partnership keeps someone.
 *
 * Read in the changing transaction, so the count cannot move before the write (SQLite has one
 * writer; the PostgreSQL backend must lock the partnership's memberships).
 */
export async function partnershipLeftWithoutCoordinator(tx: StorageTx, memberships: readonly Pick<Membership, 'partnershipId' | 'partnershipName' | 'role'>[]) {
  for (const m of memberships) {
    if (hasCoordinatorRights(m.role) && (await tx.accounts.countActiveCoordinators(m.partnershipId)) <= 1) return m;
  }
  return undefined;
}

import type { FieldbookMigration } from './migration';
import { initial } from './0001-initial';
import { signInThrottle } from './0002-sign-in-throttle';
import { auditLog } from './0003-audit-log';
import { outcomeEdits } from './0004-outcome-edits';
import { outcomeTypes } from './0005-outcome-types';
import { places } from './0006-places';
import { photos } from './0007-photos';
import { planRemovals } from './0008-plan-removals';
import { quarterReviews } from './0009-quarter-reviews';
import { fundReturns } from './0011-fund-returns';
import { memberAdmin } from './0010-member-admin';
import { postgresAppendOnly } from './0012-postgres-append-only';
import { partnershipLists } from './0013-partnership-lists';
import { partnershipDetails } from './0014-partnership-details';

/**
 * Every migration, by name, in order. Names sort lexically and are recorded in the database,
 * so a name is never reused or changed once released.
 */
export const migrations: Record<string, FieldbookMigration> = {
  '0001-initial': initial,
  '0002-sign-in-throttle': signInThrottle,
  '0003-audit-log': auditLog,
  '0004-outcome-edits': outcomeEdits,
  '0005-outcome-types': outcomeTypes,
  '0006-places': places,
  '0007-photos': photos,
  '0008-plan-removals': planRemovals,
  '0009-quarter-reviews': quarterReviews,
  '0010-member-admin': memberAdmin,
  '0011-fund-returns': fundReturns,
  '0012-postgres-append-only': postgresAppendOnly,
  '0013-partnership-lists': partnershipLists,
  '0014-partnership-details': partnershipDetails,
};

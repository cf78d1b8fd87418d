import type { Membership } from './user';
import { coordinatesPartnership } from './outcome-access';
import { signOffCovering, type QuarterSignOff } from './review';

/** What locks a change: the sign-off of its quarter, and which day of the change falls in it. */
export interface QuarterLock<S> {
  signOff: S;
  /** The outcome's own day, or the day the change would move it to. */
  day: 'occurredOn' | 'newOccurredOn';
}

/**
 * A signed-off quarter's outcomes are what the partnership reported: officers can no longer
 * change or delete an outcome dated in it, nor move one into it. Coordinators can (they answer
 * for the correction, and the history records it). New outcomes for a signed-off quarter are
 * still accepted, and reports mark them late (review.ts isLate).
 *
 * The one statement of the rule: the phone asks it before queuing a change (so the officer hears
 * at once), the server before applying one (whatever an old phone sends). Each gathers the inputs
 * from its own storage: the sign-offs of the plan of the outcome's action, or undefined when that
 * action is no longer in the plan (nothing to lock it).
 */
export function findQuarterLock<S extends Pick<QuarterSignOff, 'planId' | 'quarterStart' | 'quarterEnd' | 'reopenedAt'>>(
  change: {
    memberships: readonly Pick<Membership, 'partnershipId' | 'role'>[];
    outcome: { partnershipId: string; occurredOn: string };
    newOccurredOn?: string;
  },
  plan: { planId: string; signOffs: readonly S[] } | undefined,
): QuarterLock<S> | undefined {
  const { memberships, outcome, newOccurredOn } = change;
  if (!plan || coordinatesPartnership({ memberships }, outcome.partnershipId)) return undefined;
  const own = signOffCovering(plan.signOffs, plan.planId, outcome.occurredOn);
  if (own) return { signOff: own, day: 'occurredOn' };
  const moved = newOccurredOn === undefined ? undefined : signOffCovering(plan.signOffs, plan.planId, newOccurredOn);
  return moved && { signOff: moved, day: 'newOccurredOn' };
}

import { z } from './zod';

/**
 * What prints on a partnership's reports, as stored and pulled with the partnership record: only
 * its shape, for the pull's check on every phone's first load. The rules for what an administrator
 * may write, and their messages, are in partnership-details.ts, loaded with the screens that use them.
 */
export const PartnershipDetails = z.object({
  /** Printed at the top and bottom of every printed report and first in every CSV; empty: no marking line. */
  protectiveMarking: z.string(),
  contactEmail: z.string(),
  contactPhone: z.string(),
  dataController: z.string(),
});
export type PartnershipDetails = z.infer<typeof PartnershipDetails>;

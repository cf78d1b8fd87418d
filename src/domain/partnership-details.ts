import { z } from './zod';
import { isSafeText } from './primitives';
import type { CsvValue } from './csv-write';
import { PartnershipDetails } from './partnership-details-shape';

/**
 * What prints on a partnership's reports and whom its public pages name: the protective marking
 * line on every printed and exported report, and the contact for the accessibility statement and
 * privacy notice (the data controller is the organisation responsible for the data, usually the
 * council hosting Fieldbook). The partnership's full name stays on the Partnership record itself.
 * An administrator changes them (administersPartnership); phones get them with the partnership.
 */

export const PROTECTIVE_MARKING_DEFAULT = 'OFFICIAL';
export const MARKING_MAX = 60;
export const CONTACT_EMAIL_MAX = 254;
export const CONTACT_PHONE_MAX = 30;
export const DATA_CONTROLLER_MAX = 200;
export const PARTNERSHIP_NAME_MAX = 200;

// Tabs, line breaks and other control characters never belong in one line that prints on a
// report, a page heading or a CSV's first row; NUL and broken Unicode are refused everywhere.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
export const isOneLine = (s: string) => !CONTROL.test(s) && isSafeText(s);

const line = (what: string, max: number) =>
  z
    .string({ error: `Enter ${what}` })
    .check(
      z.trim(),
      z.maxLength(max, `${capitalise(what)} must be ${max} characters or fewer`),
      z.refine(isOneLine, `${capitalise(what)} must be one line of text, without tabs, line breaks or other control characters`),
    );
const required = (what: string, max: number) => line(what, max).check(z.minLength(1, `Enter ${what}`));

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const PHONE = /^\+?[0-9 ()-]{6,}$/;

/** As stored and pulled (a partnership created before these existed has an empty contact until its administrator sets one). */
export { PartnershipDetails };

export const DEFAULT_PARTNERSHIP_DETAILS: PartnershipDetails = {
  protectiveMarking: PROTECTIVE_MARKING_DEFAULT,
  contactEmail: '',
  contactPhone: '',
  dataController: '',
};

/** What an administrator sends: the name and the contact are required, the marking and the phone may be empty. */
export const PartnershipDetailsUpdate = z.strictObject({
  name: required('the partnership’s full name', PARTNERSHIP_NAME_MAX),
  protectiveMarking: line('the protective marking', MARKING_MAX),
  contactEmail: required('the contact email address', CONTACT_EMAIL_MAX).check(
    z.toLowerCase(),
    z.refine((s) => s === '' || EMAIL.test(s), 'Enter the contact email address in the correct format, like csp@council.example'),
  ),
  contactPhone: line('the contact phone number', CONTACT_PHONE_MAX).check(
    z.refine((s) => s === '' || PHONE.test(s), 'Enter the contact phone number using digits, spaces and brackets, like 01235 422400'),
  ),
  dataController: required('the data controller', DATA_CONTROLLER_MAX),
});
export type PartnershipDetailsUpdate = z.infer<typeof PartnershipDetailsUpdate>;

export const PartnershipDetailsResponse = z.object({ name: z.string(), details: PartnershipDetails });
export type PartnershipDetailsResponse = z.infer<typeof PartnershipDetailsResponse>;

/**
 * A hosted partnership's contact as anyone may read it before signing in (the public pages name
 * it). Only what the partnership publishes anyway: its name and the contact its administrator set.
 */
export const PublicPartnershipContact = z.object({
  id: z.string(),
  name: z.string(),
  contactEmail: z.string(),
  contactPhone: z.string(),
  dataController: z.string(),
});
export type PublicPartnershipContact = z.infer<typeof PublicPartnershipContact>;
export const PublicContactsResponse = z.object({ partnerships: z.array(PublicPartnershipContact) });
export type PublicContactsResponse = z.infer<typeof PublicContactsResponse>;

/**
 * The one line every printed and exported report carries, top and bottom; null when the
 * partnership prints none. Every report asks this, so the wording cannot differ between them.
 */
export function protectiveMarkingLine(details: Pick<PartnershipDetails, 'protectiveMarking'> | undefined): string | null {
  const marking = (details ?? DEFAULT_PARTNERSHIP_DETAILS).protectiveMarking.trim();
  return marking === '' ? null : marking;
}

/** A CSV's rows with the marking as its own first row, when there is one (a spreadsheet shows it above the headings). */
export function withMarkingRow(details: Pick<PartnershipDetails, 'protectiveMarking'> | undefined, rows: readonly (readonly CsvValue[])[]): CsvValue[][] {
  const marking = protectiveMarkingLine(details);
  const copied = rows.map((r) => [...r]);
  return marking === null ? copied : [[marking], ...copied];
}

import { z } from './zod';

/** Every record id is a UUID made where the record is born (on the device for outcomes). */
export const Id = z.uuid({ error: 'Must be a UUID' });
export type Id = z.infer<typeof Id>;

/** Dates outside this range are typing mistakes or attacks, never plan business. */
export const DATE_MIN = '1990-01-01';
export const DATE_MAX = '2100-12-31';
// Judged only on well-formed values: the format check already reports the others.
const inDateRange = (s: string) => !/^\d{4}-\d{2}-\d{2}/.test(s) || (s.slice(0, 10) >= DATE_MIN && s.slice(0, 10) <= DATE_MAX);
const DATE_RANGE_MESSAGE = `Must be between ${DATE_MIN.slice(0, 4)} and ${DATE_MAX.slice(0, 4)}`;

/** A calendar date with no time zone, as officers think of "the day it happened". */
export const IsoDate = z.iso.date({ error: 'Must be a date in the form YYYY-MM-DD' }).check(z.refine(inDateRange, DATE_RANGE_MESSAGE));
export type IsoDate = z.infer<typeof IsoDate>;

/** An instant, always UTC with a Z suffix so values sort as strings. */
export const IsoDateTime = z.iso.datetime({ error: 'Must be a UTC date-time such as 2026-04-01T09:30:00Z' }).check(z.refine(inDateRange, DATE_RANGE_MESSAGE));
export type IsoDateTime = z.infer<typeof IsoDateTime>;

/**
 * NUL bytes and lone UTF-16 surrogates are never text a person typed: they break C-based tools,
 * CSV readers and some databases downstream. Every string that enters Fieldbook is checked.
 */
// eslint-disable-next-line no-control-regex -- matching NUL is the point
const UNSAFE_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const isSafeText = (s: string) => !UNSAFE_TEXT.test(s);
const safe = z.refine<string>(isSafeText, 'Must not contain NUL characters or broken Unicode');

/** Any string up to max characters, safe (see above), possibly empty. */
export const SafeString = (max: number) => z.string().check(z.maxLength(max, `Must be ${max} characters or fewer`), safe);

/** A string of 1 to max characters after trimming, safe. */
export const Text = (max: number) =>
  z.string().check(z.trim(), z.minLength(1, 'Must not be empty'), z.maxLength(max, `Must be ${max} characters or fewer`), safe);

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001F\u007F-\u009F]/;
/**
 * A name of 1 to max characters on one line: a partnership, an area, an organisation. Text, and no
 * control characters (a tab or a line break in a name breaks CSV columns, report headings and the
 * officer's picker).
 */
export const Name = (max: number) =>
  Text(max).check(z.refine((s: string) => !CONTROL_CHARACTERS.test(s), 'Must not contain control characters such as tabs or line breaks'));

/** A whole number from min to max. */
export const Int = (min: number, max = Number.MAX_SAFE_INTEGER) =>
  z.int({ error: 'Must be a whole number' }).check(z.minimum(min, `Must be ${min} or more`), z.maximum(max, `Must be ${max} or less`));

/** Today's date in the device's or server's local calendar, as YYYY-MM-DD. */
export function localIsoDate(now: Date): IsoDate {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** Adds whole days to an ISO date, in UTC so daylight-saving changes cannot shift it. */
export function addDays(date: IsoDate, days: number): IsoDate {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

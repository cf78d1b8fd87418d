import { z } from './zod';

/** Every record id is a UUID made where the record is born (on the device for outcomes). */
export const Id = z.uuid({ error: 'Must be a UUID' });
export type Id = z.infer<typeof Id>;

/** A calendar date with no time zone, as officers think of "the day it happened". */
export const IsoDate = z.iso.date({ error: 'Must be a date in the form YYYY-MM-DD' });
export type IsoDate = z.infer<typeof IsoDate>;

/** An instant, always UTC with a Z suffix so values sort as strings. */
export const IsoDateTime = z.iso.datetime({ error: 'Must be a UTC date-time such as 2026-04-01T09:30:00Z' });
export type IsoDateTime = z.infer<typeof IsoDateTime>;

/** A string of 1 to max characters after trimming. */
export const Text = (max: number) => z.string().check(z.trim(), z.minLength(1, 'Must not be empty'), z.maxLength(max, `Must be ${max} characters or fewer`));

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

/**
 * A date formatter made on first use. Each Intl.DateTimeFormat costs milliseconds to make (the
 * first also loads the locale's data), and made at module level they all ran in the one task
 * that evaluates the first-load bundle, a long task under Lighthouse's 4× CPU slowdown (the "Lighthouse" benchmark).
 */
export function lazyDateFormat(options: Intl.DateTimeFormatOptions): () => Intl.DateTimeFormat {
  let made: Intl.DateTimeFormat | undefined;
  return () => (made ??= new Intl.DateTimeFormat('en-GB', options));
}

const dateFormat = lazyDateFormat({ day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** en-GB's short month names, as Intl writes them (September is "Sept"; test/unit/app/format-date.test.ts holds them to Intl). */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'];

/**
 * 2019-03-31 → "31 Mar 2019". Dates are calendar days, so they are formatted in UTC and never
 * shift. Written out without Intl: the first Intl formatter in a page loads
 * ICU's locale data, tens of milliseconds on a phone, and "My actions" formats its due dates in
 * the task that draws it (the "Lighthouse" and "cold start" benchmarks; decision 32).
 */
export function formatDate(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  const year = date.getUTCFullYear();
  // Anything unusual (an invalid date, a year outside 1000–9999) is left to Intl, as before.
  if (!(year >= 1000 && year <= 9999)) return dateFormat().format(date);
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]!} ${year}`;
}

const twoDigits = (n: number) => String(n).padStart(2, '0');

/** An instant as the phone's local time of day: "14:05" (en-GB's 24-hour clock; without Intl, as formatDate). */
export function formatTime(isoDateTime: string): string {
  const at = new Date(isoDateTime);
  return `${twoDigits(at.getHours())}:${twoDigits(at.getMinutes())}`;
}

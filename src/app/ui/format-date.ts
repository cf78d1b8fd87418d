/**
 * A date formatter made on first use. Each Intl.DateTimeFormat costs milliseconds to make (the
 * first also loads the locale's data), and made at module level they all ran in the one task
 * that evaluates the first-load bundle, a long task under Lighthouse's 4× CPU slowdown (bench #2).
 */
export function lazyDateFormat(options: Intl.DateTimeFormatOptions): () => Intl.DateTimeFormat {
  let made: Intl.DateTimeFormat | undefined;
  return () => (made ??= new Intl.DateTimeFormat('en-GB', options));
}

const dateFormat = lazyDateFormat({ day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** 2019-03-31 → "31 Mar 2019". Dates are calendar days, so they are formatted in UTC and never shift. */
export function formatDate(isoDate: string): string {
  return dateFormat().format(new Date(`${isoDate}T00:00:00Z`));
}

const timeFormat = lazyDateFormat({ hour: '2-digit', minute: '2-digit' });

/** An instant as the phone's local time of day: "14:05". */
export function formatTime(isoDateTime: string): string {
  return timeFormat().format(new Date(isoDateTime));
}

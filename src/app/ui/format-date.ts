const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** 2019-03-31 → "31 Mar 2019". Dates are calendar days, so they are formatted in UTC and never shift. */
export function formatDate(isoDate: string): string {
  return dateFormat.format(new Date(`${isoDate}T00:00:00Z`));
}

const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });

/** An instant as the phone's local time of day: "14:05". */
export function formatTime(isoDateTime: string): string {
  return timeFormat.format(new Date(isoDateTime));
}

/*
 * Numbers as people in the UK write them, and the words beside them (labelFor), for tallies,
 * reports and outcome lists alike. Whole numbers are written without Intl. In Chromium,
 * Number#toLocaleString('en-GB') makes a new ICU formatter on every call (V8 caches only the
 * default locale's): the first costs tens of milliseconds while ICU loads, each later one a few
 * more. "Log again" on the first screen formats a count per line, and that alone was the longest
 * piece of script in an offline cold start (the "Lighthouse" and "cold start" benchmarks; decision 32). Grouping a whole number
 * by thousands needs no locale data; anything else still goes through Intl, made once.
 */

let general: Intl.NumberFormat | undefined;

/** Thousands grouped: 12345 → "12,345". Whole numbers without Intl; others with it (made once). */
export function formatWhole(n: number): string {
  if (!Number.isSafeInteger(n)) return (general ??= new Intl.NumberFormat('en-GB')).format(n);
  const digits = String(Math.abs(n));
  let grouped = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = grouped.length; i < digits.length; i += 3) grouped += `,${digits.slice(i, i + 3)}`;
  return n < 0 ? `-${grouped}` : grouped;
}

/** Whole pence as people write money: 125050 → "£1,250.50", 10000 → "£100". No zod here: lists and tallies use it on the first screen. */
export function formatPence(pence: number): string {
  if (!Number.isSafeInteger(pence)) {
    return `£${(pence / 100).toLocaleString('en-GB', { minimumFractionDigits: pence % 100 === 0 ? 0 : 2, maximumFractionDigits: 2 })}`;
  }
  const abs = Math.abs(pence);
  const pounds = formatWhole(Math.floor(abs / 100));
  const rest = abs % 100;
  return `£${pence < 0 ? '-' : ''}${pounds}${rest === 0 ? '' : `.${String(rest).padStart(2, '0')}`}`;
}

/**
 * A figure's label for its value: "1 session", "2 sessions". Labels are plural nouns first
 * ("places signed up"); one of them takes the singular of that first word.
 */
export function labelFor(label: string, value: number): string {
  if (value !== 1) return label;
  return label.replace(/^(\S+?)(ies|s)\b/, (word, stem: string, ending: string) => (ending === 'ies' ? `${stem}y` : /s$/.test(stem) ? word : stem));
}

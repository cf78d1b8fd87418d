import { DATE_MAX, DATE_MIN, IsoDate } from '../primitives';

/**
 * Due dates as coordinators type them. Numeric dates are always read day first, as in the UK:
 * 03/04/2019 is 3 April, never 4 March. A month, quarter or financial year means its last day.
 */
export type DueReading =
  | { kind: 'date'; iso: string; /** How a period was turned into a day, for a note; null for a plain date. */ readAs: string | null }
  | { kind: 'none' }
  | { kind: 'bad'; message: string };

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';

// Words a plan uses for "no single date".
const NO_DATE =
  /^(?:on-?\s?going\b.*|annual(?:ly)?|quarterly|monthly|weekly|tbc|tbd|tba|n\/?a|none|-+|–|—|as (?:required|needed|and when)|continuous|throughout the year|various)$/;

const dayMonthYear = new RegExp(`^(\\d{1,2}) ?-?${MONTH},? ?-?(\\d{4}|\\d{2})$`);
const monthDayYear = new RegExp(`^${MONTH} (\\d{1,2}),? (\\d{4})$`);
const monthYear = new RegExp(`^${MONTH},? ?-?(\\d{4})$|^${MONTH}-(\\d{2})$`);
const FINANCIAL_YEAR = '(?:fy ?)?(\\d{4})[/-](\\d{4}|\\d{2})';
const quarterFirst = new RegExp(`^(?:q|quarter )([1-4]),? ${FINANCIAL_YEAR}$`);
const quarterLast = new RegExp(`^${FINANCIAL_YEAR},? (?:q|quarter )([1-4])$`);
const financialYear = new RegExp(`^${FINANCIAL_YEAR}$`);

export function readDueDate(cell: string): DueReading {
  const s = cell
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/ \d{1,2}:\d{2}(?::\d{2})?$/, '') // Excel sometimes adds midnight
    .replace(/^(?:by )?(?:the )?(?:end of |end )?/, '')
    .replace(/(\d)(?:st|nd|rd|th)\b/g, '$1');
  if (NO_DATE.test(s)) return { kind: 'none' };

  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s))) return day(cell, +m[1]!, +m[2]!, +m[3]!);
  if ((m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/.exec(s))) {
    if (+m[2]! > 12 && +m[1]! <= 12) return bad(`Due "${cell}" is not a date: ${m[2]} is not a month. Dates are read day first, as in 31/03/2019`);
    return day(cell, year(m[3]!), +m[2]!, +m[1]!);
  }
  if ((m = dayMonthYear.exec(s))) return day(cell, year(m[3]!), month(m[2]!), +m[1]!);
  if ((m = monthDayYear.exec(s))) return day(cell, +m[3]!, month(m[1]!), +m[2]!);
  if ((m = monthYear.exec(s))) {
    const mon = month(m[1] ?? m[3]!);
    const y = m[2] ? +m[2] : year(m[4]!);
    return period(cell, y, mon, 'the last day of that month');
  }
  const quarter = quarterOf(s);
  if (quarter) {
    const start = financialYearStart(quarter.first, quarter.second);
    if (start === null) return badFinancialYear(cell);
    const q = quarter.q;
    return period(
      cell,
      q === 4 ? start + 1 : start,
      [6, 9, 12, 3][q - 1]!,
      'the last day of that quarter (quarters follow the financial year: Q1 is April to June)',
    );
  }
  if ((m = financialYear.exec(s))) {
    const start = financialYearStart(m[1]!, m[2]!);
    if (start !== null) return period(cell, start + 1, 3, 'the end of that financial year');
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(s)) && +m[2]! >= 1 && +m[2]! <= 12) return period(cell, +m[1]!, +m[2]!, 'the last day of that month');
  if (/^\d{4}$/.test(s)) return bad(`Due "${cell}" is a year, not a date: write the day it is due, such as 31/03/${s}`);
  return bad(`Due "${cell}" is not a date Fieldbook can read: write it as a day such as 31/03/2019, or leave it blank`);
}

/** "31 March 2019": how notes show a date to a coordinator. */
export function longDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${capitalise(MONTHS[m! - 1]!)} ${y}`;
}

function day(cell: string, y: number, m: number, d: number): DueReading {
  if (m < 1 || m > 12) return bad(`Due "${cell}" is not a date: ${m} is not a month`);
  if (d < 1 || d > daysIn(y, m)) return bad(`Due "${cell}" is not a date: ${capitalise(MONTHS[m - 1]!)} ${y} has ${daysIn(y, m)} days`);
  const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  if (!IsoDate.safeParse(iso).success) return bad(`Due "${cell}" is not between ${DATE_MIN.slice(0, 4)} and ${DATE_MAX.slice(0, 4)}`);
  return { kind: 'date', iso, readAs: null };
}

function period(cell: string, y: number, m: number, what: string): DueReading {
  const reading = day(cell, y, m, daysIn(y, m));
  return reading.kind === 'date' ? { ...reading, readAs: what } : reading;
}

const bad = (message: string): DueReading => ({ kind: 'bad', message });
const badFinancialYear = (cell: string) => bad(`Due "${cell}" is not a financial year: write it as 2018/19`);

/** Two-digit years are this century, except the 1990s the date range allows. */
const year = (digits: string) => (digits.length === 4 ? +digits : +digits >= 90 ? 1900 + +digits : 2000 + +digits);
const month = (name: string) => MONTHS.findIndex((full) => full.startsWith(name.replace('.', '').slice(0, 3))) + 1;
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function daysIn(y: number, m: number): number {
  return m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** "2018/19" and "2018-2019" start in 2018; "2018/20" is no financial year. */
function financialYearStart(first: string, second: string): number | null {
  const start = +first;
  const end = second.length === 4 ? +second : Math.floor((start + 1) / 100) * 100 + +second;
  return end === start + 1 ? start : null;
}

/** "Q3 2018/19" or "2018/19 Q3". */
function quarterOf(s: string): { q: number; first: string; second: string } | null {
  const before = quarterFirst.exec(s);
  if (before) return { q: +before[1]!, first: before[2]!, second: before[3]! };
  const after = quarterLast.exec(s);
  return after ? { q: +after[3]!, first: after[1]!, second: after[2]! } : null;
}

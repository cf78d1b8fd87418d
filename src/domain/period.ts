import type { IsoDate } from './primitives';

/**
 * Reporting periods as partnerships use them: the UK financial year, 1 April to 31 March
 * ("2018/19"), and its quarters Q1 Apr–Jun, Q2 Jul–Sep, Q3 Oct–Dec, Q4 Jan–Mar; or any range of
 * days. Dates are calendar days (YYYY-MM-DD) and both ends are included.
 */
export interface Period {
  start: IsoDate;
  end: IsoDate;
  /** "2018/19", "Q2 2018/19 (Jul–Sep 2018)", "1 Apr 2018 – 15 Jun 2018". */
  label: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The financial year a day falls in. */
export function financialYearOf(date: IsoDate): Period {
  const y = Number(date.slice(0, 4));
  const first = date.slice(5) >= '04-01' ? y : y - 1;
  return { start: `${first}-04-01`, end: `${first + 1}-03-31`, label: fyLabel(first) };
}

/** The four quarters of the financial year starting on 1 April of `firstYear`. */
export function quartersOf(firstYear: number): Period[] {
  return [0, 1, 2, 3].map((q) => quarter(firstYear, q));
}

/** The quarter a day falls in. */
export function quarterOf(date: IsoDate): Period {
  const fy = Number(financialYearOf(date).start.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return quarter(fy, month >= 4 ? Math.floor((month - 4) / 3) : 3);
}

/** Whether a day is inside a period, both ends included. */
export const inPeriod = (date: string, p: Pick<Period, 'start' | 'end'>) => date >= p.start && date <= p.end;

/** Days from a to b, counting both: a period of one day has 1. */
export function daysIn(p: Pick<Period, 'start' | 'end'>): number {
  return Math.round((Date.parse(`${p.end}T00:00:00Z`) - Date.parse(`${p.start}T00:00:00Z`)) / 86_400_000) + 1;
}

/** A range of days chosen by hand, labelled as people write it. */
export function customPeriod(start: IsoDate, end: IsoDate): Period {
  return { start, end, label: `${dayLabel(start)} – ${dayLabel(end)}` };
}

/** "2019-03-31" → "31 Mar 2019". */
export function dayLabel(date: IsoDate): string {
  return `${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
}

/** Month keys ("2018-07") from a period's first month to its last, for charts by month. */
export function monthsOf(p: Pick<Period, 'start' | 'end'>): string[] {
  const months: string[] = [];
  let y = Number(p.start.slice(0, 4));
  let m = Number(p.start.slice(5, 7));
  const last = p.end.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    if (key > last) return months;
    months.push(key);
    if (++m > 12) {
      m = 1;
      y++;
    }
  }
}

/** "2018-07" → "Jul". */
export const monthLabel = (key: string) => MONTHS[Number(key.slice(5, 7)) - 1] ?? key;

function quarter(firstYear: number, q: number): Period {
  const startMonth = 4 + q * 3; // 4, 7, 10, 13 (= January of the next year)
  const y = startMonth > 12 ? firstYear + 1 : firstYear;
  const m = startMonth > 12 ? startMonth - 12 : startMonth;
  const endMonth = m + 2;
  const start = `${y}-${String(m).padStart(2, '0')}-01`;
  const end = `${y}-${String(endMonth).padStart(2, '0')}-${String(lastDay(y, endMonth)).padStart(2, '0')}`;
  return { start, end, label: `Q${q + 1} ${fyLabel(firstYear)} (${MONTHS[m - 1]}–${MONTHS[endMonth - 1]} ${y})` };
}

const fyLabel = (firstYear: number) => `${firstYear}/${String((firstYear + 1) % 100).padStart(2, '0')}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

import type { FundLine, FundReturn } from '../../../../domain/fund-return';

/** "1,250.50" → 125050; "" → null; anything else → NaN (the schema says what is wrong). */
export const toPence = (pounds: string): number | null =>
  pounds.trim() === '' ? null : /^\d[\d,]*(\.\d{1,2})?$/.test(pounds.trim()) ? Math.round(Number(pounds.replace(/,/g, '')) * 100) : Number.NaN;
export const toPounds = (pence: number | null) => (pence === null ? '' : (pence / 100).toFixed(pence % 100 === 0 ? 0 : 2));

/** An expenditure line as typed: amounts stay strings until saving, so a mistyped one is shown back with its error. */
export interface LineForm extends Omit<FundLine, 'costPence' | 'otherFunding'> {
  cost: string;
  otherFunding: { source: string; amount: string }[];
}

export const lineFormsOf = (fund: FundReturn | null): LineForm[] =>
  (fund?.lines ?? []).map((l) => ({
    ...l,
    cost: toPounds(l.costPence),
    otherFunding: l.otherFunding.map((o) => ({ source: o.source, amount: toPounds(o.amountPence) })),
  }));

export const blankLine = (): LineForm => ({
  id: crypto.randomUUID(),
  title: '',
  objectives: '',
  progressMidYear: '',
  progressEndYear: '',
  cost: '',
  otherFunding: [],
  actionIds: [],
});

/** The lines as the request carries them; an other-funding row left empty is dropped, not refused. */
export const linesOf = (lines: LineForm[]): FundLine[] =>
  lines.map(({ cost, otherFunding, ...l }) => ({
    ...l,
    costPence: toPence(cost) ?? 0,
    otherFunding: otherFunding.filter((o) => o.source.trim() || o.amount.trim()).map((o) => ({ source: o.source, amountPence: toPence(o.amount) ?? 0 })),
  }));

/** The input a request path's error is shown against ("lines.2.costPence" → "line-2-cost"). */
export const inputFor = (path: string): string | undefined => {
  const m = /^lines\.(\d+)\.(\w+)/.exec(path);
  if (m) return `line-${m[1]}-${m[2] === 'costPence' ? 'cost' : m[2] === 'otherFunding' ? 'other' : m[2] === 'actionIds' ? 'title' : m[2]}`;
  return { grantPence: 'grant', localAuthorityArea: 'area', councilContact: 'council', policeLead: 'police' }[path.split('.')[0]!];
};

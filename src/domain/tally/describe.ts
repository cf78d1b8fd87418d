import type { MeasureTally, TallyFigure } from './rule';
import { choiceLabel, fieldOf, outcomeType } from '../outcome-types/catalogue';

/**
 * A measure's tally rule in words, for the coordinator who checks or changes it:
 * "Counts training sessions where Topic is Hate crime: sessions (target 2); attendees added up."
 */
export function describeTally(t: MeasureTally): string {
  const type = outcomeType(t.outcomeType).label.toLowerCase();
  const where = t.where
    ? ` where ${fieldOf(t.outcomeType, t.where.field)?.label ?? t.where.field} is ${t.where.in.map((v) => choiceLabel(t.outcomeType, t.where!.field, v)).join(' or ')}`
    : '';
  const figures = t.figures.map((f, i) => `${figureWords(t, f)}${i === 0 && t.target !== null ? ` (target ${t.target.toLocaleString('en-GB')})` : ''}`);
  return `Counts ${type} outcomes${where}: ${figures.join('; ')}.`;
}

function figureWords(t: MeasureTally, f: TallyFigure): string {
  const field = 'field' in f ? (f.field === 'town' ? 'town' : (fieldOf(t.outcomeType, f.field)?.label ?? f.field).toLowerCase()) : '';
  switch (f.kind) {
    case 'count':
      return `${f.label}, one each`;
    case 'sum':
      return `${f.label}, ${field} added up`;
    case 'distinct':
      return `${f.label}, each different ${field} once`;
    case 'latest':
      return `${f.label}, the latest ${field}`;
  }
}

import { Link } from 'react-router';
import { monthLabel } from '../../../domain/period';
import type { TownFigure } from '../../../domain/tally/tally';

/*
 * Small charts drawn as SVG by hand: a few rectangles need no chart library, and a phone that
 * opens the coordinator's screens should not download one. Each chart has a text equivalent for
 * screen readers (role="img" and its label) and the numbers are in the table beside it.
 */

const BAR = 10;
const GAP = 3;
const HEIGHT = 32;

/** Bars month by month, tallest = the highest month. */
export function MonthBars({ months }: { months: { month: string; value: number }[] }) {
  const max = Math.max(1, ...months.map((m) => m.value));
  const width = months.length * (BAR + GAP);
  const label = months.map((m) => `${monthLabel(m.month)} ${m.value.toLocaleString('en-GB')}`).join(', ');
  return (
    <svg className="chart" width={width} height={HEIGHT + 12} viewBox={`0 0 ${width} ${HEIGHT + 12}`} role="img" aria-label={`By month: ${label}`}>
      {months.map((m, i) => {
        const h = m.value === 0 ? 1 : Math.max(2, Math.round((m.value / max) * HEIGHT));
        return (
          <g key={m.month}>
            <rect x={i * (BAR + GAP)} y={HEIGHT - h} width={BAR} height={h} className={m.value === 0 ? 'chart__zero' : 'chart__bar'} />
            <text x={i * (BAR + GAP) + BAR / 2} y={HEIGHT + 10} className="chart__axis" textAnchor="middle">
              {monthLabel(m.month).charAt(0)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** One bar per area (by its current name), longest first, with its figure (a link to the outcomes behind it, when given). */
export function TownBars({ towns, linkFor }: { towns: TownFigure[]; linkFor?: (town: string | null) => string }) {
  if (towns.length === 0) return <span className="muted">—</span>;
  const max = Math.max(1, ...towns.map((t) => t.value));
  return (
    <ul className="town-bars">
      {towns.map((t) => (
        <li key={t.town ?? '-'}>
          <span className="town-bars__name">{t.town ?? 'Not about one area'}</span>{' '}
          <svg width="60" height="10" aria-hidden="true" focusable="false">
            <rect x="0" y="1" height="8" width={Math.max(2, Math.round((t.value / max) * 60))} className="chart__bar" />
          </svg>{' '}
          <span className="town-bars__value">
            {linkFor ? (
              <Link to={linkFor(t.town)} aria-label={`${t.value.toLocaleString('en-GB')} in ${t.town ?? 'no one area'}: the outcomes`}>
                {t.value.toLocaleString('en-GB')}
              </Link>
            ) : (
              t.value.toLocaleString('en-GB')
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}

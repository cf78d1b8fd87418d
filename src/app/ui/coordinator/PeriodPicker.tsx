import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Period } from '../../../domain/period';
import type { Plan } from '../../../domain/plan';
import { periodChoices } from './period-choice';
import { progressLink } from './drill-down-link';

/** The period to report on: the whole plan, a financial year, a quarter, or any range of days. */
export function PeriodPicker({ plan, period, today }: { plan: Plan; period: Period; today: string }) {
  const navigate = useNavigate();
  const [from, setFrom] = useState(period.start);
  const [to, setTo] = useState(period.end);
  const choices = periodChoices(plan, today);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (from && to && from <= to) void navigate(progressLink(plan.id, { start: from, end: to }));
  };
  return (
    <nav aria-label="Period">
      <ul className="period-picker">
        {choices.map((c) => {
          const current = c.period.start === period.start && c.period.end === period.end;
          return (
            <li key={c.key}>
              <Link to={progressLink(plan.id, c.period)} aria-current={current ? 'page' : undefined}>
                {c.period.label}
              </Link>
            </li>
          );
        })}
      </ul>
      <details>
        <summary>Any other range of days</summary>
        <form className="inline-field" onSubmit={submit}>
          <label htmlFor="range-from">From</label>
          <input className="input input--width-10" id="range-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
          <label htmlFor="range-to">to</label>
          <input className="input input--width-10" id="range-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
          <button className="button button--small button--secondary" type="submit">
            Show
          </button>
        </form>
      </details>
    </nav>
  );
}

import { usePlans } from '../../data/plan-hooks';
import { formatDate } from '../format-date';
import { ActionList } from '../components/ActionList';
import { Loading } from '../components/Loading';
import type { Indicator } from '../../../domain/plan';

/** The plan as published: objectives, their priorities, direction-of-travel indicators and actions. */
export function PlanScreen() {
  const plans = usePlans();
  if (!plans) return <Loading what="Loading the plan" />;
  if (plans.length === 0) return <EmptyPlan />;
  return (
    <div className="page">
      {plans.map(({ plan, partnership, objectives }) => (
        <section key={plan.id} aria-labelledby={`plan-${plan.id}`}>
          <p className="caption">{partnership?.name}</p>
          <h1 id={`plan-${plan.id}`}>{plan.title}</h1>
          <p className="muted">
            {formatDate(plan.periodStart)} to {formatDate(plan.periodEnd)}
          </p>
          {objectives.map(({ objective, indicators, priorities }) => (
            <section key={objective.id} className="objective">
              <h2>{objective.title}</h2>
              <Indicators items={indicators} />
              {priorities.map(({ priority, indicators: pIndicators, actions }) => (
                <section key={priority.id} className="priority">
                  <h3>{priority.name}</h3>
                  <Indicators items={pIndicators} />
                  <ActionList items={actions.map((action) => ({ action }))} />
                </section>
              ))}
            </section>
          ))}
        </section>
      ))}
    </div>
  );
}

function Indicators({ items }: { items: Indicator[] }) {
  if (items.length === 0) return null;
  return (
    <div className="indicators">
      <h4 className="indicators__title">Direction of travel</h4>
      <ul>
        {items.map((i) => (
          <li key={i.id}>{i.text}</li>
        ))}
      </ul>
    </div>
  );
}

function EmptyPlan() {
  return (
    <div className="page">
      <h1>No plan on this phone yet</h1>
      <p>Fieldbook fetches your partnership’s plan the first time it syncs. Connect to the internet and it will appear here.</p>
    </div>
  );
}

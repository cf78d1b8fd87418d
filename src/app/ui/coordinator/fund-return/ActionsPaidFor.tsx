import type { Action } from '../../../../domain/plan';
import { actionLabel } from '../../action-label';

/** The plan's actions a line pays for (their figures are the line's outputs in the printed return), folded away until opened. */
export function ActionsPaidFor({ actions, chosen, onChange }: { actions: Action[]; chosen: string[]; onChange: (actionIds: string[]) => void }) {
  return (
    <details>
      <summary>Actions this line pays for ({chosen.length})</summary>
      <div className="checkboxes">
        {actions.map((a) => (
          <label key={a.id} className="checkbox">
            <input
              type="checkbox"
              checked={chosen.includes(a.id)}
              onChange={(e) => onChange(e.target.checked ? [...chosen, a.id] : chosen.filter((x) => x !== a.id))}
            />
            <span>{actionLabel(a, 80)}</span>
          </label>
        ))}
      </div>
    </details>
  );
}

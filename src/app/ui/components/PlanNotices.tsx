import { usePlanNotices } from '../../data/plan-notice-hooks';

/** What a coordinator changed in the plan that touches this officer's work, said once after the sync that brought it. */
export default function PlanNotices() {
  const { notices, dismiss } = usePlanNotices();
  if (notices.length === 0) return null;
  return (
    <div className="banner banner--warning" role="status" data-testid="plan-notices">
      <div className="banner__body">
        <p>
          <strong>The plan has changed.</strong>
        </p>
        <ul className="banner__list">
          {notices.map((n) => (
            <li key={n.id}>{n.text}</li>
          ))}
        </ul>
      </div>
      <button type="button" className="button button--small button--secondary" onClick={() => void Promise.all(notices.map((n) => dismiss(n.id)))}>
        Got it
      </button>
    </div>
  );
}

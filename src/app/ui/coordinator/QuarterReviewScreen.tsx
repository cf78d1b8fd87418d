import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { dayLabel, quarterOf } from '../../../domain/period';
import { localIsoDate } from '../../../domain/primitives';
import type { Rag } from '../../../domain/progress/rag';
import { RAG_LABEL } from '../../../domain/progress/rag';
import { labelFor } from '../../../domain/outcome-types/format';
import { usePeriodProgress } from '../../data/progress-hooks';
import { usePlanAdmin } from '../../data/plan-admin-hooks';
import type { ActionProgressRow, PeriodProgress } from '../../data/period-progress';
import { Loading } from '../components/Loading';
import { Radios } from '../components/Radios';
import { Field } from '../components/Field';
import { ConfirmButton } from '../components/ConfirmButton';
import { describeError } from '../describe-error';
import { CoordinatorNav } from './CoordinatorNav';
import { RagTag } from './RagTag';
import { progressLink } from './drill-down-link';
import { NotOnDevice } from './NotOnDevice';

/**
 * The quarterly update, action by action: RAG (the suggestion, or the coordinator's own),
 * commentary and remedial action, each saved on its own; then the quarter is signed off, which
 * locks its outcomes for officers. Reopening is possible, and audited.
 */
export default function QuarterReviewScreen() {
  const { planId = '', quarterStart = '' } = useParams();
  const quarter = /^\d{4}-\d{2}-\d{2}$/.test(quarterStart) ? quarterOf(quarterStart) : null;
  const progress = usePeriodProgress(planId, quarter?.start === quarterStart ? quarter : null);
  if (progress === undefined) return <Loading what="Loading the quarter" />;
  if (!progress || !quarter) {
    return <NotOnDevice title="Quarter not found" back={{ to: '/progress', label: 'Back to progress' }} />;
  }
  const signedOff = progress.signOff !== undefined;
  return (
    <div className="page page--wide">
      <CoordinatorNav partnershipId={progress.plan.partnershipId} />
      <p className="caption">{progress.plan.title}</p>
      <h1>Quarterly review: {quarter.label}</h1>
      <p>
        <Link to={progressLink(planId, quarter)}>Progress in this quarter</Link> ·{' '}
        <Link to={`/plans/${planId}/reports/quarter/${quarter.start}`}>The quarterly progress report</Link>
      </p>
      <SignOffPanel progress={progress} />
      {progress.rows.map((row) => (
        <ActionReviewForm key={`${row.action.id}-${signedOff}`} row={row} progress={progress} locked={signedOff} />
      ))}
    </div>
  );
}

function SignOffPanel({ progress }: { progress: PeriodProgress }) {
  const admin = usePlanAdmin();
  const [error, setError] = useState<string | null>(null);
  const quarter = progress.quarter!;
  const ended = quarter.end < localIsoDate(new Date());
  const run = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      setError(null);
    } catch (e) {
      setError(describeError(e, 'That could not be done. Try again.'));
    }
  };
  return (
    <section className="panel" aria-labelledby="sign-off" data-testid="sign-off-panel">
      <h2 id="sign-off">Sign-off</h2>
      {error && <p className="error-message">{error}</p>}
      {progress.signOff ? (
        <>
          <p>
            Signed off by {progress.signOff.signedOffByName} on {dayLabel(progress.signOff.signedOffAt.slice(0, 10))}. Officers can no longer change outcomes
            dated in it; anything logged for it since is marked late.
          </p>
          <ConfirmButton
            label="Reopen the quarter to correct it…"
            confirmLabel="Reopen it now"
            cancelLabel="Cancel"
            onConfirm={() => run(() => admin.reopen(progress.plan.id, quarter.start))}
          />
        </>
      ) : ended ? (
        <>
          <p>
            When every action is reviewed, sign the quarter off: its figures become what was reported, and officers can no longer change outcomes dated in it.
          </p>
          <ConfirmButton
            label="Sign off this quarter…"
            confirmLabel={`Sign off ${quarter.label} now`}
            cancelLabel="Cancel"
            onConfirm={() => run(() => admin.signOff(progress.plan.id, quarter.start))}
          />
        </>
      ) : (
        <p>This quarter has not ended yet: it can be signed off from {dayLabel(quarter.end)} onwards.</p>
      )}
    </section>
  );
}

function ActionReviewForm({ row, progress, locked }: { row: ActionProgressRow; progress: PeriodProgress; locked: boolean }) {
  const admin = usePlanAdmin();
  const { action, review, suggested, measures } = row;
  const [rag, setRag] = useState<string>(review?.rag ?? 'suggested');
  const [commentary, setCommentary] = useState(review?.commentary ?? '');
  const [remedial, setRemedial] = useState(review?.remedialAction ?? '');
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const id = (name: string) => `${name}-${action.id}`;
  const save = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await admin.saveReview(action.id, progress.quarter!.start, { rag: rag === 'suggested' ? null : (rag as Rag), commentary, remedialAction: remedial });
      setStatus({ ok: true, text: 'Saved.' });
    } catch (err) {
      setStatus({ ok: false, text: describeError(err, 'The review could not be saved. Try again.') });
    }
  };
  return (
    <section className="panel" aria-labelledby={id('title')} data-testid={`review-${action.ref ?? action.id}`}>
      <h2 id={id('title')}>
        {action.ref ? `Ref ${action.ref}: ` : ''}
        <span className="muted">{row.priority?.name}</span>
      </h2>
      <p>{action.text}</p>
      <ul className="link-list">
        {measures.map(({ measure, progress: p }) => {
          const f = p.inPeriod.figures[0];
          const toDate = p.toDate.figures[0];
          return (
            <li key={measure.id}>
              {measure.text}: <strong>{f ? `${f.display} ${f.figure.kind === 'latest' ? '' : labelFor(f.figure.label, f.value)}` : '—'}</strong> this quarter
              {toDate && f?.figure.kind !== 'latest' && `; ${toDate.display}${measure.tally.target !== null ? ` of ${measure.tally.target}` : ''} to date`}
            </li>
          );
        })}
      </ul>
      <p>
        Suggested from the figures: <RagTag rag={suggested} />
      </p>
      <form onSubmit={(e) => void save(e)} noValidate>
        <fieldset className="fieldset" disabled={locked}>
          <Radios
            name={id('rag')}
            legend="RAG status for the quarter"
            inline
            value={rag}
            onChange={setRag}
            options={[
              { value: 'suggested', label: suggested ? `As suggested (${suggested})` : 'None (no target)' },
              ...(['green', 'amber', 'red'] as const).map((r) => ({ value: r, label: RAG_LABEL[r] })),
            ]}
          />
          <Field id={id('commentary')} label="Commentary" hint="What was done and what the figures mean. No personal details.">
            <textarea
              className="textarea"
              id={id('commentary')}
              rows={3}
              value={commentary}
              onChange={(e) => setCommentary(e.target.value)}
              aria-describedby={`${id('commentary')}-hint`}
            />
          </Field>
          <Field id={id('remedial')} label="Remedial action (if off track)">
            <textarea className="textarea" id={id('remedial')} rows={2} value={remedial} onChange={(e) => setRemedial(e.target.value)} />
          </Field>
          {!locked && (
            <button className="button button--small" type="submit">
              Save the review of {action.ref ? `ref ${action.ref}` : 'this action'}
            </button>
          )}
        </fieldset>
        {status && (
          <p className={status.ok ? 'muted' : 'error-message'} role="status">
            {status.text}
          </p>
        )}
        {review && <p className="muted">Last saved by {review.updatedByName}.</p>}
      </form>
    </section>
  );
}

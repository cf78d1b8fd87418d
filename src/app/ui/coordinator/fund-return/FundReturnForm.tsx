import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { z } from '../../../../domain/zod';
import { toFieldErrors } from '../../../../domain/api-error';
import { FundReturnRequest, RETURN_STAGES, shareOfGrant, type FundReturn } from '../../../../domain/fund-return';
import { formatPence } from '../../../../domain/outcome-types/format';
import { usePlanAdmin } from '../../../data/plan-admin-hooks';
import { STAGE_LABEL } from '../../../data/fund-return-report';
import type { PlanView } from '../../../data/plan-queries';
import { ErrorSummary, type FormError } from '../../components/ErrorSummary';
import { formErrorsFrom } from '../../form-errors';
import { CoordinatorNav } from '../CoordinatorNav';
import { blankLine, inputFor, lineFormsOf, linesOf, toPence, toPounds, type LineForm } from './form-state';
import { ReturnContacts, type ReturnContactsValue } from './ReturnContacts';
import { ExpenditureLine } from './ExpenditureLine';

/** The return as its coordinator fills it in, from the last saved version (or empty). */
export function FundReturnForm({ view, fund }: { view: PlanView; fund: FundReturn | null }) {
  const admin = usePlanAdmin();
  const { plan } = view;
  const actions = view.objectives.flatMap((o) => o.priorities.flatMap((p) => p.actions));
  const [contacts, setContacts] = useState<ReturnContactsValue>({
    grant: toPounds(fund?.grantPence ?? null),
    area: fund?.localAuthorityArea ?? '',
    council: fund?.councilContact ?? '',
    police: fund?.policeLead ?? '',
  });
  const [lines, setLines] = useState<LineForm[]>(lineFormsOf(fund));
  const [errors, setErrors] = useState<FormError[]>([]);
  const [saved, setSaved] = useState(false);
  const setLine = (i: number, patch: Partial<LineForm>) => {
    setSaved(false);
    setLines((all) => all.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  };

  async function save(e: FormEvent) {
    e.preventDefault();
    const request = {
      baseVersion: fund?.version ?? null,
      grantPence: toPence(contacts.grant),
      localAuthorityArea: contacts.area,
      councilContact: contacts.council,
      policeLead: contacts.police,
      lines: linesOf(lines),
    };
    const parsed = z.safeParse(FundReturnRequest, request);
    if (!parsed.success) {
      setErrors(
        toFieldErrors(parsed.error.issues).map((f) => ({
          fieldId: inputFor(f.path) ?? 'grant',
          message: /Must be a whole number|expected number/.test(f.message) ? 'Enter an amount in pounds, such as 1250 or 1,250.50' : f.message,
        })),
      );
      return;
    }
    try {
      await admin.saveFundReturn(plan.id, parsed.data);
      setErrors([]);
      setSaved(true);
    } catch (err) {
      setErrors(formErrorsFrom(err, inputFor, 'grant', 'The return could not be saved. Try again.'));
    }
  }

  const err = (id: string) => errors.find((x) => x.fieldId === id)?.message;
  const grantPence = toPence(contacts.grant);
  const total = lines.reduce((n, l) => n + (toPence(l.cost) ?? 0), 0);
  const totalShare = shareOfGrant(total, grantPence);
  return (
    <div className="page page--wide">
      <CoordinatorNav partnershipId={plan.partnershipId} />
      <p className="caption">{plan.title}</p>
      <h1>PCC Community Safety Fund return</h1>
      <p>
        Print:{' '}
        {RETURN_STAGES.map((s, i) => (
          <span key={s}>
            {i > 0 && ' · '}
            <Link to={`/plans/${plan.id}/reports/pcc/${s}`}>{STAGE_LABEL[s]}</Link>
          </span>
        ))}
      </p>
      <ErrorSummary errors={errors} />
      {saved && (
        <p className="banner banner--success" role="status">
          Saved.
        </p>
      )}
      {fund && <p className="muted">Last saved by {fund.updatedByName}.</p>}
      <form onSubmit={(e) => void save(e)} noValidate>
        <ReturnContacts value={contacts} errorOf={err} onChange={(patch) => setContacts((c) => ({ ...c, ...patch }))} />
        <h2>Expenditure lines</h2>
        <p className="hint">Use the same titles in the mid- and end-year returns as in the spending plan. Nothing that identifies a service user.</p>
        {lines.map((l, i) => (
          <ExpenditureLine
            key={l.id}
            index={i}
            line={l}
            grantPence={grantPence}
            actions={actions}
            errorOf={err}
            onChange={(patch) => setLine(i, patch)}
            onRemove={() => setLines((all) => all.filter((_, j) => j !== i))}
          />
        ))}
        <p>
          <button type="button" className="button button--secondary" onClick={() => setLines((all) => [...all, blankLine()])}>
            Add an expenditure line
          </button>
        </p>
        <p>
          Total: <strong>{formatPence(total)}</strong>
          {totalShare !== null && ` (${totalShare}% of the grant)`}
        </p>
        <button className="button" type="submit">
          Save the return
        </button>
      </form>
    </div>
  );
}

import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { z } from '../../../domain/zod';
import { toFieldErrors } from '../../../domain/api-error';
import { FundReturnRequest, RETURN_STAGES, shareOfGrant, type FundLine, type FundReturn } from '../../../domain/fund-return';
import { formatPence } from '../../../domain/outcome-types/format';
import { usePlans } from '../../data/plan-hooks';
import { useFundReturn } from '../../data/fund-return-hooks';
import { usePlanAdmin } from '../../data/plan-admin-hooks';
import { STAGE_LABEL } from '../../data/fund-return-report';
import type { PlanView } from '../../data/plan-queries';
import { ErrorSummary, type FormError } from '../components/ErrorSummary';
import { Field } from '../components/Field';
import { Loading } from '../components/Loading';
import { formErrorsFrom } from '../form-errors';
import { CoordinatorNav } from './CoordinatorNav';
import { NotOnDevice } from './NotOnDevice';

/** "1,250.50" → 125050; "" → null; anything else → NaN (the schema says what is wrong). */
const toPence = (pounds: string): number | null =>
  pounds.trim() === '' ? null : /^\d[\d,]*(\.\d{1,2})?$/.test(pounds.trim()) ? Math.round(Number(pounds.replace(/,/g, '')) * 100) : Number.NaN;
const toPounds = (pence: number | null) => (pence === null ? '' : (pence / 100).toFixed(pence % 100 === 0 ? 0 : 2));

interface LineForm extends Omit<FundLine, 'costPence' | 'otherFunding'> {
  cost: string;
  otherFunding: { source: string; amount: string }[];
}

/**
 * The PCC Community Safety Fund return for a plan: the grant, and the expenditure lines with
 * their objectives (start of year) and progress (mid-year, end-year), cost and other funding.
 * The titles stay the same all year, as the PCC's template asks. Printable returns follow.
 */
export default function FundReturnScreen() {
  const { planId = '' } = useParams();
  const plans = usePlans();
  const fund = useFundReturn(planId);
  const view = plans?.find((p) => p.plan.id === planId);
  if (!plans || fund === undefined) return <Loading what="Loading the return" />;
  if (!view) {
    return <NotOnDevice title="Plan not found" back={{ to: '/reports', label: 'Back to reports' }} />;
  }
  // Keyed by version: when a save (ours or another coordinator's) arrives, the form starts from it.
  return <FundReturnForm key={fund?.version ?? 'new'} view={view} fund={fund} />;
}

function FundReturnForm({ view, fund }: { view: PlanView; fund: FundReturn | null }) {
  const admin = usePlanAdmin();
  const { plan } = view;
  const actions = view.objectives.flatMap((o) => o.priorities.flatMap((p) => p.actions));
  const [grant, setGrant] = useState(toPounds(fund?.grantPence ?? null));
  const [area, setArea] = useState(fund?.localAuthorityArea ?? '');
  const [council, setCouncil] = useState(fund?.councilContact ?? '');
  const [police, setPolice] = useState(fund?.policeLead ?? '');
  const [lines, setLines] = useState<LineForm[]>(
    (fund?.lines ?? []).map((l) => ({
      ...l,
      cost: toPounds(l.costPence),
      otherFunding: l.otherFunding.map((o) => ({ source: o.source, amount: toPounds(o.amountPence) })),
    })),
  );
  const [errors, setErrors] = useState<FormError[]>([]);
  const [saved, setSaved] = useState(false);
  const setLine = (i: number, patch: Partial<LineForm>) => {
    setSaved(false);
    setLines((all) => all.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  };
  const inputFor = (path: string) => {
    const m = /^lines\.(\d+)\.(\w+)/.exec(path);
    if (m) return `line-${m[1]}-${m[2] === 'costPence' ? 'cost' : m[2] === 'otherFunding' ? 'other' : m[2] === 'actionIds' ? 'title' : m[2]}`;
    return { grantPence: 'grant', localAuthorityArea: 'area', councilContact: 'council', policeLead: 'police' }[path.split('.')[0]!];
  };

  async function save(e: FormEvent) {
    e.preventDefault();
    const request = {
      baseVersion: fund?.version ?? null,
      grantPence: toPence(grant),
      localAuthorityArea: area,
      councilContact: council,
      policeLead: police,
      lines: lines.map(({ cost, otherFunding, ...l }) => ({
        ...l,
        costPence: toPence(cost) ?? 0,
        otherFunding: otherFunding.filter((o) => o.source.trim() || o.amount.trim()).map((o) => ({ source: o.source, amountPence: toPence(o.amount) ?? 0 })),
      })),
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
  const total = lines.reduce((n, l) => n + (toPence(l.cost) ?? 0), 0);
  const totalShare = shareOfGrant(total, toPence(grant));
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
        <div className="form-row">
          <Field id="grant" label="CSF grant allocation (£)" error={err('grant')}>
            <input className="input input--width-10" id="grant" inputMode="decimal" value={grant} onChange={(e) => setGrant(e.target.value)} />
          </Field>
          <Field id="area" label="Local authority area" error={err('area')}>
            <input className="input" id="area" value={area} onChange={(e) => setArea(e.target.value)} />
          </Field>
        </div>
        <div className="form-row">
          <Field id="council" label="Council contact for the grant" error={err('council')}>
            <input className="input" id="council" value={council} onChange={(e) => setCouncil(e.target.value)} />
          </Field>
          <Field id="police" label="Police area commander (or county lead)" error={err('police')}>
            <input className="input" id="police" value={police} onChange={(e) => setPolice(e.target.value)} />
          </Field>
        </div>
        <h2>Expenditure lines</h2>
        <p className="hint">Use the same titles in the mid- and end-year returns as in the spending plan. Nothing that identifies a service user.</p>
        {lines.map((l, i) => (
          <fieldset key={l.id} className="fieldset panel">
            <legend className="label">Line {i + 1}</legend>
            <Field id={`line-${i}-title`} label="Expenditure title" error={err(`line-${i}-title`)}>
              <input className="input" id={`line-${i}-title`} value={l.title} onChange={(e) => setLine(i, { title: e.target.value })} />
            </Field>
            <div className="form-row">
              <Field id={`line-${i}-cost`} label="Cost to CSF (£)" error={err(`line-${i}-cost`)}>
                <input
                  className="input input--width-10"
                  id={`line-${i}-cost`}
                  inputMode="decimal"
                  value={l.cost}
                  onChange={(e) => setLine(i, { cost: e.target.value })}
                />
              </Field>
              <p className="muted">
                {shareOfGrant(toPence(l.cost) ?? 0, toPence(grant)) !== null ? `${shareOfGrant(toPence(l.cost) ?? 0, toPence(grant))}% of the grant` : ''}
              </p>
            </div>
            <Field id={`line-${i}-objectives`} label="Objectives (start of year)" error={err(`line-${i}-objectives`)}>
              <textarea
                className="textarea"
                id={`line-${i}-objectives`}
                rows={2}
                value={l.objectives}
                onChange={(e) => setLine(i, { objectives: e.target.value })}
              />
            </Field>
            <Field id={`line-${i}-progressMidYear`} label="Progress and outcomes at mid-year" error={err(`line-${i}-progressMidYear`)}>
              <textarea
                className="textarea"
                id={`line-${i}-progressMidYear`}
                rows={2}
                value={l.progressMidYear}
                onChange={(e) => setLine(i, { progressMidYear: e.target.value })}
              />
            </Field>
            <Field id={`line-${i}-progressEndYear`} label="Progress and outcomes at end-year" error={err(`line-${i}-progressEndYear`)}>
              <textarea
                className="textarea"
                id={`line-${i}-progressEndYear`}
                rows={2}
                value={l.progressEndYear}
                onChange={(e) => setLine(i, { progressEndYear: e.target.value })}
              />
            </Field>
            <fieldset className="fieldset form-group" id={`line-${i}-other`}>
              <legend className="label">Other funding (if part-funded by CSF)</legend>
              {l.otherFunding.map((o, j) => (
                <div key={j} className="form-row">
                  <Field id={`line-${i}-other-${j}-source`} label="Source">
                    <input
                      className="input"
                      id={`line-${i}-other-${j}-source`}
                      value={o.source}
                      onChange={(e) => setLine(i, { otherFunding: l.otherFunding.map((x, k) => (k === j ? { ...x, source: e.target.value } : x)) })}
                    />
                  </Field>
                  <Field id={`line-${i}-other-${j}-amount`} label="Amount (£)">
                    <input
                      className="input input--width-10"
                      id={`line-${i}-other-${j}-amount`}
                      inputMode="decimal"
                      value={o.amount}
                      onChange={(e) => setLine(i, { otherFunding: l.otherFunding.map((x, k) => (k === j ? { ...x, amount: e.target.value } : x)) })}
                    />
                  </Field>
                </div>
              ))}
              <button
                type="button"
                className="button button--small button--secondary"
                onClick={() => setLine(i, { otherFunding: [...l.otherFunding, { source: '', amount: '' }] })}
              >
                Add another funding source
              </button>
            </fieldset>
            <details>
              <summary>Actions this line pays for ({l.actionIds.length})</summary>
              <div className="checkboxes">
                {actions.map((a) => (
                  <label key={a.id} className="checkbox">
                    <input
                      type="checkbox"
                      checked={l.actionIds.includes(a.id)}
                      onChange={(e) => setLine(i, { actionIds: e.target.checked ? [...l.actionIds, a.id] : l.actionIds.filter((x) => x !== a.id) })}
                    />
                    <span>
                      {a.ref ? `Ref ${a.ref}: ` : ''}
                      {a.text.length > 80 ? `${a.text.slice(0, 79)}…` : a.text}
                    </span>
                  </label>
                ))}
              </div>
            </details>
            <button type="button" className="link-button" onClick={() => setLines((all) => all.filter((_, j) => j !== i))}>
              Remove line {i + 1}
            </button>
          </fieldset>
        ))}
        <p>
          <button
            type="button"
            className="button button--secondary"
            onClick={() =>
              setLines((all) => [
                ...all,
                { id: crypto.randomUUID(), title: '', objectives: '', progressMidYear: '', progressEndYear: '', cost: '', otherFunding: [], actionIds: [] },
              ])
            }
          >
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

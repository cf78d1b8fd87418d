import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import type { ImportFile } from '../../../domain/plan-import/plan-csv';
import type { PlanImportResponse } from '../../../domain/plan-admin/requests';
import { usePlanAdmin } from '../../data/plan-admin-hooks';
import { readCsvFile } from '../../plan-import/read-csv-file';
import { usePlans } from '../../data/plan-hooks';
import { ErrorSummary, type FormError } from '../components/ErrorSummary';
import { Field } from '../components/Field';
import { Loading } from '../components/Loading';
import { describeError } from '../describe-error';
import { CoordinatorNav } from './CoordinatorNav';
import { ImportReport } from './ImportReport';
import { NotOnDevice } from './NotOnDevice';

type Chosen = { name: string; text: string } | null;

/**
 * Import a plan's actions (and its direction-of-travel indicators) from CSV, GOV.UK style: choose
 * the files, check them (every problem by file, line and column; nothing saved), then import.
 * Importing the same file again changes nothing, so a coordinator can re-import a corrected file.
 */
export default function ImportPlanScreen() {
  const { planId = '' } = useParams();
  const plans = usePlans();
  const admin = usePlanAdmin();
  const [actions, setActions] = useState<Chosen>(null);
  const [indicators, setIndicators] = useState<Chosen>(null);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [report, setReport] = useState<PlanImportResponse | null>(null);
  const [busy, setBusy] = useState<'checking' | 'importing' | null>(null);

  const view = plans?.find((p) => p.plan.id === planId);
  if (!plans) return <Loading what="Loading the plan" />;
  if (!view) return <NotOnDevice title="Plan not found" back={{ to: '/plans', label: 'See your plans' }} />;

  /** Reads a chosen file as UTF-8 text, refusing what is not (too big, a workbook, another encoding) with the reason. */
  async function choose(file: File | undefined, which: ImportFile, set: (c: Chosen) => void) {
    setReport(null);
    const fieldId = `${which}-file`;
    setErrors((all) => all.filter((e) => e.fieldId !== fieldId));
    if (!file) return set(null);
    const decoded = await readCsvFile(file, which);
    if (!decoded.ok) {
      set(null);
      setErrors((all) => [...all, { fieldId, message: `${file.name}: ${decoded.problem.message}` }]);
      return;
    }
    set({ name: file.name, text: decoded.text });
  }

  async function check(e: FormEvent) {
    e.preventDefault();
    if (!actions) {
      setErrors((all) => (all.length > 0 ? all : [{ fieldId: 'actions-file', message: 'Choose the CSV file of the plan’s actions' }]));
      return;
    }
    setBusy('checking');
    try {
      setReport(await admin.previewImport(planId, actions.text, indicators?.text));
      setErrors([]);
    } catch (err) {
      setErrors([{ fieldId: 'actions-file', message: describeError(err, 'The file could not be checked. Try again.') }]);
    } finally {
      setBusy(null);
    }
  }

  async function commit() {
    if (!actions) return;
    setBusy('importing');
    try {
      setReport(await admin.commitImport(planId, actions.text, indicators?.text));
    } catch (err) {
      setErrors([{ fieldId: 'actions-file', message: describeError(err, 'The plan could not be imported. Nothing was saved. Try again.') }]);
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="page page--wide">
      <CoordinatorNav partnershipId={view.plan.partnershipId} />
      <p className="caption">{view.plan.title}</p>
      <h1>Import the plan from CSV</h1>
      <ErrorSummary errors={errors} />
      {!report?.committed && (
        <form onSubmit={(e) => void check(e)} noValidate>
          <p>
            One row per action, with the columns <code>ref, objective, priority, action, measures, lead_agency, due, see_also</code> — or your own headings
            (“Activity”, “Lead agencies”, “By when”…). Measures go one per line in their cell. Save from Excel as <strong>CSV UTF-8</strong>.
          </p>
          <FileField id="actions-file" label="Actions (CSV)" hint="Required." errors={errors} onChoose={(f) => void choose(f, 'actions', setActions)} />
          <FileField
            id="indicators-file"
            label="Direction-of-travel indicators (CSV)"
            hint="Optional. Columns objective, priority, indicator; leave priority empty for an indicator of the whole objective."
            errors={errors}
            onChoose={(f) => void choose(f, 'indicators', setIndicators)}
          />
          <button className="button button--secondary" type="submit" disabled={busy !== null}>
            {busy === 'checking' ? 'Checking…' : 'Check the files'}
          </button>
        </form>
      )}
      {report && <ImportReport report={report} />}
      {report && !report.committed && report.problems.length === 0 && (
        <p>
          <button className="button" type="button" disabled={busy !== null} onClick={() => void commit()}>
            {busy === 'importing' ? 'Importing…' : 'Import into the plan'}
          </button>
        </p>
      )}
      {report?.committed && (
        <p>
          <Link to={`/plans/${planId}`}>Go to the plan</Link>
        </p>
      )}
    </div>
  );
}

function FileField({
  id,
  label,
  hint,
  errors,
  onChoose,
}: {
  id: string;
  label: string;
  hint: string;
  errors: FormError[];
  onChoose: (f: File | undefined) => void;
}) {
  const error =
    errors
      .filter((e) => e.fieldId === id)
      .map((e) => e.message)
      .join(' ') || undefined;
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <input
        className="file-input"
        id={id}
        type="file"
        accept=".csv,text/csv"
        aria-describedby={[`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ')}
        onChange={(e) => onChoose(e.target.files?.[0])}
      />
    </Field>
  );
}

import './coordinator.css';
import { useParams } from 'react-router';
import { useMeasureToEdit } from '../../data/plan-admin-hooks';
import { Loading } from '../components/Loading';
import { NotOnDevice } from './NotOnDevice';
import { MeasureForm } from './measure-form/MeasureForm';

/**
 * How a measure is counted, as its coordinator sets it: which kind of outcome, which of those
 * (a filter on one answer), what figures to show and the target. "Suggest from the wording" fills
 * it in as the importer would. Changing a rule never loses an outcome; it changes what is counted.
 */
export default function EditMeasureScreen() {
  const { planId = '', measureId, actionId } = useParams();
  const data = useMeasureToEdit(measureId, actionId);
  if (!data) return <Loading what="Loading the measure" />;
  if (!data.action || (measureId && !data.measure)) {
    return <NotOnDevice title="Measure not found" back={{ to: `/plans/${planId}`, label: 'Back to the plan' }} />;
  }
  return <MeasureForm planId={planId} actionId={data.action.id} actionText={data.action.text} measure={data.measure} />;
}

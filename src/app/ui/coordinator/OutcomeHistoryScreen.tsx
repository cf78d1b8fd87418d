import { useParams } from 'react-router';
import { useOutcomeHistory } from '../../data/admin-hooks';
import { Loading } from '../components/Loading';
import { describeError } from '../describe-error';
import { TableRegion } from '../components/TableRegion';

const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
// measureId and quantity: fields of outcomes before outcome types; their history still shows them.
const FIELD: Record<string, string> = {
  details: 'Details',
  occurredOn: 'Date',
  town: 'Area (as logged)',
  areaId: 'Area record',
  location: 'Location',
  notes: 'Notes',
  measureId: 'Measure',
  quantity: 'How many',
};
function show(v: unknown): string {
  if (v === null || v === undefined || v === '') return '(none)';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/**
 * Everything that happened to one outcome. A conflict is a change that arrived after another to
 * the same field it had not seen: it won, and "from" is what it replaced.
 */
export default function OutcomeHistoryScreen() {
  const { partnershipId = '', outcomeId = '' } = useParams();
  const { entries, error } = useOutcomeHistory(partnershipId, outcomeId);
  if (error)
    return (
      <div className="page">
        <h1>History</h1>
        <p className="error-message">{describeError(error, 'The history could not be loaded.')}</p>
      </div>
    );
  if (!entries) return <Loading what="Loading the history" />;
  return (
    <div className="page page--wide">
      <h1>History of this outcome</h1>
      {entries.length === 0 ? (
        <p>No changes since it was logged.</p>
      ) : (
        <TableRegion label="Change history">
          <table className="progress-table" data-testid="outcome-history">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">From</th>
                <th scope="col">To</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td>{when.format(new Date(e.at))}</td>
                  <td>{e.actorName}</td>
                  <td>
                    {e.kind === 'delete' ? 'Deleted' : `Changed ${FIELD[e.field ?? ''] ?? e.field}`}
                    {e.conflict && <span className="tag tag--rejected">Conflict: replaced a change it had not seen</span>}
                  </td>
                  <td>{show(e.from)}</td>
                  <td>{e.kind === 'delete' ? '' : show(e.to)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </div>
  );
}

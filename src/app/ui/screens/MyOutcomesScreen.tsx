import { memo } from 'react';
import { Link } from 'react-router';
import { useMyOutcomeSearch } from '../../data/my-outcomes-hooks';
import type { MyOutcomeRow } from '../../data/my-outcomes';
import { useSyncStatus } from '../../sync/sync-hooks';
import { formatDate } from '../format-date';
import { Loading } from '../components/Loading';
import { recordStatus } from '../components/OutcomeList';
import { SearchBox } from '../components/SearchBox';
import { useQueryInUrl } from '../use-query-in-url';

/**
 * At most this many rows are drawn: an officer with years of outcomes on the phone has thousands,
 * and drawing them all made each keystroke slow (the "Your outcomes" benchmark). The count line says how to narrow.
 */
export const OUTCOME_ROWS_SHOWN = 50;

const count = (n: number) => n.toLocaleString('en-GB');

/**
 * The outcomes this officer logged that are on the phone, newest first, filtered as they type:
 * by type, action (ref or words), town, place or what the notes say. Works offline: everything
 * is read from the phone. Notes are searched but never shown here.
 */
export function MyOutcomesScreen() {
  const query = useQueryInUrl();
  const found = useMyOutcomeSearch(query.shown, OUTCOME_ROWS_SHOWN);
  const { syncing } = useSyncStatus();
  const searching = query.shown.trim() !== '';
  // While the index is built only the newest are known: they are drawn unless a search is asked,
  // which waits for the index rather than answer from part of the outcomes.
  const rows = found === undefined ? [] : found.state === 'all' ? found.rows : searching ? [] : found.newest;
  return (
    <div className="page">
      <h1>Your outcomes</h1>
      <SearchBox
        id="outcome-search"
        label="Search your outcomes"
        hint="By type, action ref or words, area, place or notes. For example “training”, “ref 22” or “Didcot”"
        query={query}
      />
      {found === undefined ? (
        <Loading />
      ) : (
        <>
          <p className="muted" role="status">
            {found.state === 'all' ? countLine(searching, found.count, found.total) : readingLine(searching, found.newest.length)}
          </p>
          {rows.length > 0 && (
            <ul className="action-list" aria-label="Outcomes">
              {rows.map((row) => (
                <OutcomeRow key={row.id} row={row} syncing={syncing} />
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}

/**
 * While the index is being built: the newest are drawn (fewer than a screenful means that is all
 * of them), and a search says it is under way. Never a count that is not yet known.
 */
export function readingLine(searching: boolean, newest: number): string {
  if (searching) return 'Searching all your outcomes on this phone…';
  if (newest < OUTCOME_ROWS_SHOWN) return countLine(false, 0, newest);
  return `Your newest ${OUTCOME_ROWS_SHOWN} outcomes. Reading the others on this phone…`;
}

/** What the list holds, and when it is cut short, how to narrow it. */
export function countLine(searching: boolean, matches: number, total: number): string {
  if (total === 0) return 'You have no outcomes on this phone yet.';
  if (!searching) {
    const all = `${count(total)} ${total === 1 ? 'outcome' : 'outcomes'} on this phone.`;
    return total > OUTCOME_ROWS_SHOWN ? `${all} Showing the newest ${OUTCOME_ROWS_SHOWN}: search to find the others.` : all;
  }
  if (matches === 0) return 'No outcomes match. Check the spelling or try fewer words.';
  const some = `${count(matches)} of ${count(total)} outcomes ${matches === 1 ? 'matches' : 'match'}.`;
  return matches > OUTCOME_ROWS_SHOWN ? `${some} Showing ${OUTCOME_ROWS_SHOWN} of ${count(matches)}: add a word to narrow your search.` : some;
}

/*
 * A row below the screen is laid out and painted only when scrolled near (content-visibility),
 * sized meanwhile as it last was or about a card's height: a keystroke that brings 50 rows into
 * the list lays out the few in view (the "Your outcomes" benchmark). Set here, not in styles.css, to keep it out of
 * the first load. The rows stay in the accessibility tree and in find-in-page.
 */
const ROW_STYLE = { contentVisibility: 'auto', containIntrinsicSize: 'auto 7rem' } as const;

/*
 * Memoised: rows come from the loaded index (the same objects keystroke after keystroke), so a
 * keystroke draws only the rows that came into the list.
 */
const OutcomeRow = memo(function OutcomeRow({ row, syncing }: { row: MyOutcomeRow; syncing: boolean }) {
  const status = recordStatus(row, syncing);
  const where = [row.town ?? 'Not about one area', row.placeName].filter(Boolean).join(' · ');
  return (
    <li style={ROW_STYLE}>
      <Link className="action-card" to={`/actions/${row.actionId}`}>
        <span className="action-card__meta">
          <strong>{row.typeLabel}</strong>
          <span>{formatDate(row.occurredOn)}</span>
          <span className={`tag tag--${status.tone}`}>{status.label}</span>
        </span>
        <span className="action-card__text">
          {row.actionRef && <span className="tag">Ref {row.actionRef}</span>} {row.actionText}
        </span>
        <span className="action-card__meta">{where}</span>
      </Link>
    </li>
  );
});

import { useState, type FormEvent } from 'react';
import { LIST_NOUN, type ListEntry, type ListEntryChangeRequest, type PartnershipList } from '../../../domain/partnership-lists';
import type { ListChanges } from '../../data/partnership-settings-hooks';
import type { FormError } from '../components/ErrorSummary';
import { Field, describedBy } from '../components/Field';

export const OFFLINE = 'You’re offline: changes to settings need a connection';

/**
 * Runs a change for the page: resolves true once done, false when refused (the page shows why,
 * against fieldId). Given a message instead of a change, refuses with it at once.
 */
export type ListAction = (fieldId: string, change: ((c: ListChanges) => Promise<void>) | { refused: string }, doneMessage: string) => Promise<boolean>;

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * One of a partnership's lists: its entries in use, each with "Change" (rename) and "Retire"; the
 * retired ones, each with "Bring back"; and a field to add one. Nothing is ever deleted.
 */
export function ListSection({
  list,
  title,
  hint,
  entries,
  errors,
  act,
}: {
  list: PartnershipList;
  title: string;
  hint: string;
  entries: ListEntry[];
  errors: FormError[];
  act: ListAction;
}) {
  const noun = LIST_NOUN[list];
  const [renaming, setRenaming] = useState<string | null>(null);
  const inUse = entries.filter((e) => !e.retired);
  const retired = entries.filter((e) => e.retired);
  const change = (entry: ListEntry, body: ListEntryChangeRequest, fieldId: string, doneMessage: string) =>
    act(fieldId, (c) => c.change(list, entry.id, body), doneMessage);

  return (
    <section aria-labelledby={`${list}-title`}>
      <h2 id={`${list}-title`}>{title}</h2>
      <p className="hint">{hint}</p>
      {inUse.length === 0 ? (
        <p className="muted">None yet.</p>
      ) : (
        <ul className="entry-list" aria-label={`${title} in use`} data-testid={`${list}-in-use`}>
          {inUse.map((entry) =>
            renaming === entry.id ? (
              <li key={entry.id}>
                <RenameForm
                  entry={entry}
                  inputId={`rename-${list}-${entry.id}`}
                  error={errors.find((e) => e.fieldId === `rename-${list}-${entry.id}`)?.message}
                  onCancel={() => setRenaming(null)}
                  onSave={async (name, inputId) => {
                    const done = name.trim()
                      ? await change(entry, { name }, inputId, `${capitalised(noun.one)} renamed: ${entry.name} is now ${name.trim()}.`)
                      : await act(inputId, { refused: `Enter the new name of the ${noun.one}` }, '');
                    if (done) setRenaming(null);
                  }}
                />
              </li>
            ) : (
              <li key={entry.id}>
                <span className="entry-list__name">{entry.name}</span>
                <span className="entry-list__actions">
                  <button type="button" className="link-button" onClick={() => setRenaming(entry.id)}>
                    Change <span className="visually-hidden">the name of {entry.name}</span>
                  </button>
                  <button
                    type="button"
                    className="link-button"
                    id={`retire-${list}-${entry.id}`}
                    onClick={() => void change(entry, { retired: true }, `retire-${list}-${entry.id}`, `${entry.name} retired: it is no longer offered.`)}
                  >
                    Retire <span className="visually-hidden">{entry.name}</span>
                  </button>
                </span>
              </li>
            ),
          )}
        </ul>
      )}
      {retired.length > 0 && (
        <>
          <h3>Retired</h3>
          <p className="hint">No longer offered. They stay on what used them, and can be brought back.</p>
          <ul className="entry-list" aria-label={`Retired ${title.toLowerCase()}`} data-testid={`${list}-retired`}>
            {retired.map((entry) => (
              <li key={entry.id}>
                <span className="entry-list__name">{entry.name}</span>
                <button
                  type="button"
                  className="link-button"
                  id={`restore-${list}-${entry.id}`}
                  onClick={() => void change(entry, { retired: false }, `restore-${list}-${entry.id}`, `${entry.name} is in use again.`)}
                >
                  Bring back <span className="visually-hidden">{entry.name}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <AddForm list={list} error={errors.find((e) => e.fieldId === `new-${list}`)?.message} act={act} />
    </section>
  );
}

function AddForm({ list, error, act }: { list: PartnershipList; error: string | undefined; act: ListAction }) {
  const noun = LIST_NOUN[list];
  const inputId = `new-${list}`;
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const added = await act(inputId, name.trim() ? (c) => c.add(list, name) : { refused: `Enter the name of the ${noun.one}` }, `${name.trim()} added.`);
    setBusy(false);
    if (added) setName('');
  }
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Field id={inputId} label={`Add ${noun.a}`} error={error}>
        <input
          className="input"
          id={inputId}
          autoComplete="off"
          value={name}
          onChange={(e) => setName(e.target.value)}
          aria-describedby={describedBy(inputId, false, error)}
        />
      </Field>
      <button className="button button--secondary" type="submit" disabled={busy}>
        {busy ? 'Adding…' : `Add ${noun.one}`}
      </button>
    </form>
  );
}

function RenameForm({
  entry,
  inputId,
  error,
  onSave,
  onCancel,
}: {
  entry: ListEntry;
  inputId: string;
  error: string | undefined;
  onSave: (name: string, inputId: string) => Promise<void>;
  onCancel: () => void;
}) {
  const [name, setName] = useState(entry.name);
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    await onSave(name, inputId);
    setBusy(false);
  }
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Field id={inputId} label={`New name for ${entry.name}`} error={error}>
        <input
          className="input"
          id={inputId}
          autoComplete="off"
          autoFocus
          value={name}
          onChange={(e) => setName(e.target.value)}
          aria-describedby={describedBy(inputId, false, error)}
        />
      </Field>
      <span className="entry-list__actions">
        <button className="button button--small" type="submit" disabled={busy}>
          {busy ? 'Saving…' : 'Save name'}
        </button>
        <button className="button button--small button--secondary" type="button" onClick={onCancel}>
          Cancel
        </button>
      </span>
    </form>
  );
}

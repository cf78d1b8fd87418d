/**
 * The search box of a screen that filters as the officer types. It draws the text the screen's
 * useQueryInUrl holds (`typed`, set in the key's own frame) while the screen's results follow
 * its deferred copy (docs/decisions/0030-filter-as-you-type.md): never drive it from the URL.
 */
export function SearchBox({ id, label, hint, query }: { id: string; label: string; hint: string; query: { typed: string; type: (text: string) => void } }) {
  return (
    <form role="search" onSubmit={(e) => e.preventDefault()}>
      <label className="label" htmlFor={id}>
        {label}
      </label>
      <div className="hint" id={`${id}-hint`}>
        {hint}
      </div>
      <input
        className="input"
        id={id}
        type="search"
        enterKeyHint="search"
        autoComplete="off"
        aria-describedby={`${id}-hint`}
        value={query.typed}
        onChange={(e) => query.type(e.target.value)}
      />
    </form>
  );
}

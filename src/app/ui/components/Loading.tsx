/** Shown for the instant IndexedDB takes to answer; announced politely, never a spinner wall. */
export function Loading({ what = 'Loading' }: { what?: string }) {
  return (
    <p className="loading" role="status">
      {what}…
    </p>
  );
}

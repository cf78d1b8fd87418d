/** For a phone that cannot reach the server for a long time, or must be handed in: what is waiting, saved to a file. */
export function RecordsThatCannotSync({ onSaveUnsynced }: { onSaveUnsynced: () => void }) {
  return (
    <>
      <h2>Records that cannot sync</h2>
      <p>If this phone cannot reach the server for a long time, or must be handed in, save what is waiting to a file and give it to your coordinator.</p>
      <button type="button" className="button button--secondary" onClick={onSaveUnsynced}>
        Save unsynced records to a file
      </button>
    </>
  );
}

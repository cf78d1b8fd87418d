import { useState } from 'react';

/**
 * A destructive action asked twice, in place: the first tap shows what will happen and two
 * choices; nothing happens until the second. No modal: it works one-handed and with a screen reader.
 */
export function ConfirmButton({
  label,
  confirmLabel,
  cancelLabel = 'Keep it',
  onConfirm,
}: {
  label: string;
  confirmLabel: string;
  cancelLabel?: string;
  onConfirm: () => Promise<void>;
}) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="link-button" onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <span className="confirm">
      <button
        type="button"
        className="button button--small button--warning"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void onConfirm().finally(() => {
            setBusy(false);
            setAsking(false);
          });
        }}
      >
        {confirmLabel}
      </button>
      <button type="button" className="button button--small button--secondary" onClick={() => setAsking(false)}>
        {cancelLabel}
      </button>
    </span>
  );
}

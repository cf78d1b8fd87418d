import type { ReactNode } from 'react';

/**
 * A wide table's own sideways-scrolling box: the page never scrolls sideways on a phone (WCAG
 * reflow). Focusable and labelled so a keyboard can scroll it and a screen reader names it.
 */
export function TableRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

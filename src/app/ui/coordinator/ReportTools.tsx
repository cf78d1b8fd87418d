import type { ReactNode } from 'react';
import { CoordinatorNav } from './CoordinatorNav';

/**
 * What stands above a printable report and stays off the paper: the coordinator's navigation, a
 * print button (A4, print CSS) and the report as CSV. `children` come after, in the same line.
 */
export function ReportTools({ partnershipId, onDownloadCsv, children }: { partnershipId: string; onDownloadCsv: () => void; children?: ReactNode }) {
  return (
    <div className="no-print">
      <CoordinatorNav partnershipId={partnershipId} />
      <p className="report__tools">
        <button type="button" className="button" onClick={() => window.print()}>
          Print or save as PDF
        </button>
        <button type="button" className="button button--secondary" onClick={onDownloadCsv}>
          Download CSV
        </button>
        {children}
      </p>
    </div>
  );
}

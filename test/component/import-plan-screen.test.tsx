import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import ImportPlanScreen from '../../src/app/ui/coordinator/ImportPlanScreen';
import { PLAN_CSV_MAX_BYTES } from '../../src/app/plan-import/read-csv-file';
import { renderOnOfflinePhone } from './render-device';

/**
 * A coordinator choosing a file that is not a plan CSV hears why at once, by name, before
 * anything is sent: the phone here has no server at all (its API is a closed port).
 */
async function openImport() {
  const phone = await renderOnOfflinePhone([{ path: '/plans/:planId/import', element: <ImportPlanScreen /> }], '/');
  const plan = (await phone.db.plans.toArray())[0]!;
  phone.unmount();
  return renderOnOfflinePhone([{ path: '/plans/:planId/import', element: <ImportPlanScreen /> }], `/plans/${plan.id}/import`, phone.db);
}

const choose = async (bytes: Uint8Array<ArrayBuffer> | string, name: string, size?: number) => {
  const input = await screen.findByLabelText('Actions (CSV)');
  const file = new File([bytes], name, { type: 'text/csv' });
  if (size !== undefined) Object.defineProperty(file, 'size', { value: size });
  fireEvent.change(input, { target: { files: [file] } });
};

describe('importing a plan: files that are not a plan CSV', () => {
  it('says a Windows-1252 file is not UTF-8, and how to save it from Excel', async () => {
    await openImport();
    await choose(new Uint8Array(readFileSync(resolve(process.cwd(), 'test/fixtures/plan-csv/windows-1252.csv'))), 'plan.csv');
    // Said as soon as the file is read, beside the field and in the summary; checking sends nothing.
    await waitFor(() => expect(screen.getAllByText(/plan\.csv: .*not saved as UTF-8/)).not.toHaveLength(0));
    fireEvent.click(screen.getByRole('button', { name: 'Check the files' }));
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toMatch(/plan\.csv: .*not saved as UTF-8/);
    expect(summary.textContent).toContain('CSV UTF-8');
    expect(screen.queryByTestId('import-report')).toBeNull();
  });

  it('refuses a workbook and a file far too big without reading it', async () => {
    await openImport();
    await choose(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]), 'plan.xlsx');
    await waitFor(() => expect(screen.getAllByText(/plan\.xlsx: This looks like an Excel workbook/)).not.toHaveLength(0));
    await choose('ref,objective', 'huge.csv', 5 * 1024 * 1024);
    await waitFor(() => expect(screen.getAllByText(/huge\.csv: The file is 5(\.\d)? MB/)).not.toHaveLength(0));
    expect(PLAN_CSV_MAX_BYTES).toBeLessThan(5 * 1024 * 1024);
  });

  it('asks for a file before checking anything', async () => {
    await openImport();
    fireEvent.click(await screen.findByRole('button', { name: 'Check the files' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Choose the CSV file of the plan’s actions');
  });
});

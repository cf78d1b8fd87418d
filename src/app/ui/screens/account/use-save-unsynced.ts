import { useState } from 'react';
import { useExportUnsynced } from '../../../data/export-hooks';
import { saveFile } from '../../save-file';

/**
 * Saves what is waiting to sync to a file the coordinator can import, and says what was saved.
 * Offered twice on the Account screen (beside a refused sign-out, and on its own), with one message.
 */
export function useSaveUnsynced(): { saveUnsynced: () => Promise<void>; savedMessage: string | null } {
  const exportFile = useExportUnsynced();
  const [savedMessage, setSavedMessage] = useState<string | null>(null);
  async function saveUnsynced() {
    const file = await exportFile();
    if (!file) return setSavedMessage('Nothing is waiting to sync.');
    saveFile(file.fileName, file.text);
    setSavedMessage(
      `Saved ${file.count} unsynced ${file.count === 1 ? 'change' : 'changes'} to ${file.fileName}. Give the file to your coordinator to import.`,
    );
  }
  return { saveUnsynced, savedMessage };
}

import { useEffect, useState } from 'react';
import { storageStatus, type StorageStatus } from './storage-persistence';

export function useStorageStatus(): StorageStatus | undefined {
  const [status, setStatus] = useState<StorageStatus>();
  useEffect(() => {
    let live = true;
    void storageStatus().then((s) => live && setStatus(s));
    return () => {
      live = false;
    };
  }, []);
  return status;
}

import { useLiveQuery } from 'dexie-react-hooks';
import { useUserServices } from '../services/services-context';
import { deviceContents, type DeviceContents } from './device-contents';

/** What this phone holds, live (counts move as sync runs); undefined while loading. */
export function useDeviceContents(): DeviceContents | undefined {
  const { db } = useUserServices();
  return useLiveQuery(() => deviceContents(db), [db]);
}

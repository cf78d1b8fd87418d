import { useCallback } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { PlaceKind } from '../../domain/place';
import { useUserServices } from '../services/services-context';
import { addPlace, changePlaceStatus, discardRejectedPlace, loadRegister, placesForPicker, type PlaceFormValues } from './places';
import type { PlaceStatus } from '../../domain/place';

/** A register with each place's last visit, live. */
export function useRegister(kind: PlaceKind) {
  const { db } = useUserServices();
  return useLiveQuery(() => loadRegister(db, kind), [db, kind]);
}

/** The places an outcome form offers for a register; [] when the type has none. */
export function usePlacesForPicker(kind: PlaceKind | null) {
  const { db } = useUserServices();
  return useLiveQuery(() => (kind ? placesForPicker(db, kind) : Promise.resolve([])), [db, kind]);
}

/** Adds a place on the phone, then asks sync to run soon. Settles once committed. */
export function useAddPlace() {
  const { db, sync } = useUserServices();
  return useCallback(
    async (values: PlaceFormValues) => {
      const place = await addPlace(db, values);
      sync.requestSoon();
      return place;
    },
    [db, sync],
  );
}

/** Places the server refused, kept with the reason. */
export function useRefusedPlaces() {
  const { db } = useUserServices();
  return useLiveQuery(() => db.places.filter((p) => p.syncState === 'rejected').toArray(), [db]);
}

/** Gives up a refused place: removed from this phone (the server's rejection log keeps it). */
export function useDiscardPlace() {
  const { db } = useUserServices();
  return useCallback(
    async (id: string) => {
      await discardRejectedPlace(db, id);
    },
    [db],
  );
}

/** Changes a place's status on the phone, then asks sync to run soon. */
export function useChangePlaceStatus() {
  const { db, sync } = useUserServices();
  return useCallback(
    async (id: string, status: PlaceStatus) => {
      await changePlaceStatus(db, id, status);
      sync.requestSoon();
    },
    [db, sync],
  );
}

import { z } from './zod';

/** A reading from "use my location". Readings worse than this are flagged on the form, never silently kept. */
export const LOCATION_GOOD_ENOUGH_M = 100;
export const GeoPoint = z.strictObject({
  lat: z.number().check(z.minimum(-90, 'Latitude must be between -90 and 90'), z.maximum(90, 'Latitude must be between -90 and 90')),
  lng: z.number().check(z.minimum(-180, 'Longitude must be between -180 and 180'), z.maximum(180, 'Longitude must be between -180 and 180')),
  /** Metres, as the device reported it (95% confidence radius). */
  accuracyM: z.number().check(z.minimum(0, 'Accuracy must be 0 m or more'), z.maximum(100_000, 'Accuracy must be 100 km or less')),
});
export type GeoPoint = z.infer<typeof GeoPoint>;

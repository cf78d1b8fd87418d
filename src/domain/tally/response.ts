import type { MeasureTallyResult } from './tally';

/** GET /api/partnerships/:id/tallies: every measure tallied from the outcomes the server holds. */
export interface TalliesResponse {
  measures: { measureId: string; actionId: string; actionRef: string | null; position: number; text: string; tally: MeasureTallyResult }[];
}

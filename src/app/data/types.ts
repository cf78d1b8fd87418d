/** The record shapes screens render, as the data layer hands them out. */
export type { LocalOutcome } from '../db/local-records';

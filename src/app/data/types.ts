/** The record shapes screens render, as the data layer hands them out. */
export type { LocalOutcome, LocalPhoto } from '../db/local-records';

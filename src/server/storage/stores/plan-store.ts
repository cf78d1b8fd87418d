import type { Action, Indicator, Measure, Objective, Partnership, Plan, Priority } from '../../../domain/plan';
import type { PlanRemoval } from '../../../domain/sync/pull';
import type { PartnershipDetails, PublicPartnershipContact } from '../../../domain/partnership-details';
import type { ExistingPlanRecords, RecordWrites } from '../../../domain/plan-admin/import-diff';

/** A partnership as stored: its areas and organisations are records of their own (tx.lists). */
export type StoredPartnership = Omit<Partnership, 'towns'>;

/** A plan with everything under it, each record carrying its partnership for scoping. */
export interface PlanRecords {
  plan: Plan;
  objectives: Objective[];
  priorities: Priority[];
  indicators: Indicator[];
  actions: Action[];
  measures: Measure[];
}

/** A record taken out of a plan: the row goes, this stays (pulled by devices, followed for merges). */
export interface PlanRemovalRecord extends PlanRemoval {
  partnershipId: string;
  removedBy: string;
}

/** What to write to a plan's records: new ones and changed ones, each table optional. */
export type PlanWrites = { [K in keyof ExistingPlanRecords]?: RecordWrites<ExistingPlanRecords[K][number]> };

/**
 * Partnerships and their plans, with everything under a plan (tx.plans): what coordinators change
 * and what a push checks an outcome against. Every write takes a fresh version, so phones pull it.
 */
export interface PlanStore {
  countPartnerships(): Promise<number>;
  /** By name. */
  listPartnerships(): Promise<StoredPartnership[]>;
  /** By id, or else by exact name. */
  findPartnership(idOrName: string): Promise<StoredPartnership | undefined>;
  /** Without details: the defaults (src/domain/partnership-details.ts). */
  insertPartnership(partnership: StoredPartnership): Promise<void>;
  /** Its full name and what prints on its reports, with a fresh version so phones pull them; undefined if there is no such partnership. */
  updateDetails(partnershipId: string, name: string, details: PartnershipDetails): Promise<StoredPartnership | undefined>;
  /** Every hosted partnership's name and contact, by name: public, read before sign-in. */
  listPublicContacts(): Promise<PublicPartnershipContact[]>;

  /** Newest period first. */
  list(partnershipId: string): Promise<Plan[]>;
  find(planId: string): Promise<Plan | undefined>;
  insert(plan: Plan): Promise<void>;
  update(plan: Plan): Promise<void>;
  /** Writes a plan and everything under it, each record with its own version. */
  insertWithRecords(partnershipId: string, records: PlanRecords): Promise<void>;
  /** Everything under the plan, each table in position order. */
  listRecords(planId: string): Promise<ExistingPlanRecords>;
  write(partnershipId: string, writes: PlanWrites): Promise<void>;
  /**
   * Deletes the record's row and records its removal, with `version` if the caller took one
   * earlier (to order the removal before other writes of its transaction) or a fresh one. The
   * caller has moved or refused anything that refers to the record.
   */
  remove(removal: PlanRemovalRecord, version?: number): Promise<void>;
  findRemoval(recordId: string): Promise<PlanRemovalRecord | undefined>;

  findAction(actionId: string): Promise<(Action & { partnershipId: string }) | undefined>;
  findMeasure(measureId: string): Promise<(Measure & { partnershipId: string }) | undefined>;
  /** In plan order. */
  listMeasuresOfAction(actionId: string): Promise<Measure[]>;
  /** Every measure of the partnership's plans, in plan order, with its action's ref. */
  listMeasuresOfPartnership(partnershipId: string): Promise<(Measure & { actionRef: string | null })[]>;
  /** Moves every outcome (deleted ones too) to another action, each with a fresh version; returns each id and new version. */
  moveOutcomes(fromActionId: string, toActionId: string): Promise<{ id: string; version: number }[]>;
  /** Including deleted ones: a tombstone still refers to its action. */
  countOutcomesOfAction(actionId: string): Promise<number>;
}

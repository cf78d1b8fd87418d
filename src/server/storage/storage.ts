import type { Action, Indicator, Measure, Objective, Partnership, Plan, Priority } from '../../domain/plan';
import type { EditableOutcomeField, OutcomeChanges, OutcomeRecord } from '../../domain/outcome';
import type { OutcomeHistoryEntry } from '../../domain/outcome-history';
import type { PlaceChanges, PlaceRecord } from '../../domain/place';
import type { Membership, Role } from '../../domain/user';
import type { Member } from '../../domain/account';
import type { AuditAction, AuditEntry } from '../../domain/audit';
import type { PlanRemoval, PulledTable } from '../../domain/sync/pull';
import type { ActionReview, QuarterSignOff } from '../../domain/review';
import type { FundReturn } from '../../domain/fund-return';
import type { ExistingPlanRecords, RecordWrites } from '../../domain/plan-admin/import-diff';

/**
 * Fieldbook's storage, as the rest of the server sees it: Kysely over SQLite (one machine) or
 * PostgreSQL (several instances), behind the same interface. Nothing dialect-specific crosses
 * this line: callers see plain records, never SQL, rows or driver errors.
 */
export interface Storage {
  /**
   * Runs fn inside one transaction: everything it writes commits together or not at all.
   * Sync relies on this (an outcome and the device's sequence number land together).
   * `kind` says how it meets concurrent transactions (see TransactionKind); 'write' by default.
   */
  transaction<T>(fn: (tx: StorageTx) => Promise<T>, kind?: TransactionKind): Promise<T>;
  close(): Promise<void>;
}

/**
 * How a transaction meets the others running at the same time, on any instance.
 * SQLite runs one transaction at a time, so there every kind behaves as 'write'. On PostgreSQL:
 * - 'write': runs alone among 'write' transactions (it locks the sync counter row first), exactly
 *   as on SQLite, so read-check-write logic (a device's last sequence number, an outcome's field
 *   versions, a throttle counter) cannot interleave with another instance's. The default.
 * - 'read': one consistent snapshot of the whole database, and nothing may be written. For pulls
 *   (every table read at the same moment) and reports.
 * - 'touch': runs beside everything else, for small writes that need no ordering and no version:
 *   a session's last-seen time, the removal of an expired session. Never take a version in one.
 * (docs/decisions/0021-postgresql.md)
 */
export type TransactionKind = 'write' | 'read' | 'touch';

export interface UserRecord {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  active: boolean;
  createdAt: string;
  /** Still on the temporary password a coordinator was given: nothing but changing it is allowed. */
  mustChangePassword: boolean;
}

export interface SessionRecord {
  tokenHash: string;
  userId: string;
  createdAt: string;
  lastSeenAt: string;
  idleExpiresAt: string;
  absoluteExpiresAt: string;
}

export interface DeviceRecord {
  id: string;
  userId: string;
  lastSeq: number;
  createdAt: string;
  lastSeenAt: string;
}

/** An outcome as stored: the pulled record plus who sent it from where, and when each field last changed. */
export interface StoredOutcome extends Omit<OutcomeRecord, 'authorName' | 'notes'> {
  notes: string;
  deviceId: string;
  /** Field name → the version at which it last changed (absent: unchanged since creation). */
  fieldVersions: Partial<Record<EditableOutcomeField, number>>;
}

/** A place as stored: exactly the pulled record (a register holds nothing the device may not see). */
export type StoredPlace = PlaceRecord;

export interface NewOutcomeHistory {
  id: string;
  outcomeId: string;
  partnershipId: string;
  version: number;
  kind: 'update' | 'delete';
  field: string | null;
  from: unknown;
  to: unknown;
  conflict: boolean;
  actorId: string;
  at: string;
}

/** A stored photo's description, without its bytes (readPhotoData reads those). */
export interface PhotoRecord {
  id: string;
  outcomeId: string;
  /** The outcome's partnership, copied at upload. */
  partnershipId: string;
  uploadedBy: string;
  mime: string;
  bytes: number;
  width: number;
  height: number;
  /** Hex SHA-256 of the bytes. */
  sha256: string;
  uploadedAt: string;
}

export interface RejectionRecord {
  id: string;
  deviceId: string;
  userId: string;
  seq: number;
  kind: string;
  code: string;
  message: string;
  argsJson: string;
  createdAt: string;
}

export interface ThrottleRecord {
  key: string;
  failures: number;
  windowStartedAt: string;
  blockedUntil: string | null;
}

/** What the server appends to the audit log; seq and actor name are filled in by storage. */
export interface NewAuditEntry {
  id: string;
  partnershipId: string | null;
  actorId: string | null;
  action: AuditAction;
  entityType: string;
  entityId: string | null;
  at: string;
  details: Record<string, unknown>;
}

/** A plan with everything under it, each record carrying its partnership for scoping. */
export interface PlanRecords {
  plan: Plan;
  objectives: Objective[];
  priorities: Priority[];
  indicators: Indicator[];
  actions: Action[];
  measures: Measure[];
}

export interface Versioned<T> {
  version: number;
  record: T;
}

/** What pull reads: for each table, the lowest-versioned changes after a version, up to a limit. */
export type ChangesByTable = {
  [K in PulledTable]: Versioned<
    K extends 'outcomes'
      ? OutcomeRecord
      : K extends 'places'
        ? PlaceRecord
        : K extends 'removals'
          ? PlanRemoval
          : K extends 'reviews'
            ? ActionReview
            : K extends 'signOffs'
              ? QuarterSignOff
              : K extends 'fundReturns'
                ? FundReturn
                : PulledRecord<K>
  >[];
};
type PulledRecord<K extends PulledTable> = K extends 'partnerships'
  ? Partnership
  : K extends 'plans'
    ? Plan
    : K extends 'objectives'
      ? Objective
      : K extends 'priorities'
        ? Priority
        : K extends 'indicators'
          ? Indicator
          : K extends 'actions'
            ? Action
            : K extends 'measures'
              ? Measure
              : never;

/** A record taken out of a plan: the row goes, this stays (pulled by devices, followed for merges). */
export interface PlanRemovalRecord extends PlanRemoval {
  partnershipId: string;
  removedBy: string;
}

/** What to write to a plan's records: new ones and changed ones, each table optional. */
export type PlanWrites = { [K in keyof ExistingPlanRecords]?: RecordWrites<ExistingPlanRecords[K][number]> };

/** Coordinators' changes to plans (tx.plans). Every write takes a fresh version, so phones pull it. */
export interface PlanStore {
  /** Newest period first. */
  listPlans(partnershipId: string): Promise<Plan[]>;
  findPlan(planId: string): Promise<Plan | undefined>;
  insertPlan(plan: Plan): Promise<void>;
  updatePlan(plan: Plan): Promise<void>;
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
  findMeasure(measureId: string): Promise<(Measure & { partnershipId: string }) | undefined>;
  /** Moves every outcome (deleted ones too) to another action, each with a fresh version; returns each id and new version. */
  moveOutcomes(fromActionId: string, toActionId: string): Promise<{ id: string; version: number }[]>;
  /** Including deleted ones: a tombstone still refers to its action. */
  countOutcomesOfAction(actionId: string): Promise<number>;
}

/** A quarter's review of one action, as stored. */
export interface StoredReview extends Omit<ActionReview, 'updatedByName'> {
  partnershipId: string;
  updatedBy: string;
}

/** A quarter's sign-off, as stored. */
export interface StoredSignOff extends Omit<QuarterSignOff, 'signedOffByName'> {
  partnershipId: string;
  signedOffBy: string;
}

/** The quarterly review and sign-offs (tx.reviews). Every write takes a fresh version, so devices pull it. */
export interface ReviewStore {
  findReview(actionId: string, quarterStart: string): Promise<StoredReview | undefined>;
  /** Inserts, or replaces the one for the same action and quarter. */
  saveReview(review: StoredReview): Promise<void>;
  findSignOff(planId: string, quarterStart: string): Promise<StoredSignOff | undefined>;
  listSignOffs(planId: string): Promise<StoredSignOff[]>;
  /** Inserts, or replaces the one for the same plan and quarter (signing off again after a reopening). */
  saveSignOff(signOff: StoredSignOff): Promise<void>;
}

/** A plan's PCC fund return, as stored: the document, who saved it last, and its version. */
export interface StoredFundReturn extends Omit<FundReturn, 'updatedByName'> {
  partnershipId: string;
  updatedBy: string;
}

export interface StorageTx {
  readonly plans: PlanStore;
  readonly reviews: ReviewStore;
  findFundReturn(planId: string): Promise<StoredFundReturn | undefined>;
  /** Inserts or replaces the plan's return with a fresh version (returned). */
  saveFundReturn(r: Omit<StoredFundReturn, 'version'>): Promise<number>;
  // Users, memberships, sessions
  findUserByEmail(email: string): Promise<UserRecord | undefined>;
  findUserById(id: string): Promise<UserRecord | undefined>;
  /** mustChangePassword defaults to false: a password the user or an operator chose. */
  insertUser(user: Omit<UserRecord, 'mustChangePassword'> & { mustChangePassword?: boolean }): Promise<void>;
  listMemberships(userId: string): Promise<Membership[]>;
  insertMembership(m: { userId: string; partnershipId: string; role: Role; jobTitle: string }): Promise<void>;
  insertSession(session: SessionRecord): Promise<void>;
  findSession(tokenHash: string): Promise<SessionRecord | undefined>;
  touchSession(tokenHash: string, lastSeenAt: string, idleExpiresAt: string): Promise<void>;
  deleteSession(tokenHash: string): Promise<void>;
  /** Ends every session of a user, or every one but `keepTokenHash`. */
  deleteSessionsOfUser(userId: string, keepTokenHash?: string): Promise<void>;
  setUserPassword(userId: string, passwordHash: string): Promise<void>;
  setUserActive(userId: string, active: boolean): Promise<void>;
  listMembers(partnershipId: string): Promise<Member[]>;
  /** One member of a partnership, as listMembers has them; undefined if the user does not belong to it. */
  findMember(partnershipId: string, userId: string): Promise<Member | undefined>;
  /** Changes a membership's role or job title (each only when given). */
  updateMembership(userId: string, partnershipId: string, changes: { role?: Role; jobTitle?: string }): Promise<void>;
  /** Active users whose role in the partnership carries coordinator rights (coordinators and administrators). */
  countActiveCoordinators(partnershipId: string): Promise<number>;
  setMustChangePassword(userId: string, mustChange: boolean): Promise<void>;

  // Sign-in throttling
  findThrottle(key: string): Promise<ThrottleRecord | undefined>;
  saveThrottle(record: ThrottleRecord): Promise<void>;
  deleteThrottle(key: string): Promise<void>;

  // Audit log: append and read, nothing else (the database refuses updates and deletes too)
  appendAudit(entry: NewAuditEntry): Promise<void>;
  /** Appends several entries, their seqs in the given order (one push's outcomes). */
  appendAuditEntries(entries: readonly NewAuditEntry[]): Promise<void>;
  /** Newest first; entries with seq below `before` when given. */
  listAudit(partnershipId: string, before: number | undefined, limit: number): Promise<AuditEntry[]>;

  // Plans
  countPartnerships(): Promise<number>;
  /** By id, or else by exact name. */
  findPartnership(idOrName: string): Promise<Partnership | undefined>;
  /** Writes a partnership; its version comes from the counter. */
  insertPartnership(p: Partnership): Promise<void>;
  /** Writes a plan and everything under it, each record with its own version. */
  insertPlanRecords(partnershipId: string, records: PlanRecords): Promise<void>;
  findAction(actionId: string): Promise<(Action & { partnershipId: string }) | undefined>;
  /** In plan order. */
  listMeasuresOfAction(actionId: string): Promise<Measure[]>;
  /** Every measure of the partnership's plans, in plan order, with its action's ref. */
  listMeasuresOfPartnership(partnershipId: string): Promise<(Measure & { actionRef: string | null })[]>;

  // Sync bookkeeping
  /**
   * The next version number. Taken inside the writing transaction so that versions are handed out
   * in commit order: the counter row stays locked until commit, so no later version can commit
   * before an earlier one (the cursor-skip trap under concurrent writers; docs/sync-protocol.md).
   */
  takeVersion(): Promise<number>;
  /** `count` consecutive versions under the same guarantee as takeVersion; returns the first. */
  takeVersions(count: number): Promise<number>;
  findDevice(deviceId: string): Promise<DeviceRecord | undefined>;
  insertDevice(device: DeviceRecord): Promise<void>;
  updateDevice(deviceId: string, lastSeq: number, lastSeenAt: string): Promise<void>;
  findOutcome(id: string): Promise<StoredOutcome | undefined>;
  /** Those of the ids that exist, deleted ones too. */
  findOutcomes(ids: readonly string[]): Promise<Map<string, StoredOutcome>>;
  /** Writes new outcomes, each with the version its caller took. */
  insertOutcomes(outcomes: readonly StoredOutcome[]): Promise<void>;
  /** Writes changed fields, the new version and field versions. */
  updateOutcome(id: string, changes: OutcomeChanges, version: number, fieldVersions: StoredOutcome['fieldVersions']): Promise<void>;
  /** Marks the outcome deleted (a tombstone): the row stays. */
  markOutcomeDeleted(id: string, deletedAt: string, version: number): Promise<void>;
  appendOutcomeHistory(entry: NewOutcomeHistory): Promise<void>;
  listOutcomeHistory(outcomeId: string): Promise<OutcomeHistoryEntry[]>;
  findPlace(id: string): Promise<StoredPlace | undefined>;
  insertPlace(place: StoredPlace): Promise<void>;
  /** Writes the changed fields, the new version and when it changed. */
  updatePlace(id: string, changes: PlaceChanges, version: number, updatedAt: string): Promise<void>;
  // Photos (evidence attached to outcomes)
  insertPhoto(photo: PhotoRecord & { data: Buffer }): Promise<void>;
  /** The description only: listing or checking a photo never loads its bytes. */
  findPhoto(id: string): Promise<PhotoRecord | undefined>;
  readPhotoData(id: string): Promise<Buffer | undefined>;
  /** Oldest first. */
  listPhotosOfOutcome(outcomeId: string): Promise<PhotoRecord[]>;
  countPhotosOfOutcome(outcomeId: string): Promise<number>;
  insertRejection(rejection: RejectionRecord): Promise<void>;
  listRejections(deviceId: string): Promise<RejectionRecord[]>;
  /** Outcomes by partnership, oldest version first: for counts in tests and reports. */
  listOutcomes(partnershipId: string): Promise<StoredOutcome[]>;

  // Pull
  /** coordinatorOf: the partnerships whose coordinators' tables (reviews) the user may pull. */
  changesSince(partnershipIds: readonly string[], coordinatorOf: readonly string[], afterVersion: number, limit: number): Promise<ChangesByTable>;
}

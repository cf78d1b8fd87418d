import type { Member } from '../../../domain/account';
import type { Membership, Role } from '../../../domain/user';

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

/** mustChangePassword defaults to false: a password the user or an operator chose. */
export type NewUser = Omit<UserRecord, 'mustChangePassword'> & { mustChangePassword?: boolean };

export interface NewMembership {
  userId: string;
  partnershipId: string;
  role: Role;
  jobTitle: string;
}

/** Users and the partnerships they belong to (tx.accounts). Emails are kept and compared in lower case. */
export interface AccountStore {
  findUserByEmail(email: string): Promise<UserRecord | undefined>;
  findUserById(id: string): Promise<UserRecord | undefined>;
  insertUser(user: NewUser): Promise<void>;
  setUserPassword(userId: string, passwordHash: string): Promise<void>;
  setUserActive(userId: string, active: boolean): Promise<void>;
  setMustChangePassword(userId: string, mustChange: boolean): Promise<void>;
  /** The user's partnerships, by name. */
  listMemberships(userId: string): Promise<Membership[]>;
  insertMembership(membership: NewMembership): Promise<void>;
  /** Changes a membership's role or job title (each only when given). */
  updateMembership(userId: string, partnershipId: string, changes: { role?: Role; jobTitle?: string }): Promise<void>;
  /** The partnership's members, by name. */
  listMembers(partnershipId: string): Promise<Member[]>;
  /** One member of a partnership, as listMembers has them; undefined if the user does not belong to it. */
  findMember(partnershipId: string, userId: string): Promise<Member | undefined>;
  /** Active users whose role in the partnership carries coordinator rights (coordinators and administrators). */
  countActiveCoordinators(partnershipId: string): Promise<number>;
}

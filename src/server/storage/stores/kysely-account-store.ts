import type { Transaction } from 'kysely';
import { Role } from '../../../domain/user';
import { hasCoordinatorRights } from '../../../domain/roles';
import type { Database } from '../schema';
import type { AccountStore, NewMembership, NewUser, UserRecord } from './account-store';

/** Users and memberships over the caller's transaction. */
export class KyselyAccountStore implements AccountStore {
  constructor(private readonly t: Transaction<Database>) {}

  async findUserByEmail(email: string) {
    const row = await this.t.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
    return row && toUser(row);
  }

  async findUserById(id: string) {
    const row = await this.t.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toUser(row);
  }

  async insertUser(u: NewUser) {
    await this.t
      .insertInto('users')
      .values({
        id: u.id,
        email: u.email.toLowerCase(),
        name: u.name,
        password_hash: u.passwordHash,
        active: u.active ? 1 : 0,
        created_at: u.createdAt,
        must_change_password: u.mustChangePassword ? 1 : 0,
      })
      .execute();
  }

  async setUserPassword(userId: string, passwordHash: string) {
    await this.t.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
  }

  async setUserActive(userId: string, active: boolean) {
    await this.t
      .updateTable('users')
      .set({ active: active ? 1 : 0 })
      .where('id', '=', userId)
      .execute();
  }

  async setMustChangePassword(userId: string, mustChange: boolean) {
    await this.t
      .updateTable('users')
      .set({ must_change_password: mustChange ? 1 : 0 })
      .where('id', '=', userId)
      .execute();
  }

  async listMemberships(userId: string) {
    const rows = await this.t
      .selectFrom('memberships')
      .innerJoin('partnerships', 'partnerships.id', 'memberships.partnership_id')
      .select(['memberships.partnership_id', 'partnerships.name', 'memberships.role', 'memberships.job_title'])
      .where('memberships.user_id', '=', userId)
      .orderBy('partnerships.name')
      .execute();
    return rows.map((r) => ({
      partnershipId: r.partnership_id,
      partnershipName: r.name,
      role: Role.parse(r.role),
      jobTitle: r.job_title,
    }));
  }

  async insertMembership(m: NewMembership) {
    await this.t.insertInto('memberships').values({ user_id: m.userId, partnership_id: m.partnershipId, role: m.role, job_title: m.jobTitle }).execute();
  }

  async updateMembership(userId: string, partnershipId: string, changes: Parameters<AccountStore['updateMembership']>[2]) {
    const set = { ...(changes.role !== undefined && { role: changes.role }), ...(changes.jobTitle !== undefined && { job_title: changes.jobTitle }) };
    if (Object.keys(set).length === 0) return;
    await this.t.updateTable('memberships').set(set).where('user_id', '=', userId).where('partnership_id', '=', partnershipId).execute();
  }

  async listMembers(partnershipId: string) {
    const rows = await this.members().where('memberships.partnership_id', '=', partnershipId).orderBy('users.name').execute();
    return rows.map(toMember);
  }

  async findMember(partnershipId: string, userId: string) {
    const row = await this.members().where('memberships.partnership_id', '=', partnershipId).where('memberships.user_id', '=', userId).executeTakeFirst();
    return row && toMember(row);
  }

  async countActiveCoordinators(partnershipId: string) {
    const r = await this.t
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('memberships.partnership_id', '=', partnershipId)
      .where('memberships.role', 'in', Role.options.filter(hasCoordinatorRights))
      .where('users.active', '=', 1)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /** Memberships with their users' details, as listMembers and findMember read them. */
  private members() {
    return this.t
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select(['users.id', 'users.name', 'users.email', 'users.active', 'memberships.role', 'memberships.job_title']);
  }
}

function toUser(r: Database['users']): UserRecord {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    passwordHash: r.password_hash,
    active: r.active === 1,
    createdAt: r.created_at,
    mustChangePassword: r.must_change_password === 1,
  };
}

function toMember(r: Pick<Database['users'], 'id' | 'name' | 'email' | 'active'> & Pick<Database['memberships'], 'role' | 'job_title'>) {
  return { id: r.id, name: r.name, email: r.email, role: Role.parse(r.role), jobTitle: r.job_title, active: r.active === 1 };
}

import { randomUUID } from 'node:crypto';
import type { Role } from '../../domain/user';
import type { Storage } from '../storage/storage';
import { hashPassword, type ScryptCost } from '../auth/password';
import { passwordProblems } from '../auth/password-policy';
import { appendAudit } from '../audit/append-audit';

/** Account administration for operators (`npm run users`), with the same rules as the app. */
export class UserAdminError extends Error {
  override name = 'UserAdminError';
}

export interface NewUser {
  email: string;
  name: string;
  /** A partnership's id or its exact name. */
  partnership: string;
  role: Role;
  jobTitle: string;
  password: string;
}

async function findPartnershipId(storage: Storage, nameOrId: string): Promise<string> {
  const match = await storage.transaction((tx) => tx.plans.findPartnership(nameOrId));
  if (!match) throw new UserAdminError(`No partnership with the id or name "${nameOrId}".`);
  return match.id;
}

export async function addUser(storage: Storage, input: NewUser, cost: ScryptCost, now = new Date()): Promise<string> {
  const email = input.email.trim().toLowerCase();
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw new UserAdminError(`"${input.email}" is not an email address.`);
  if (!input.name.trim()) throw new UserAdminError('A name is needed.');
  const problems = passwordProblems(input.password, { email });
  if (problems.length > 0) throw new UserAdminError(`Password refused: ${problems.join('; ')}.`);
  const partnershipId = await findPartnershipId(storage, input.partnership);
  const passwordHash = await hashPassword(input.password, cost);
  const id = randomUUID();
  await storage.transaction(async (tx) => {
    if (await tx.accounts.findUserByEmail(email)) throw new UserAdminError(`A user with the email ${email} already exists.`);
    await tx.accounts.insertUser({ id, email, name: input.name.trim(), passwordHash, active: true, createdAt: now.toISOString() });
    await tx.accounts.insertMembership({ userId: id, partnershipId, role: input.role, jobTitle: input.jobTitle.trim() });
    await appendAudit(tx, { partnershipId, actorId: null, action: 'member.added', entityType: 'user', entityId: id, details: { role: input.role } }, now);
  });
  return id;
}

/** Sets a new password and ends every session of the user. */
export async function setPassword(storage: Storage, email: string, password: string, cost: ScryptCost, now = new Date()): Promise<void> {
  const user = await storage.transaction((tx) => tx.accounts.findUserByEmail(email));
  if (!user) throw new UserAdminError(`No user with the email ${email}.`);
  const problems = passwordProblems(password, { email: user.email });
  if (problems.length > 0) throw new UserAdminError(`Password refused: ${problems.join('; ')}.`);
  const hash = await hashPassword(password, cost);
  await storage.transaction(async (tx) => {
    await tx.accounts.setUserPassword(user.id, hash);
    await tx.sessions.deleteAllOfUser(user.id);
    for (const m of await tx.accounts.listMemberships(user.id)) {
      await appendAudit(tx, { partnershipId: m.partnershipId, actorId: null, action: 'account.password-set', entityType: 'user', entityId: user.id }, now);
    }
  });
}

/** Deactivates the user everywhere and ends every session they have. */
export async function deactivateUser(storage: Storage, email: string, now = new Date()): Promise<void> {
  await storage.transaction(async (tx) => {
    const user = await tx.accounts.findUserByEmail(email);
    if (!user) throw new UserAdminError(`No user with the email ${email}.`);
    await tx.accounts.setUserActive(user.id, false);
    await tx.sessions.deleteAllOfUser(user.id);
    for (const m of await tx.accounts.listMemberships(user.id)) {
      await appendAudit(tx, { partnershipId: m.partnershipId, actorId: null, action: 'member.deactivated', entityType: 'user', entityId: user.id }, now);
    }
  });
}

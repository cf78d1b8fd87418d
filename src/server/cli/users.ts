/**
 * `npm run users -- <command>`: account administration for whoever runs the server.
 *
 *   add --email E --name N --partnership P --role viewer|officer|coordinator|admin [--job-title T]
 *   set-password --email E
 *   deactivate --email E
 *
 * P is a partnership's id or exact name. Passwords are read from FIELDBOOK_PASSWORD or, when
 * that is unset, from the first line of standard input, never from the command line (it would
 * stay in the shell history and the process list). Uses the same DATABASE_PATH or DATABASE_URL as the server.
 */
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import { loadConfig } from '../config';
import { openStorage } from '../storage/open-storage';
import { Role } from '../../domain/user';
import { addUser, deactivateUser, setPassword, UserAdminError } from '../accounts/user-admin';

async function readPassword(): Promise<string> {
  if (process.env.FIELDBOOK_PASSWORD) return process.env.FIELDBOOK_PASSWORD;
  process.stderr.write('Password (then Enter): ');
  const rl = createInterface({ input: process.stdin });
  for await (const line of rl) {
    rl.close();
    return line;
  }
  throw new UserAdminError('No password given.');
}

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  const { values } = parseArgs({
    args: rest,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      partnership: { type: 'string' },
      role: { type: 'string' },
      'job-title': { type: 'string' },
    },
  });
  const need = (key: keyof typeof values) => {
    const v = values[key];
    if (!v) throw new UserAdminError(`--${key} is required for "${command}".`);
    return v;
  };
  const config = loadConfig(process.env);
  const storage = await openStorage(config);
  const cost = { logN: config.scryptLogN, r: 8, p: 1 };
  try {
    if (command === 'add') {
      const role = Role.safeParse(need('role'));
      if (!role.success) throw new UserAdminError(`--role must be ${Role.options.slice(0, -1).join(', ')} or ${Role.options.at(-1)}.`);
      const args = { email: need('email'), name: need('name'), partnership: need('partnership'), role: role.data, jobTitle: values['job-title'] ?? '' };
      const id = await addUser(storage, { ...args, password: await readPassword() }, cost);
      process.stdout.write(`Added ${args.email} (${id}).\n`);
    } else if (command === 'set-password') {
      await setPassword(storage, need('email'), await readPassword(), cost);
      process.stdout.write('Password set; every session of that user has ended.\n');
    } else if (command === 'deactivate') {
      await deactivateUser(storage, need('email'));
      process.stdout.write('Deactivated; every session of that user has ended.\n');
    } else {
      throw new UserAdminError('Commands: add, set-password, deactivate (see src/server/cli/users.ts).');
    }
  } finally {
    await storage.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof UserAdminError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});

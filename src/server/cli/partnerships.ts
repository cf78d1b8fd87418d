/**
 * `npm run partnerships -- <command>`: starting a partnership, for whoever runs the server.
 *
 *   add --name N --areas "A; B; C" [--organisations "X; Y"]
 *   list
 *
 * Lists are separated by ";". The partnership's first administrator is then made with
 * `npm run users -- add … --partnership N --role admin`. Uses the same DATABASE_PATH or
 * DATABASE_URL as the server. A refused call says why, exits 1 and writes nothing.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { openStorage } from '../storage/open-storage';
import { HttpError } from '../http/http-error';
import { createPartnership } from '../partnerships/create-partnership';

class UsageError extends Error {
  override name = 'UsageError';
}

/** "Banbury; Bicester;; " → ["Banbury", "Bicester"]: empty items are gaps, not names. */
const listOf = (text: string | undefined) =>
  (text ?? '')
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '');

function parse(args: string[]) {
  try {
    return parseArgs({ args, options: { name: { type: 'string' }, areas: { type: 'string' }, organisations: { type: 'string' } } }).values;
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
}

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  if (command !== 'add' && command !== 'list') throw new UsageError('Commands: add, list (see src/server/cli/partnerships.ts).');
  const values = parse(rest);
  if (command === 'add' && values.name === undefined) throw new UsageError('--name is required for "add".');
  if (command === 'add' && values.areas === undefined) throw new UsageError('--areas is required for "add": the areas officers choose from, separated by ";".');
  const config = loadConfig(process.env);
  const storage = await openStorage(config);
  try {
    if (command === 'add') {
      const input = { name: values.name!, areas: listOf(values.areas), organisations: listOf(values.organisations) };
      const id = await storage.transaction((tx) => createPartnership(tx, input, new Date()));
      process.stdout.write(`Added ${input.name} (${id}) with ${input.areas.length} areas and ${input.organisations.length} organisations.\n`);
    } else {
      const rows = await storage.transaction(async (tx) => {
        const partnerships = await tx.plans.listPartnerships();
        return Promise.all(
          partnerships.map(async (p) => ({
            ...p,
            areas: (await tx.lists.list('areas', p.id)).filter((a) => !a.retired).length,
            members: (await tx.accounts.listMembers(p.id)).length,
          })),
        );
      }, 'read');
      if (rows.length === 0) process.stdout.write('No partnerships yet: add one with `npm run partnerships -- add`.\n');
      for (const r of rows) process.stdout.write(`${r.name}\t${r.id}\t${r.areas} areas\t${r.members} members\n`);
    }
  } finally {
    await storage.close();
  }
}

/** What the operator is told: the problem and each field's, never a stack for a refusal. */
function describe(err: unknown): string {
  if (err instanceof UsageError) return err.message;
  if (err instanceof HttpError) {
    const option = (path: string) => `--${path.split('.')[0]}`;
    const fields = err.extra.fieldErrors ?? [];
    return [err.message, ...fields.map((f) => `  ${option(f.path)}: ${f.message}`)].join('\n');
  }
  return err instanceof Error ? (err.stack ?? err.message) : String(err);
}

main().catch((err: unknown) => {
  process.stderr.write(`${describe(err)}\n`);
  process.exit(1);
});

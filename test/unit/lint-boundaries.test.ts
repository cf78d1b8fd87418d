import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

/**
 * The import rules are the architecture (eslint.config.js). Each case lints a one-line file as if
 * it sat at `path`, and checks the rule fires, so a broken rule cannot pass silently.
 */
// The snippets are not files of any TypeScript project, so type-aware rules are switched off for
// them; the boundary rules resolve paths, not types, and stay on.
const eslint = new ESLint({ cwd: process.cwd(), overrideConfig: [tseslint.configs.disableTypeChecked] });

async function problems(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path });
  return (result?.messages ?? []).filter((m) => m.ruleId !== '@typescript-eslint/no-unused-vars').map((m) => `${m.ruleId}: ${m.message}`);
}

const cases: [string, string, string, RegExp][] = [
  ['domain importing the app', 'src/domain/x.ts', "import '../app/db/fieldbook-db';", /domain is isomorphic/],
  ['domain importing the server', 'src/domain/x.ts', "import '../server/config';", /domain is isomorphic/],
  ['domain importing node built-ins', 'src/domain/x.ts', "import 'node:fs';", /no Node built-ins/],
  ['domain importing a UI library', 'src/domain/x.ts', "import 'react';", /platform-free/],
  ['the app importing the server', 'src/app/x.ts', "import '../server/config';", /must not import server code/],
  ['the server importing the app', 'src/server/x.ts', "import '../app/App';", /must not import the app/],
  ['the service worker importing the app', 'src/sw/x.ts', "import '../app/build-info';", /only the app’s storage and push layers/],
  ['UI importing the database', 'src/app/ui/x.tsx', "import '../db/fieldbook-db';", /must not touch IndexedDB/],
  ['UI importing the API client', 'src/app/ui/x.tsx', "import '../api/api-client';", /must not call the server/],
  ['UI importing the sync engine', 'src/app/ui/x.tsx', "import '../sync/sync-engine';", /only use sync through its hooks/],
  ['UI importing Dexie', 'src/app/ui/x.tsx', "import 'dexie';", /must not touch IndexedDB/],
  ['the data layer importing Dexie at runtime', 'src/app/data/x.ts', "import { Dexie } from 'dexie';\nvoid Dexie;", /app\/data must not use Dexie itself/],
  ['the data layer re-exporting Dexie', 'src/app/data/x.ts', "export { liveQuery } from 'dexie';", /app\/data must not use Dexie itself/],
  ['UI importing Dexie’s types', 'src/app/ui/x.tsx', "import type { Table } from 'dexie';", /must not touch IndexedDB/],
  ['UI calling fetch', 'src/app/ui/x.tsx', "void fetch('/api/session');", /must not call the network/],
  ['anything importing classic zod', 'src/server/x.ts', "import 'zod';", /src\/domain\/zod/],
  ['the service worker importing app UI', 'src/sw/x.ts', "import '../app/ui/components/Loading';", /only the app’s storage and push layers/],
  ['storage code the service worker shares importing UI', 'src/app/db/x.ts', "import '../ui/components/Loading';", /must not import UI or app state/],
  [
    'push code the service worker shares importing app state',
    'src/app/sync/push-outbox.ts',
    "import '../session/session-store';",
    /must not import UI or app state/,
  ],
];

// The first lintText loads the whole ESLint config and the TypeScript parser: seconds on a busy
// machine, past vitest's 5 s default.
describe('import boundaries', { timeout: 30_000 }, () => {
  it.each(cases)('%s is refused', async (_name, path, code, expected) => {
    const found = await problems(path, code);
    expect(found.join('\n')).toMatch(expected);
  });

  it('lets the service worker use the app’s storage and push layers', async () => {
    expect(await problems('src/sw/x.ts', "import '../app/db/fieldbook-db';\nimport '../app/sync/push-outbox';\n")).toEqual([]);
  });

  it('lets the data layer name Dexie’s types and use its React hooks', async () => {
    expect(await problems('src/app/data/x.ts', "import type { Table } from 'dexie';\nimport { useLiveQuery } from 'dexie-react-hooks';\n")).toEqual([]);
  });

  it('lets UI use the hooks', async () => {
    expect(await problems('src/app/ui/x.tsx', "import '../sync/sync-hooks';\nimport '../data/plan-hooks';\n")).toEqual([]);
  });
});

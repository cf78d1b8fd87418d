// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import globals from 'globals';

/**
 * Lint is where the architecture is enforced (docs/decisions/0003-import-boundaries.md):
 *   domain  ← app, sw, server   (domain imports none of them, and nothing platform-specific)
 *   app ✕ server, sw ✕ app/server, server ✕ app/sw
 *   app/ui  never reaches Dexie, the API client, fetch or storage: it uses hooks from data/, sync/, session/, pwa/.
 *   app/data uses Dexie only through app/db (no runtime import from dexie; its types and dexie-react-hooks are fine).
 * test/unit/lint-boundaries.test.ts proves each rule fires.
 */
const zone = (target, from, message, except) => ({ target, from, message, ...(except ? { except } : {}) });

export default tseslint.config(
  { ignores: ['dist/**', 'dist-server/**', 'node_modules/**', 'bench/results/**', 'test-results/**', 'playwright-report/**', 'coverage/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.es2022 },
    },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        createTypeScriptImportResolver({ project: ['src/*/tsconfig.json', 'test/tsconfig.json', 'tsconfig.tooling.json'], noWarnOnMultipleProjects: true }),
      ],
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/only-throw-error': 'error',
      'import-x/no-unresolved': 'error',
      'import-x/no-cycle': ['error', { maxDepth: 10 }],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            zone('./src/domain', './src/app', 'domain is isomorphic: it must not import the app'),
            zone('./src/domain', './src/server', 'domain is isomorphic: it must not import the server'),
            zone('./src/domain', './src/sw', 'domain is isomorphic: it must not import the service worker'),
            zone('./src/app', './src/server', 'the app must not import server code: share it through src/domain'),
            zone('./src/app', './src/sw', 'the app must not import the service worker'),
            // Background Sync: the service worker pushes the outbox itself when no page is open, with
            // the app's own storage and push code (docs/decisions/0015-background-sync.md). Only
            // those layers; they in turn never import UI or app state (below).
            zone('./src/sw', './src/app', 'the service worker may import only the app’s storage and push layers', [
              './db',
              './api',
              './sync/push-outbox.ts',
              './sync/device-id.ts',
            ]),
            ...['./src/app/db', './src/app/api', './src/app/sync/push-outbox.ts', './src/app/sync/device-id.ts'].flatMap((shared) =>
              ['./src/app/ui', './src/app/services', './src/app/session', './src/app/pwa', './src/app/data'].map((app) =>
                zone(shared, app, 'shared with the service worker: storage and push code must not import UI or app state'),
              ),
            ),
            zone('./src/sw', './src/server', 'the service worker must not import server code'),
            zone('./src/server', './src/app', 'the server must not import the app: share it through src/domain'),
            zone('./src/server', './src/sw', 'the server must not import the service worker'),
            zone('./src/app/ui', './src/app/db', 'UI must not touch IndexedDB: use a hook from app/data'),
            zone('./src/app/ui', './src/app/api', 'UI must not call the server: use a hook from app/data, app/sync or app/session'),
            zone('./src/app/ui', './src/app/services', 'UI must not reach services directly: use a hook'),
            zone('./src/app/ui', './src/app/sync', 'UI may only use sync through its hooks', ['./sync-hooks.ts', './sync-status.ts']),
            zone('./src/app/ui', './src/app/session', 'UI may only use the session through its hooks', ['./session-hooks.ts', './use-current-user.ts']),
            zone('./src/app/ui', './src/app/pwa', 'UI may only use updates and storage through their hooks', [
              './update-hooks.ts',
              './storage-hooks.ts',
              './install-hooks.ts',
            ]),
          ],
        },
      ],
      'no-restricted-imports': ['error', { paths: [{ name: 'zod', message: 'Import { z } from src/domain/zod (zod/mini, configured once).' }] }],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    ignores: ['src/domain/zod.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'zod', message: 'Import { z } from ./zod.' },
            { name: 'zod/mini', message: 'Import { z } from ./zod.' },
          ],
          patterns: [
            { group: ['node:*'], message: 'domain runs in the browser too: no Node built-ins.' },
            {
              group: ['react', 'react-*', 'dexie', 'dexie-*', 'workbox-*', 'fastify', '@fastify/*', 'kysely', 'better-sqlite3', 'pg'],
              message: 'domain is platform-free: no UI, storage or server libraries.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/app/**/*.{ts,tsx}', 'src/server/**/*.ts', 'src/sw/**/*.ts'],
    ignores: ['src/domain/zod.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'zod', message: 'Import { z } from src/domain/zod (zod/mini, configured once).' },
            { name: 'zod/mini', message: 'Import { z } from src/domain/zod.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/app/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // One door for the phone's storage (docs/decisions/0039-one-door-for-phone-writes.md): Dexie's
    // machinery — transactions written raw, its change channel, its key bounds — lives in app/db.
    // The data layer uses the tables of FieldbookDb and dexie-react-hooks, and may name Dexie's types.
    // (UI refuses every import from dexie, types included: below.)
    files: ['src/app/data/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'dexie',
              allowTypeImports: true,
              message: 'app/data must not use Dexie itself: its machinery belongs behind app/db (type-only imports are fine).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/app/ui/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'zod', message: 'UI does not validate: data/ does.' },
            { name: 'zod/mini', message: 'UI does not validate: data/ does.' },
            { name: 'dexie', message: 'UI must not touch IndexedDB: use a hook from app/data.' },
            { name: 'dexie-react-hooks', message: 'UI must not query IndexedDB: use a hook from app/data.' },
            { name: 'workbox-window', message: 'UI uses updates through app/pwa/update-hooks.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'UI must not call the network: use a hook.' },
        { name: 'indexedDB', message: 'UI must not touch IndexedDB: use a hook.' },
        { name: 'localStorage', message: 'UI must not touch storage: use a hook.' },
      ],
    },
  },
  {
    files: ['src/sw/**/*.ts'],
    languageOptions: { globals: { ...globals.serviceworker } },
  },
  {
    files: ['src/server/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.{ts,tsx,mts}', '*.config.{js,ts}', 'test/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['test/**/*.{ts,tsx}'],
    rules: {
      // Tests read results loosely on purpose (JSON bodies, fixtures).
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  { files: ['eslint.config.js'], ...tseslint.configs.disableTypeChecked },
);

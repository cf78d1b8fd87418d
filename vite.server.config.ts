import { defineConfig } from 'vite';

/**
 * The server and its command-line tools, built to JavaScript for Node (decision 40): `npm run
 * build` writes them to dist-server/, and `npm start`, `npm run users` and `npm run backup` run
 * them with `node --enable-source-maps`.
 *
 * - Everything from node_modules stays external, loaded from there at run time as before
 *   (better-sqlite3's native binding, pg, Fastify, Kysely, zod): only src/ is compiled.
 * - One JavaScript file per source file, in a tree that mirrors src/ (dist-server/server/…,
 *   dist-server/domain/…), so a path a module finds from its own URL (the demo seed's fixtures,
 *   three folders up) points at the same place from the build as from the source.
 * - Source maps beside each file: stack traces name the TypeScript file and line.
 */
export default defineConfig({
  publicDir: false,
  build: {
    ssr: true,
    outDir: 'dist-server',
    target: 'node20',
    sourcemap: true,
    rolldownOptions: {
      input: ['src/server/main.ts', 'src/server/cli/users.ts', 'src/server/cli/partnerships.ts', 'src/server/cli/backup.ts'],
      output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
    },
  },
});

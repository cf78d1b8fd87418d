import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';

const SOURCE = resolve(import.meta.dirname, '../src/sw/kill-switch.ts');

/** The kill switch as a plain, self-contained service worker script (see src/sw/kill-switch.ts). */
export function killSwitchScript(): string {
  const { outputText } = ts.transpileModule(readFileSync(SOURCE, 'utf8'), {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, removeComments: false },
  });
  // A classic script: nothing may be exported (TypeScript marks a file with no imports as a module).
  return `${outputText.replace(/^export \{\};\s*$/m, '')}\n// Fieldbook kill switch, written ${new Date().toISOString()}\n`;
}

/** Writes the kill switch over a build's sw.js: `npx tsx scripts/kill-switch.ts dist`. */
export function writeKillSwitch(builtDir: string): string {
  const target = join(builtDir, 'sw.js');
  writeFileSync(target, killSwitchScript());
  return target;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('Usage: npx tsx scripts/kill-switch.ts <built app folder, e.g. dist>');
    process.exit(2);
  }
  console.log(`Kill switch written to ${writeKillSwitch(dir)}. Deploy it; revert by deploying a good release.`);
}

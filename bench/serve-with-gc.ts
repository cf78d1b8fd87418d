/**
 * The real server entry point (src/server/main.ts) with one addition a memory benchmark needs:
 * on SIGUSR2, a full garbage collection (when started with --expose-gc), then "gc-done" on
 * standard output, so resident memory is read without garbage the next collection would free.
 */
import '../src/server/main';

process.on('SIGUSR2', () => {
  (globalThis as { gc?: () => void }).gc?.();
  process.stdout.write('gc-done\n');
});

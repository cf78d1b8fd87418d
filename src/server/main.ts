import { loadConfig, ConfigError } from './config';
import { describeStorage, openStorage } from './storage/open-storage';
import { seedDemoIfEmpty, DEMO_USERS } from './seed/demo-seed';
import { buildServer } from './build-server';

/** `npm start`: open (and migrate) the database, seed the demo on first start, serve. */
async function main() {
  const config = loadConfig(process.env);
  const storage = await openStorage(config);
  const seeded = config.seedDemo && (await seedDemoIfEmpty(storage, { logN: config.scryptLogN, r: 8, p: 1 }));
  const app = await buildServer({ config, storage });

  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    // close() stops accepting connections and waits for requests in flight (pushes) to finish.
    await app.close();
    await storage.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const lines = [
    '',
    `Fieldbook is running at http://localhost:${port}`,
    `Database: ${describeStorage(config)}${seeded ? ' (new: seeded with the South and Vale demo)' : ''}`,
  ];
  if (config.seedDemo) {
    lines.push(
      'Demo sign-ins:',
      `  field officer  ${DEMO_USERS.officer.email}  /  ${DEMO_USERS.officer.password}`,
      `  coordinator    ${DEMO_USERS.coordinator.email}  /  ${DEMO_USERS.coordinator.password}`,
    );
  }
  process.stdout.write(lines.join('\n') + '\n\n');
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof ConfigError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});

import type { Config } from '../config';
import type { KyselyStorage } from './kysely-storage';
import { openPostgresStorage } from './postgres';
import { openSqliteStorage } from './sqlite';

/** The storage the configuration asks for: PostgreSQL when DATABASE_URL is set, else the SQLite file. */
export function openStorage(config: Pick<Config, 'databasePath' | 'databaseUrl' | 'databasePoolSize'>): Promise<KyselyStorage> {
  return config.databaseUrl ? openPostgresStorage(config.databaseUrl, { poolSize: config.databasePoolSize }) : openSqliteStorage(config.databasePath);
}

/** Where the data is, for the start-up banner: never the URL itself, which may hold a password. */
export function describeStorage(config: Pick<Config, 'databasePath' | 'databaseUrl'>): string {
  if (!config.databaseUrl) return config.databasePath;
  const url = new URL(config.databaseUrl);
  return `PostgreSQL ${url.hostname || url.searchParams.get('host')}${url.port ? `:${url.port}` : ''}${url.pathname}`;
}

import { isIP } from 'node:net';
import './zod-messages';
import { z } from '../domain/zod';
import { toFieldErrors } from '../domain/api-error';

/**
 * Everything the server reads from its environment, checked once at start so that a mistyped
 * variable stops the server with a message naming it instead of surfacing later as odd behaviour.
 * README.md lists these.
 */
const flag = z.pipe(
  z.enum(['0', '1', 'true', 'false']),
  z.transform((v) => v === '1' || v === 'true'),
);
const int = (min: number, max: number) => z.pipe(z.coerce.number(), z.int().check(z.minimum(min), z.maximum(max)));
const num = (min: number, max: number) => z.pipe(z.coerce.number(), z.number().check(z.gt(min), z.maximum(max)));
const nonEmpty = z.string().check(z.minLength(1));

const Env = z.object({
  PORT: z._default(int(0, 65535), 8080),
  HOST: z._default(nonEmpty, 'localhost'),
  DATABASE_PATH: z._default(nonEmpty, 'data/fieldbook.sqlite'),
  DATABASE_URL: z.optional(nonEmpty),
  DATABASE_POOL_SIZE: z._default(int(1, 200), 10),
  FIELDBOOK_STATIC_DIR: z._default(nonEmpty, 'dist'),
  FIELDBOOK_DEMO: z._default(flag, true),
  PUBLIC_ORIGIN: z.optional(z.url({ protocol: /^https?$/ })),
  TRUSTED_PROXIES: z._default(nonEmpty, 'loopback'),
  SESSION_IDLE_HOURS: z._default(num(0, 24 * 30), 24),
  SESSION_ABSOLUTE_DAYS: z._default(num(0, 90), 7),
  /** Lower only in tests: hashes record their own cost, so raising it later keeps old ones valid. */
  SCRYPT_LOG_N: z._default(int(10, 20), 17),
  LOG_LEVEL: z._default(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']), 'info'),
});

export interface Config {
  port: number;
  host: string;
  /** The SQLite file; unused when databaseUrl is set. */
  databasePath: string;
  /** A postgres:// URL: storage on PostgreSQL instead of the SQLite file. */
  databaseUrl: string | undefined;
  /** PostgreSQL connections per instance. */
  databasePoolSize: number;
  staticDir: string;
  seedDemo: boolean;
  /** Set when served behind HTTPS (e.g. https://fieldbook.example.org): secure cookies follow. */
  publicOrigin: string | undefined;
  secureCookies: boolean;
  /**
   * Which peers may speak for the client in X-Forwarded-* (with publicOrigin set): addresses,
   * CIDR ranges, or proxy-addr's names loopback / linklocal / uniquelocal. Default: loopback, the
   * proxy on the same host.
   */
  trustedProxies: string[];
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  scryptLogN: number;
  logLevel: z.infer<typeof Env>['LOG_LEVEL'];
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = Env.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== '')));
  if (!parsed.success) {
    const lines = toFieldErrors(parsed.error.issues).map((e) => `  ${e.path}: ${e.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const problems: string[] = [];
  if (e.DATABASE_URL !== undefined) {
    const problem = postgresUrlProblem(e.DATABASE_URL);
    if (problem) problems.push(`  DATABASE_URL: ${problem}`);
    if (env.DATABASE_PATH) problems.push('  DATABASE_PATH: set either DATABASE_PATH (SQLite) or DATABASE_URL (PostgreSQL), not both');
  }
  const trustedProxies = e.TRUSTED_PROXIES.split(',').map((p) => p.trim());
  const notProxies = trustedProxies.filter((p) => !isProxyAddress(p));
  if (notProxies.length > 0)
    problems.push(
      `  TRUSTED_PROXIES: ${notProxies.map((p) => `"${p}"`).join(', ')} is not an IP address, a CIDR range, or one of loopback, linklocal, uniquelocal`,
    );
  if (problems.length > 0) throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
  return {
    port: e.PORT,
    host: e.HOST,
    databasePath: e.DATABASE_PATH,
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    staticDir: e.FIELDBOOK_STATIC_DIR,
    seedDemo: e.FIELDBOOK_DEMO,
    publicOrigin: e.PUBLIC_ORIGIN?.replace(/\/$/, ''),
    secureCookies: e.PUBLIC_ORIGIN?.startsWith('https:') ?? false,
    trustedProxies,
    sessionIdleMs: e.SESSION_IDLE_HOURS * 3_600_000,
    sessionAbsoluteMs: e.SESSION_ABSOLUTE_DAYS * 86_400_000,
    scryptLogN: e.SCRYPT_LOG_N,
    logLevel: e.LOG_LEVEL,
  };
}

/**
 * What is wrong with a PostgreSQL URL, in words, or undefined. Never quotes the URL: it may hold
 * a password, and this message is printed.
 */
function postgresUrlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'is not a URL; expected postgres://user:password@host:5432/database';
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') return `must start with postgres:// or postgresql:// (it starts with ${url.protocol}//)`;
  // A Unix socket is given as ?host=/run/postgresql with no host name in the URL itself.
  if (url.hostname === '' && !url.searchParams.get('host')) return 'names no host; expected postgres://user:password@host:5432/database';
  if (url.pathname.replace(/^\//, '') === '') return 'names no database; add it after the host, e.g. postgres://user@host:5432/fieldbook';
  return undefined;
}

function isProxyAddress(value: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(value)) return true;
  const [address = '', prefix, ...rest] = value.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  return prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
}

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
  FIELDBOOK_STATIC_DIR: z._default(nonEmpty, 'dist'),
  FIELDBOOK_DEMO: z._default(flag, true),
  PUBLIC_ORIGIN: z.optional(z.url({ protocol: /^https?$/ })),
  SESSION_IDLE_HOURS: z._default(num(0, 24 * 30), 24),
  SESSION_ABSOLUTE_DAYS: z._default(num(0, 90), 7),
  /** Lower only in tests: hashes record their own cost, so raising it later keeps old ones valid. */
  SCRYPT_LOG_N: z._default(int(10, 20), 17),
  LOG_LEVEL: z._default(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']), 'info'),
});

export interface Config {
  port: number;
  host: string;
  databasePath: string;
  staticDir: string;
  seedDemo: boolean;
  /** Set when served behind HTTPS (e.g. https://fieldbook.example.org): secure cookies follow. */
  publicOrigin: string | undefined;
  secureCookies: boolean;
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
  return {
    port: e.PORT,
    host: e.HOST,
    databasePath: e.DATABASE_PATH,
    staticDir: e.FIELDBOOK_STATIC_DIR,
    seedDemo: e.FIELDBOOK_DEMO,
    publicOrigin: e.PUBLIC_ORIGIN?.replace(/\/$/, ''),
    secureCookies: e.PUBLIC_ORIGIN?.startsWith('https:') ?? false,
    sessionIdleMs: e.SESSION_IDLE_HOURS * 3_600_000,
    sessionAbsoluteMs: e.SESSION_ABSOLUTE_DAYS * 86_400_000,
    scryptLogN: e.SCRYPT_LOG_N,
    logLevel: e.LOG_LEVEL,
  };
}

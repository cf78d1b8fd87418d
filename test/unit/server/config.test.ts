import { describe, it, expect } from 'vitest';
import { loadConfig, ConfigError } from '../../../src/server/config';

function configErrorOf(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('uses the documented defaults for an empty environment', () => {
    expect(loadConfig({})).toEqual({
      port: 8080,
      host: 'localhost',
      databasePath: 'data/fieldbook.sqlite',
      databaseUrl: undefined,
      databasePoolSize: 10,
      staticDir: 'dist',
      seedDemo: true,
      publicOrigin: undefined,
      secureCookies: false,
      trustedProxies: ['loopback'],
      sessionIdleMs: 24 * 60 * 60 * 1000,
      sessionAbsoluteMs: 7 * 24 * 60 * 60 * 1000,
      scryptLogN: 17,
      logLevel: 'info',
    });
  });

  it('reads the port as a number', () => {
    expect(loadConfig({ PORT: '3000' }).port).toBe(3000);
  });

  it.each(['abc', '70000', '-1', '80.5'])('refuses PORT=%s with a message naming PORT', (port) => {
    const e = configErrorOf({ PORT: port });
    expect(e.name).toBe('ConfigError');
    expect(e.message).toMatch(/^\s+PORT: /m);
  });

  it.each([
    ['0', false],
    ['false', false],
    ['1', true],
    ['true', true],
  ])('reads FIELDBOOK_DEMO=%s as %s', (value, seedDemo) => {
    expect(loadConfig({ FIELDBOOK_DEMO: value }).seedDemo).toBe(seedDemo);
  });

  it('refuses a FIELDBOOK_DEMO value that is not a flag', () => {
    expect(configErrorOf({ FIELDBOOK_DEMO: 'yes' }).message).toMatch(/FIELDBOOK_DEMO/);
  });

  it('turns on secure cookies behind an https origin and drops its trailing slash', () => {
    const c = loadConfig({ PUBLIC_ORIGIN: 'https://fieldbook.example.org/' });
    expect(c.secureCookies).toBe(true);
    expect(c.publicOrigin).toBe('https://fieldbook.example.org');
  });

  it('keeps cookies non-secure behind an http origin', () => {
    const c = loadConfig({ PUBLIC_ORIGIN: 'http://localhost:8080' });
    expect(c.secureCookies).toBe(false);
    expect(c.publicOrigin).toBe('http://localhost:8080');
  });

  it('refuses a PUBLIC_ORIGIN that is not http or https', () => {
    expect(configErrorOf({ PUBLIC_ORIGIN: 'ftp://x' }).message).toMatch(/PUBLIC_ORIGIN/);
  });

  it('reads TRUSTED_PROXIES as a list of addresses, ranges and names', () => {
    expect(loadConfig({ TRUSTED_PROXIES: '10.0.0.5, 192.168.0.0/16,loopback,::1, fd00::/8' }).trustedProxies).toEqual([
      '10.0.0.5',
      '192.168.0.0/16',
      'loopback',
      '::1',
      'fd00::/8',
    ]);
  });

  it.each(['everyone', '10.0.0.300', '10.0.0.0/33', 'true', '10.0.0.0/8/1'])('refuses TRUSTED_PROXIES=%s, naming the entry', (value) => {
    const message = configErrorOf({ TRUSTED_PROXIES: value }).message;
    expect(message).toMatch(/^\s+TRUSTED_PROXIES: /m);
    expect(message).toContain(`"${value}"`);
  });

  it('treats empty variables as unset', () => {
    const c = loadConfig({ PORT: '', HOST: '', PUBLIC_ORIGIN: '', FIELDBOOK_DEMO: '', SCRYPT_LOG_N: '' });
    expect(c).toMatchObject({ port: 8080, host: 'localhost', publicOrigin: undefined, seedDemo: true, scryptLogN: 17 });
  });

  it('puts storage on PostgreSQL when DATABASE_URL is a postgres URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://fieldbook:pw@db.internal:5432/fieldbook' }).databaseUrl).toBe(
      'postgres://fieldbook:pw@db.internal:5432/fieldbook',
    );
    expect(loadConfig({ DATABASE_URL: 'postgresql:///fieldbook?host=/run/postgresql' }).databaseUrl).toBe('postgresql:///fieldbook?host=/run/postgresql');
    expect(loadConfig({ DATABASE_POOL_SIZE: '25' }).databasePoolSize).toBe(25);
  });

  it.each([
    ['not a url', /DATABASE_URL: is not a URL/],
    ['mysql://u:secret@h/db', /DATABASE_URL: must start with postgres:\/\/ or postgresql:\/\/ \(it starts with mysql:\/\/\)/],
    ['postgres://u:secret@h:5432', /DATABASE_URL: names no database/],
    ['postgres://u:secret@h:5432/', /DATABASE_URL: names no database/],
  ])('refuses DATABASE_URL=%s, saying what is wrong without printing the password', (url, message) => {
    const e = configErrorOf({ DATABASE_URL: url });
    expect(e.message).toMatch(message);
    expect(e.message).not.toContain('secret');
  });

  it('refuses DATABASE_URL and DATABASE_PATH together', () => {
    expect(configErrorOf({ DATABASE_URL: 'postgres://h/db', DATABASE_PATH: 'x.sqlite' }).message).toMatch(
      /DATABASE_PATH: set either DATABASE_PATH \(SQLite\) or DATABASE_URL \(PostgreSQL\), not both/,
    );
  });

  it('refuses a DATABASE_POOL_SIZE that is not a positive whole number', () => {
    expect(configErrorOf({ DATABASE_POOL_SIZE: '0' }).message).toMatch(/DATABASE_POOL_SIZE/);
  });

  it('converts session lifetimes to milliseconds', () => {
    const c = loadConfig({ SESSION_IDLE_HOURS: '0.5', SESSION_ABSOLUTE_DAYS: '30' });
    expect(c.sessionIdleMs).toBe(30 * 60 * 1000);
    expect(c.sessionAbsoluteMs).toBe(30 * 24 * 60 * 60 * 1000);
  });

  it('names every invalid variable at once', () => {
    const message = configErrorOf({ PORT: 'abc', SCRYPT_LOG_N: '9', LOG_LEVEL: 'loud' }).message;
    expect(message).toMatch(/PORT/);
    expect(message).toMatch(/SCRYPT_LOG_N/);
    expect(message).toMatch(/LOG_LEVEL/);
  });
});

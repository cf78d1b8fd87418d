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
      staticDir: 'dist',
      seedDemo: true,
      publicOrigin: undefined,
      secureCookies: false,
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

  it('treats empty variables as unset', () => {
    const c = loadConfig({ PORT: '', HOST: '', PUBLIC_ORIGIN: '', FIELDBOOK_DEMO: '', SCRYPT_LOG_N: '' });
    expect(c).toMatchObject({ port: 8080, host: 'localhost', publicOrigin: undefined, seedDemo: true, scryptLogN: 17 });
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

import { describe, expect, it } from 'vitest';
import type { FastifyError } from 'fastify';
import { logSerializers, maskQuoted } from '../../../src/server/http/log-serializers';

const NOTE = 'Met the manager at the Red Lion about the door staff';

/** An error as the pg driver raises it: the offending values in its message and extra fields. */
function pgLikeError(): FastifyError {
  const err = new Error(`invalid input syntax for type json: "${NOTE}"`) as FastifyError & Record<string, unknown>;
  err.code = '22P02';
  err.detail = `Key (notes)=(${NOTE}) already exists.`;
  err.where = `unnamed portal parameter $3 = '${NOTE}'`;
  err.parameters = [NOTE];
  return err;
}

describe('log serializers', () => {
  it('keep an error its type, code and stack frames, and nothing of the values it quotes or carries', () => {
    const logged = logSerializers.err(pgLikeError());
    expect(JSON.stringify(logged)).not.toContain('Red Lion');
    expect(logged).toMatchObject({ type: 'Error', code: '22P02', message: 'invalid input syntax for type json: "…"' });
    expect(logged.stack).toMatch(/^\s+at /);
  });

  it('log a request by method and path, never its query', () => {
    expect(logSerializers.req({ method: 'GET', url: `/api/sync/pull?cursor=${encodeURIComponent(NOTE)}`, ip: '127.0.0.1' })).toEqual({
      method: 'GET',
      url: '/api/sync/pull',
      remoteAddress: '127.0.0.1',
    });
  });

  it('mask every quoted run and key=value pair, keeping the words around them', () => {
    expect(maskQuoted(`Unexpected token 'M', "${NOTE}" is not valid JSON`)).toBe('Unexpected token "…", "…" is not valid JSON');
    expect(maskQuoted(`Key (id)=(${NOTE}) already exists.`)).toBe('Key (…)=(…) already exists.');
    expect(maskQuoted(undefined)).toBe('');
  });
});

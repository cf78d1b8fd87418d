import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

function expectSecurityHeaders(headers: Headers): void {
  const csp = headers.get('content-security-policy') ?? '';
  const directives = new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name, values.join(' ')]),
  );
  expect(directives.get('script-src')).toBe("'self'");
  expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
  expect(directives.get('object-src')).toBe("'none'");
  expect(directives.get('base-uri')).toBe("'none'");
  expect(directives.get('frame-ancestors')).toBe("'none'");
  expect(headers.get('x-content-type-options')).toBe('nosniff');
  expect(headers.get('referrer-policy')).toBe('no-referrer');
  expect(headers.get('cross-origin-opener-policy')).toBe('same-origin');
}

describe('security headers', () => {
  it('are on every API answer, which no cache may store', async () => {
    for (const path of ['/api/session', '/api/sync/pull', '/api/nothing-here']) {
      const res = await fetch(server.url + path);
      expectSecurityHeaders(res.headers);
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('are on answers outside the API too, and HSTS only behind HTTPS', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expectSecurityHeaders(res.headers);
    expect(res.headers.get('strict-transport-security')).toBeNull();
  });
});

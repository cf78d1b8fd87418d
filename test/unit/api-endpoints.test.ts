import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type * as FastifyModule from 'fastify';
import type { FastifyInstance } from 'fastify';
import { pathTo, type Endpoint } from '../../src/domain/api/endpoint';
import { saveReview } from '../../src/domain/api/reviews';
import { buildServer } from '../../src/server/build-server';
import { loadConfig } from '../../src/server/config';
import type { Storage } from '../../src/server/storage/storage';
import { createApiClient } from '../../src/app/api/api-client';
import { coordinatorApi } from '../../src/app/api/coordinator-api';
import { partnershipDetailsApi } from '../../src/app/api/partnership-details-api';

/**
 * Each endpoint is declared once, in src/domain/api, and both ends take its method and path from
 * there. These tests prove it from the outside: the server registers exactly the declared
 * routes, refuses one written by hand, and every call the app's client makes reaches one of them.
 */

/** Every route the server registers, as Fastify saw it (HEAD included), logged from the start. */
const registered = vi.hoisted(() => [] as { method: string; url: string; endpoint: Endpoint | undefined }[]);
vi.mock('fastify', async (importOriginal) => {
  const fastify = await importOriginal<typeof FastifyModule>();
  const withRouteLog = (options?: Parameters<typeof fastify.default>[0]) =>
    fastify.default(options).addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) registered.push({ method, url: route.url, endpoint: route.config?.endpoint });
    });
  return { ...fastify, default: withRouteLog };
});

/** Every declaration in every file of src/domain/api. */
async function declaredEndpoints(): Promise<Map<Endpoint, string>> {
  const dir = join(import.meta.dirname, '../../src/domain/api');
  const found = new Map<Endpoint, string>();
  for (const file of readdirSync(dir)) {
    const module = (await import(join(dir, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) {
      if (typeof value === 'object' && value !== null && 'method' in value && 'path' in value) found.set(value as Endpoint, `${file}: ${name}`);
    }
  }
  return found;
}

const paramNames = (path: string) => [...path.matchAll(/:(\w+)/g)].map((m) => m[1]).sort();
const UUID = '0b7c6f1e-2a4d-4c8e-9f00-5d6e7a8b9c0d';

let app: FastifyInstance;
let declared: Map<Endpoint, string>;

beforeAll(async () => {
  declared = await declaredEndpoints();
  const config = loadConfig({
    DATABASE_PATH: ':memory:',
    FIELDBOOK_STATIC_DIR: join(import.meta.dirname, 'no-build'),
    LOG_LEVEL: 'silent',
    SCRYPT_LOG_N: '12',
  });
  // Registering routes touches no storage; nothing here sends a request.
  app = await buildServer({ config, storage: {} as Storage });
  await app.ready();
});
afterAll(() => app.close());

describe('API endpoints, declared once', () => {
  it('are found: one per method and path', () => {
    expect(declared.size).toBeGreaterThan(30);
    const keys = [...declared.keys()].map((e) => `${e.method} ${e.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('name a schema for each parameter of their path, and no other', () => {
    for (const [endpoint, where] of declared) {
      expect(Object.keys(endpoint.params ?? {}).sort(), where).toEqual(paramNames(endpoint.path));
    }
  });

  it('are each registered by the server with that method and path, from the declaration itself', () => {
    for (const [endpoint, where] of declared) {
      const route = registered.find((r) => r.method === endpoint.method && r.url === endpoint.path);
      expect(route, where).toBeDefined();
      expect(route?.endpoint, where).toBe(endpoint);
    }
  });

  it('are all the server has under /api: no route there is registered without one', () => {
    const api = registered.filter((r) => r.url.startsWith('/api/'));
    expect(api.length).toBeGreaterThanOrEqual(declared.size);
    for (const route of api) {
      const endpoint = route.endpoint;
      expect(endpoint && declared.has(endpoint), `${route.method} ${route.url}`).toBe(true);
      expect([endpoint?.method, ...(endpoint?.method === 'GET' ? ['HEAD'] : [])]).toContain(route.method);
      expect(route.url).toBe(endpoint?.path);
    }
  });

  it('are the only way to add an /api route: one written by hand stops the server from starting', async () => {
    const config = loadConfig({
      DATABASE_PATH: ':memory:',
      FIELDBOOK_STATIC_DIR: join(import.meta.dirname, 'no-build'),
      LOG_LEVEL: 'silent',
      SCRYPT_LOG_N: '12',
    });
    const other = await buildServer({ config, storage: {} as Storage });
    expect(() => other.get('/api/partnerships/:partnershipId/members', () => ({}))).toThrow(/is not declared/);
    expect(() => other.get('/not-api', () => ({}))).not.toThrow();
    await other.close();
  });

  it('give concrete paths with each parameter encoded', () => {
    expect(pathTo(saveReview, { actionId: 'a/b?c', quarterStart: '2026-04-01' })).toBe('/api/actions/a%2Fb%3Fc/reviews/2026-04-01');
  });

  it('are what every call of the app’s client asks for', async () => {
    const asked: string[] = [];
    const recordingFetch = (url: string, init?: RequestInit) => {
      asked.push(`${init?.method ?? 'GET'} ${new URL(url).pathname}`);
      return Promise.resolve(new Response(null, { status: 204 }));
    };
    const api = createApiClient({ baseUrl: 'http://fieldbook.test', fetch: recordingFetch as typeof fetch });
    const calls = { ...api, ...coordinatorApi(api), ...partnershipDetailsApi(api) } as unknown as Record<string, unknown>;
    const methods = Object.entries(calls).filter((entry): entry is [string, (...args: unknown[]) => Promise<unknown>] => entry[0] !== 'call');
    expect(methods.length).toBeGreaterThanOrEqual(30);
    for (const [name, method] of methods) {
      const before = asked.length;
      await method(...Array.from({ length: method.length }, () => UUID)).catch(() => undefined);
      expect(asked.length, name).toBe(before + 1);
    }
    const served = [...declared.keys()].map((e) => ({ method: e.method, pattern: new RegExp(`^${e.path.replace(/:\w+/g, '[^/]+').replace(/\./g, '\\.')}$`) }));
    for (const request of asked) {
      const [method, path] = request.split(' ') as [string, string];
      expect(
        served.some((s) => s.method === method && s.pattern.test(path)),
        request,
      ).toBe(true);
    }
  });
});

import { describe, it, expect } from 'vitest';
import { PushRequest, MAX_MUTATIONS_PER_PUSH, MutationEnvelope } from '../../../src/domain/sync/push';
import { PullQuery, PULL_PAGE_DEFAULT } from '../../../src/domain/sync/pull';
import { toFieldErrors } from '../../../src/domain/api-error';
import { z } from '../../../src/domain/zod';

const DEVICE_ID = '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f';
const mutation = (seq: number) => ({ seq, kind: 'outcome.create', args: {} });
const push = (...seqs: number[]) => ({ deviceId: DEVICE_ID, mutations: seqs.map(mutation) });
const paths = (r: { success: boolean; error?: z.core.$ZodError }) => (r.error?.issues ?? []).map((i) => i.path.join('.'));

describe('PushRequest', () => {
  it('accepts consecutive sequence numbers starting anywhere', () => {
    expect(PushRequest.safeParse(push(41, 42, 43)).success).toBe(true);
  });

  it('flags each mutation whose seq does not follow the one before it', () => {
    const r = PushRequest.safeParse(push(1, 2, 4, 5, 5));
    expect(r.success).toBe(false);
    expect(paths(r)).toEqual(['mutations.2.seq', 'mutations.4.seq']);
  });

  it('rejects a push with no mutations', () => {
    const r = PushRequest.safeParse(push());
    expect(r.success).toBe(false);
    expect(paths(r)).toEqual(['mutations']);
  });

  it(`accepts ${MAX_MUTATIONS_PER_PUSH} mutations and rejects ${MAX_MUTATIONS_PER_PUSH + 1}`, () => {
    const seqs = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
    expect(PushRequest.safeParse(push(...seqs(500))).success).toBe(true);
    const r = PushRequest.safeParse(push(...seqs(501)));
    expect(r.success).toBe(false);
    expect(paths(r)).toEqual(['mutations']);
  });

  it('rejects a device id that is not a UUID', () => {
    expect(paths(PushRequest.safeParse({ ...push(1), deviceId: 'phone' }))).toEqual(['deviceId']);
  });

  it('leaves the kind and args of each mutation for the server to check one by one', () => {
    const envelope = { seq: 1, kind: 'plan.delete-everything', args: { anything: [1, 'two', null] } };
    expect(MutationEnvelope.safeParse(envelope).success).toBe(true);
    expect(PushRequest.safeParse({ deviceId: DEVICE_ID, mutations: [envelope] })).toEqual({
      success: true,
      data: { deviceId: DEVICE_ID, mutations: [envelope] },
    });
  });

  it('rejects an envelope with an empty kind or a seq below 1', () => {
    expect(MutationEnvelope.safeParse({ seq: 1, kind: '', args: null }).success).toBe(false);
    expect(MutationEnvelope.safeParse({ seq: 0, kind: 'outcome.create', args: null }).success).toBe(false);
  });
});

describe('PullQuery', () => {
  it('coerces a limit given as a query-string value', () => {
    expect(PullQuery.safeParse({ limit: '50' })).toEqual({ success: true, data: { limit: 50 } });
  });

  it('defaults the limit to 1000 when absent', () => {
    expect(PULL_PAGE_DEFAULT).toBe(1000);
    expect(PullQuery.safeParse({ cursor: 'abc' })).toEqual({ success: true, data: { cursor: 'abc', limit: 1000 } });
  });

  it.each([['0'], ['5001'], [0], [5001], ['lots'], ['2.5']])('rejects limit %j', (limit) => {
    const r = PullQuery.safeParse({ limit });
    expect(r.success).toBe(false);
    expect(paths(r)).toEqual(['limit']);
  });

  it('accepts the largest page, 5000', () => {
    expect(PullQuery.safeParse({ limit: '5000' }).data?.limit).toBe(5000);
  });

  it('rejects an empty cursor', () => {
    expect(paths(PullQuery.safeParse({ cursor: '' }))).toEqual(['cursor']);
  });
});

describe('toFieldErrors', () => {
  const issues = (schema: z.ZodMiniType, value: unknown) => {
    const r = schema.safeParse(value);
    if (r.success) throw new Error('expected the value to be invalid');
    return r.error.issues;
  };
  const nested = z.object({ mutations: z.array(z.object({ seq: z.int().check(z.minimum(1, 'Too small')) })) });

  it('joins an issue path with dots', () => {
    expect(toFieldErrors(issues(nested, { mutations: [{ seq: 1 }, { seq: 0 }] }))).toEqual([{ path: 'mutations.1.seq', message: 'Too small' }]);
  });

  it('puts the prefix in front of the path', () => {
    expect(toFieldErrors(issues(nested, { mutations: [{ seq: 0 }] }), 'args')).toEqual([{ path: 'args.mutations.0.seq', message: 'Too small' }]);
  });

  it('names an issue about the whole body "(body)"', () => {
    const root = z.string().check(z.minLength(1, 'Say something'));
    expect(toFieldErrors(issues(root, ''))).toEqual([{ path: '(body)', message: 'Say something' }]);
  });

  it('uses the prefix alone for a root issue when one is given', () => {
    const root = z.string().check(z.minLength(1, 'Say something'));
    expect(toFieldErrors(issues(root, ''), 'args')).toEqual([{ path: 'args', message: 'Say something' }]);
  });
});

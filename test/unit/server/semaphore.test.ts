import { describe, it, expect } from 'vitest';
import { Semaphore } from '../../../src/server/auth/semaphore';

/** Tasks that wait until the test lets them finish, recording how many run at once and in what order. */
function harness(sem: Semaphore) {
  let running = 0;
  const state = { maxRunning: 0, started: [] as string[], finish: {} as Record<string, () => void> };
  const run = (name: string, fail = false) =>
    sem.run(async () => {
      running++;
      state.maxRunning = Math.max(state.maxRunning, running);
      state.started.push(name);
      await new Promise<void>((resolve) => (state.finish[name] = resolve));
      running--;
      if (fail) throw new Error(`${name} failed`);
      return name;
    });
  return { run, state, running: () => running };
}

/** Lets every queued promise callback run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('Semaphore', () => {
  it('never runs more than `limit` tasks at once', async () => {
    const h = harness(new Semaphore(2));
    const results = ['A', 'B', 'C', 'D', 'E'].map((n) => h.run(n));
    await settle();
    expect(h.running()).toBe(2);
    expect(h.state.started).toEqual(['A', 'B']);

    for (const name of ['A', 'B', 'C', 'D', 'E']) {
      h.state.finish[name]!();
      await settle();
      expect(h.running()).toBeLessThanOrEqual(2);
    }
    expect(await Promise.all(results)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(h.state.maxRunning).toBe(2);
  });

  it('starts waiting tasks in the order they arrived', async () => {
    const h = harness(new Semaphore(1));
    const results = ['A', 'B', 'C', 'D'].map((n) => h.run(n));
    await settle();
    for (const name of ['A', 'B', 'C', 'D']) {
      expect(h.state.started.at(-1)).toBe(name);
      h.state.finish[name]!();
      await settle();
    }
    await Promise.all(results);
    expect(h.state.started).toEqual(['A', 'B', 'C', 'D']);
    expect(h.state.maxRunning).toBe(1);
  });

  it('frees the slot of a task that throws', async () => {
    const h = harness(new Semaphore(1));
    const failing = h.run('A', true);
    const next = h.run('B');
    const failed = expect(failing).rejects.toThrow('A failed');
    await settle();
    h.state.finish.A!();
    await failed;
    await settle();
    expect(h.state.started).toEqual(['A', 'B']);
    h.state.finish.B!();
    expect(await next).toBe('B');
  });

  it('keeps the limit and the order when a task arrives just as a slot is handed over', async () => {
    // A new task may arrive in any microtask after the running one finishes; try several.
    for (let delay = 0; delay < 6; delay++) {
      const h = harness(new Semaphore(1));
      const results = [h.run('A'), h.run('B')];
      await settle();
      h.state.finish.A!();
      let later = Promise.resolve();
      for (let i = 0; i < delay; i++) later = later.then(() => undefined);
      await later.then(() => results.push(h.run('C')));
      await settle();
      expect({ delay, maxRunning: h.state.maxRunning, started: h.state.started }).toEqual({ delay, maxRunning: 1, started: ['A', 'B'] });
      h.state.finish.B!();
      await settle();
      h.state.finish.C!();
      await Promise.all(results);
    }
  });
});

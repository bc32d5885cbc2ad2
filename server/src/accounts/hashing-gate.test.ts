import { describe, expect, it } from 'vitest';
import { ApiError } from '../http/api-error';
import { createHashingGate } from './hashing-gate';

function deferred() {
  let resolve = () => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('the password hashing gate', () => {
  it('runs 2 at once, queues 8 in order, refuses the 11th at once with SIGN_IN_BUSY', async () => {
    const gate = createHashingGate({ concurrency: 2, queue: 8, retryAfterSeconds: 2 });
    const started: number[] = [];
    const holds = Array.from({ length: 10 }, deferred);
    const runs = holds.map((hold, i) =>
      gate.run(async () => {
        started.push(i);
        await hold.promise;
        return i;
      }),
    );
    await Promise.resolve();
    expect([gate.running, gate.waiting]).toEqual([2, 8]);
    expect(started).toEqual([0, 1]);

    // A sign-in can ask before it reads or reserves anything, and gets the same refusal.
    expect(() => gate.admit()).toThrow(ApiError);
    const refused = await gate.run(async () => 'never').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).payload).toMatchObject({
      code: 'SIGN_IN_BUSY',
      status: 503,
      retryAfterSeconds: 2,
    });

    holds[0]?.resolve();
    await runs[0];
    expect(() => gate.admit()).not.toThrow();
    for (const hold of holds) hold.resolve();
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect([gate.running, gate.waiting]).toEqual([0, 0]);
  });

  it('frees the slot of a hash that failed', async () => {
    const gate = createHashingGate({ concurrency: 1, queue: 0, retryAfterSeconds: 1 });
    await expect(gate.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await gate.run(async () => 'next')).toBe('next');
  });
});

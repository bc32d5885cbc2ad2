import type Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../test/support/manual-clock';
import { type RedisUnderTest, startRedis } from '../../test/support/redis-server';
import { knownApiError } from '../http/api-error';
import { connectRedis, waitUntilReady } from '../infra/redis/connection';
import { StoreUnavailableError } from '../infra/store-unavailable';
import { createSessions, hashSessionId } from './sessions';
import type { LoginThrottle } from './store/login-throttle';
import { createRedisLoginThrottle } from './store/redis-login-throttle';
import { createRedisSessionStore } from './store/redis-session-store';
import type { SessionStore } from './store/session-store';

const COMMAND_TIMEOUT_MS = 500;
const STALL_ONE_SECOND = `
local function ms() local t = redis.call('time') return t[1] * 1000 + t[2] / 1000 end
local until_ms = ms() + 1000
while ms() < until_ms do end
return 1`;

let server: RedisUnderTest;
let redis: Redis;
beforeAll(async () => {
  server = await startRedis();
  redis = connectRedis({ url: server.url, commandTimeoutMs: COMMAND_TIMEOUT_MS });
  await waitUntilReady(redis, 5_000);
});
afterAll(async () => {
  redis.disconnect();
  await server.stop();
});

function stores() {
  const clock = manualClock(1_700_000_000_000);
  const store = createRedisSessionStore(redis, 'ccc:', clock);
  const throttle = createRedisLoginThrottle(redis, 'ccc:', clock);
  return { clock, store, throttle, sessions: createSessions(store, clock) };
}

const KIM = { account: 'kim', address: '192.0.2.1' };

/** Every operation of both stores, on a session and a key that exist. */
function everyOperation(store: SessionStore, throttle: LoginThrottle, idHash: string, at: number) {
  const session = { idHash, userId: 1, csrfToken: 't', createdAt: at, lastSeenAt: at };
  return {
    get: () => store.get(idHash),
    set: () => store.set({ ...session, expiresAt: at + 60_000 }),
    touch: () => store.touch(idHash, at, at + 60_000),
    destroy: () => store.destroy(idHash),
    destroyAllForUser: () => store.destroyAllForUser(1),
    reserve: () => throttle.reserve(KIM),
    release: () => throttle.release(KIM, `${at}:ticket`),
    succeeded: () => throttle.succeeded(KIM, `${at}:ticket`),
  };
}

/** The error an operation rejects with, and how long it took to. */
async function failure(operation: () => Promise<unknown>) {
  const started = performance.now();
  const error: unknown = await operation().then(
    () => undefined,
    (reason: unknown) => reason,
  );
  return { error, ms: performance.now() - started };
}

function expectUnavailable(error: unknown, name: string) {
  expect(error, name).toBeInstanceOf(StoreUnavailableError);
  // What the HTTP edge answers for it.
  expect(knownApiError(error)?.payload, name).toMatchObject({
    code: 'SHARED_STORE_UNAVAILABLE',
    status: 503,
    retryable: true,
  });
}

describe('sessions and sign-in throttling with Redis away', () => {
  it('fail at once with SHARED_STORE_UNAVAILABLE, and work again once Redis is back', async () => {
    const { store, throttle, sessions, clock } = stores();
    const before = await sessions.start(1);
    await server.stop();
    const operations = everyOperation(store, throttle, hashSessionId(before.id), clock.now());
    for (const [name, operation] of Object.entries(operations)) {
      const { error, ms } = await failure(operation);
      expectUnavailable(error, name);
      expect(ms, name).toBeLessThan(250);
    }
    expectUnavailable((await failure(() => sessions.resume(before.id))).error, 'resume');

    await server.restart();
    expect(await waitUntilReady(redis, 5_000)).toBe(true);
    // The same store objects, on the connection that healed by itself.
    const after = await sessions.start(1);
    expect(await sessions.resume(after.id)).toBeDefined();
    // Redis came back empty: the earlier session is gone, and its user signs in again.
    expect(await sessions.resume(before.id)).toBeUndefined();
    for (let i = 0; i < 5; i += 1) await throttle.reserve(KIM);
    expect(await throttle.reserve(KIM)).toEqual({ ok: false, retryAfterSeconds: 15 * 60 });
  });

  it('fail with SHARED_STORE_UNAVAILABLE after the command timeout when Redis stops answering', async () => {
    const { store, throttle, clock } = stores();
    // A script that keeps the single-threaded server busy for 1 s, like a stalled Redis.
    const stall = connectRedis({ url: server.url, commandTimeoutMs: 5_000 });
    await waitUntilReady(stall, 5_000);
    const busy = stall.eval(STALL_ONE_SECOND, 0);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const operations = everyOperation(store, throttle, 'some-session', clock.now());
    const outcomes = await Promise.all(
      Object.entries(operations).map(async ([name, operation]) => ({
        name,
        ...(await failure(operation)),
      })),
    );
    for (const { name, error, ms } of outcomes) {
      expectUnavailable(error, name);
      expect(ms, name).toBeGreaterThanOrEqual(COMMAND_TIMEOUT_MS - 50);
      expect(ms, name).toBeLessThan(COMMAND_TIMEOUT_MS + 250);
    }
    await busy;
    stall.disconnect();
    await store.set({
      idHash: 'h',
      userId: 1,
      csrfToken: 't',
      createdAt: clock.now(),
      lastSeenAt: clock.now(),
      expiresAt: clock.now() + 60_000,
    });
    expect(await store.get('h')).toMatchObject({ userId: 1 });
  });
});

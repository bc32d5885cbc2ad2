import { setTimeout as sleep } from 'node:timers/promises';
import type Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../lib/clock';
import { manualClock } from '../sandbox/test-clock';
import { connectRedis, waitUntilReady } from '../scale/redis-connection';
import { type RedisUnderTest, startRedis } from '../testing/redis-server';
import { redisContents } from './redis-contents';
import { createRedisSessionStore } from './redis-session-store';
import { describeSessionStore } from './session-store.contract';
import { createSessions, hashSessionId } from './sessions';

const MINUTE = 60_000;

let server: RedisUnderTest;
// Two connections: two replicas of the console.
let replicaA: Redis;
let replicaB: Redis;
beforeAll(async () => {
  server = await startRedis();
  replicaA = connectRedis({ url: server.url, commandTimeoutMs: 500 });
  replicaB = connectRedis({ url: server.url, commandTimeoutMs: 500 });
  await Promise.all([waitUntilReady(replicaA, 5_000), waitUntilReady(replicaB, 5_000)]);
});
afterAll(async () => {
  replicaA.disconnect();
  replicaB.disconnect();
  await server.stop();
});

// Each test under its own prefix, so none sees another's keys.
let tests = 0;
const freshPrefix = () => `ccc-test-${++tests}:`;

describeSessionStore('Redis', async (clock) => {
  const prefix = freshPrefix();
  return {
    store: createRedisSessionStore(replicaA, prefix, clock),
    contents: () => redisContents(replicaA, prefix),
  };
});

describe('sessions in Redis', () => {
  it('are shared by replicas: one signs in, another serves and renews, a third ends them all', async () => {
    const prefix = freshPrefix();
    const clock = manualClock(1_700_000_000_000);
    const onA = createSessions(createRedisSessionStore(replicaA, prefix, clock), clock);
    const onB = createSessions(createRedisSessionStore(replicaB, prefix, clock), clock);
    const first = await onA.start(7);
    const second = await onA.start(7);
    clock.advance(20 * MINUTE);
    expect(await onB.resume(first.id)).toMatchObject({ userId: 7, lastSeenAt: clock.now() });
    clock.advance(20 * MINUTE);
    // Renewed on B, so still alive on A 40 minutes after sign-in; the other one idled out.
    expect(await onA.resume(first.id)).toBeDefined();
    expect(await onA.resume(second.id)).toBeUndefined();
    const third = await onB.start(7);
    expect(await onA.endAllForUser(7)).toBe(2);
    expect(await onB.resume(first.id)).toBeUndefined();
    expect(await onB.resume(third.id)).toBeUndefined();
  });

  it('expire in Redis with the time they have left, and a renewal extends it', async () => {
    const prefix = freshPrefix();
    // A clock years behind Redis's: the time left counts, not the date.
    const clock = manualClock(Date.parse('2020-01-01T00:00:00Z'));
    const store = createRedisSessionStore(replicaA, prefix, clock);
    const now = clock.now();
    const session = { userId: 3, csrfToken: 't', createdAt: now, lastSeenAt: now };
    await store.set({ ...session, idHash: 'h', expiresAt: now + MINUTE });
    const keys = [`${prefix}session:h`, `${prefix}user-sessions:3`];
    for (const key of keys) {
      expect(await replicaA.pttl(key)).toBeGreaterThan(MINUTE - 5_000);
      expect(await replicaA.pttl(key)).toBeLessThanOrEqual(MINUTE);
    }
    await store.touch('h', now, now + 30 * MINUTE);
    for (const key of keys) expect(await replicaA.pttl(key)).toBeGreaterThan(29 * MINUTE);
  });

  it('are dropped by Redis itself once timed out, and left out of the next sign-in', async () => {
    const prefix = freshPrefix();
    const store = createRedisSessionStore(replicaA, prefix, systemClock);
    const brief = createSessions(store, systemClock, { idleMs: 300, absoluteMs: 1_000 });
    const usual = createSessions(store, systemClock);
    await brief.start(4);
    await sleep(400);
    expect(await replicaA.keys(`${prefix}*`)).toEqual([]);

    const kept = await usual.start(5);
    await brief.start(5);
    await sleep(400);
    const latest = await usual.start(5);
    expect((await replicaA.smembers(`${prefix}user-sessions:5`)).sort()).toEqual(
      [hashSessionId(kept.id), hashSessionId(latest.id)].sort(),
    );
  });

  it('refuse what they did not write instead of trusting it', async () => {
    const prefix = freshPrefix();
    const store = createRedisSessionStore(replicaA, prefix, systemClock);
    await replicaA.hset(`${prefix}session:forged`, { userId: 'admin', csrfToken: 'x' });
    await expect(store.get('forged')).rejects.toThrow(/userId/);
  });
});

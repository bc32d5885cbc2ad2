import type Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../sandbox/test-clock';
import { connectRedis, waitUntilReady } from '../scale/redis-connection';
import { type RedisUnderTest, startRedis } from '../testing/redis-server';
import { DEFAULT_THROTTLE, hashThrottleKey } from './login-throttle';
import { describeLoginThrottle } from './login-throttle.contract';
import { redisContents } from './redis-contents';
import { createRedisLoginThrottle } from './redis-login-throttle';

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

describeLoginThrottle('Redis', async (clock, limits) => {
  const prefix = freshPrefix();
  return {
    throttle: createRedisLoginThrottle(replicaA, prefix, clock, limits),
    contents: () => redisContents(replicaA, prefix),
  };
});

describe('login throttle in Redis', () => {
  it('counts the failures of every replica together, even when they arrive at once', async () => {
    const prefix = freshPrefix();
    const clock = manualClock(1_700_000_000_000);
    const onA = createRedisLoginThrottle(replicaA, prefix, clock);
    const onB = createRedisLoginThrottle(replicaB, prefix, clock);
    const keys = ['account:kim', 'ip:198.51.100.4'];
    await Promise.all([
      onA.recordFailure(keys),
      onB.recordFailure(keys),
      onA.recordFailure(keys),
      onB.recordFailure(keys),
    ]);
    expect(await onA.retryAfterSeconds(keys)).toBe(0);
    await onB.recordFailure(['account:kim']);
    expect(await onA.retryAfterSeconds(['account:kim'])).toBe(15 * 60);
    expect(await onB.retryAfterSeconds(['ip:198.51.100.4'])).toBe(0);
    await onB.clear('account:kim');
    expect(await onA.retryAfterSeconds(keys)).toBe(0);
  });

  it('keeps a key only for the window, and no more failures than decide a lock', async () => {
    const prefix = freshPrefix();
    const clock = manualClock(1_700_000_000_000);
    const throttle = createRedisLoginThrottle(replicaA, prefix, clock);
    for (let i = 0; i < 50; i += 1) await throttle.recordFailure(['ip:203.0.113.9']);
    const key = `${prefix}login-failures:${hashThrottleKey('ip:203.0.113.9')}`;
    expect(await replicaA.zcard(key)).toBe(DEFAULT_THROTTLE.maxFailures);
    expect(await replicaA.pttl(key)).toBeGreaterThan(DEFAULT_THROTTLE.windowMs - 5_000);
    expect(await replicaA.pttl(key)).toBeLessThanOrEqual(DEFAULT_THROTTLE.windowMs);
    expect(await throttle.retryAfterSeconds(['ip:203.0.113.9'])).toBe(15 * 60);
  });
});

import { describe, expect, it } from 'vitest';
import { describeLoginThrottle } from '../../../test/conformance/login-throttle.suite';
import { manualClock } from '../../../test/support/manual-clock';
import { useRedisReplicas } from '../../../test/support/redis-replicas';
import { DEFAULT_THROTTLE, hashThrottleKey } from './login-throttle';
import { redisContents } from './redis-contents';
import { createRedisLoginThrottle } from './redis-login-throttle';

// Two connections to one real redis-server: two replicas of the console.
const replicas = useRedisReplicas();

describeLoginThrottle('Redis', async (clock, limits) => {
  const prefix = replicas.freshPrefix();
  return {
    throttle: createRedisLoginThrottle(replicas.a, prefix, clock, limits),
    contents: () => redisContents(replicas.a, prefix),
  };
});

describe('login throttle in Redis', () => {
  it('counts the failures of every replica together, even when they arrive at once', async () => {
    const prefix = replicas.freshPrefix();
    const clock = manualClock(1_700_000_000_000);
    const onA = createRedisLoginThrottle(replicas.a, prefix, clock);
    const onB = createRedisLoginThrottle(replicas.b, prefix, clock);
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
    const prefix = replicas.freshPrefix();
    const clock = manualClock(1_700_000_000_000);
    const throttle = createRedisLoginThrottle(replicas.a, prefix, clock);
    for (let i = 0; i < 50; i += 1) await throttle.recordFailure(['ip:203.0.113.9']);
    const key = `${prefix}login-failures:${hashThrottleKey('ip:203.0.113.9')}`;
    expect(await replicas.a.zcard(key)).toBe(DEFAULT_THROTTLE.maxFailures);
    expect(await replicas.a.pttl(key)).toBeGreaterThan(DEFAULT_THROTTLE.windowMs - 5_000);
    expect(await replicas.a.pttl(key)).toBeLessThanOrEqual(DEFAULT_THROTTLE.windowMs);
    expect(await throttle.retryAfterSeconds(['ip:203.0.113.9'])).toBe(15 * 60);
  });
});

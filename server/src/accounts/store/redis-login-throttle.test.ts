import { describe, expect, it } from 'vitest';
import { describeLoginThrottle } from '../../../test/conformance/login-throttle.suite';
import { manualClock } from '../../../test/support/manual-clock';
import { useRedisReplicas } from '../../../test/support/redis-replicas';
import { DEFAULT_THROTTLE, hashThrottleKey } from '../throttle-rule';
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
  it('counts the attempts of every replica together, even when they arrive at once', async () => {
    const prefix = replicas.freshPrefix();
    const clock = manualClock(1_700_000_000_000);
    const onA = createRedisLoginThrottle(replicas.a, prefix, clock);
    const onB = createRedisLoginThrottle(replicas.b, prefix, clock);
    const kim = { account: 'kim', address: '198.51.100.4' };
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? onA : onB).reserve(kim)),
    );
    expect(answers.filter((a) => a.ok)).toHaveLength(DEFAULT_THROTTLE.pairMax);
    const refused = await onA.reserve(kim);
    expect(refused.ok).toBe(false);
  });

  it('keeps a counter only for the window', async () => {
    const prefix = replicas.freshPrefix();
    const clock = manualClock(1_700_000_000_000);
    const throttle = createRedisLoginThrottle(replicas.a, prefix, clock);
    for (let i = 0; i < 50; i += 1) await throttle.reserve({ account: `n${i}`, address: 'x' });
    const key = `${prefix}login-failures:${hashThrottleKey('ip:x')}`;
    expect(await replicas.a.zcard(key)).toBe(DEFAULT_THROTTLE.addressMax);
    expect(await replicas.a.pttl(key)).toBeGreaterThan(DEFAULT_THROTTLE.windowMs - 5_000);
    expect(await replicas.a.pttl(key)).toBeLessThanOrEqual(DEFAULT_THROTTLE.windowMs);
  });
});

import { randomUUID } from 'node:crypto';
import type Redis from 'ioredis';
import { z } from 'zod';
import { orUnavailable } from '../../infra/redis/connection';
import { repliesOf } from '../../infra/redis/replies';
import type { Clock } from '../../lib/clock';
import {
  DEFAULT_THROTTLE,
  hashThrottleKey,
  type LoginThrottle,
  type ThrottleLimits,
} from './login-throttle';

const score = z.string().transform(Number).pipe(z.number().int().safe());

// ZRANGE … LIMIT n 1 WITHSCORES: nothing, or one failure and its time.
const failureAtSchema = z.union([z.tuple([]), z.tuple([z.string(), score])]);

/**
 * The SQLite throttle's sliding window (at most `maxFailures` failures per key within
 * `windowMs`, on the injected clock) in Redis, so every replica counts the same failures: a
 * sorted set per hashed key, scored by the time of each failure, expiring with the window.
 */
export function createRedisLoginThrottle(
  redis: Redis,
  prefix: string,
  clock: Clock,
  limits: ThrottleLimits = DEFAULT_THROTTLE,
): LoginThrottle {
  const failuresOf = (key: string) => `${prefix}login-failures:${hashThrottleKey(key)}`;

  return {
    async retryAfterSeconds(keys) {
      if (keys.length === 0) return 0;
      const now = clock.now();
      const windowStart = `(${now - limits.windowMs}`;
      const batch = redis.pipeline();
      // The maxFailures-th most recent failure in the window: the lock lasts until it leaves.
      for (const key of keys) {
        batch.zrange(
          failuresOf(key),
          '+inf',
          windowStart,
          'BYSCORE',
          'REV',
          'LIMIT',
          limits.maxFailures - 1,
          1,
          'WITHSCORES',
        );
      }
      const replies = await orUnavailable('reading failed sign-ins', () => repliesOf(batch));
      let waitMs = 0;
      for (const reply of replies) {
        const [, at] = failureAtSchema.parse(reply);
        if (at !== undefined) waitMs = Math.max(waitMs, at + limits.windowMs - now);
      }
      return Math.ceil(waitMs / 1000);
    },
    async recordFailure(keys) {
      const now = clock.now();
      const batch = redis.multi();
      for (const key of keys) {
        const failures = failuresOf(key);
        batch
          // A unique member: two failures in the same millisecond are two failures.
          .zadd(failures, now, `${now}:${randomUUID()}`)
          .zremrangebyscore(failures, '-inf', now - limits.windowMs)
          // Only the newest maxFailures decide a lock; a flood of failures cannot grow the set.
          .zremrangebyrank(failures, 0, -(limits.maxFailures + 1))
          .pexpire(failures, limits.windowMs);
      }
      await orUnavailable('recording a failed sign-in', () => repliesOf(batch));
    },
    async clear(key) {
      await orUnavailable('clearing failed sign-ins', () => redis.del(failuresOf(key)));
    },
  };
}

import { randomUUID } from 'node:crypto';
import type Redis from 'ioredis';
import { z } from 'zod';
import { orUnavailable } from '../../infra/redis/connection';
import type { Clock } from '../../lib/clock';
import {
  type AttemptSource,
  DEFAULT_THROTTLE,
  type ThrottleLimits,
  throttleKeys,
} from '../throttle-rule';
import type { LoginThrottle } from './login-throttle';
import { RESERVE_ATTEMPT } from './redis-login-throttle-script';

const waitReply = z.number().int().nonnegative();

/**
 * The SQLite throttle's rule (decision 011, on the injected clock) in Redis, so every replica
 * counts the same attempts: a sorted set per hashed counter, scored by attempt time, expiring
 * with the window. One Lua script checks and reserves, so replicas cannot race past a limit.
 */
export function createRedisLoginThrottle(
  redis: Redis,
  prefix: string,
  clock: Clock,
  limits: ThrottleLimits = DEFAULT_THROTTLE,
): LoginThrottle {
  const setsOf = (source: AttemptSource) => {
    const keys = throttleKeys(source);
    const sets = [keys.pair, keys.address, keys.account].map(
      (key) => `${prefix}login-failures:${key}`,
    );
    return { sets, addressMember: keys.addressMember };
  };

  return {
    async reserve(source) {
      // A unique member: two attempts in the same millisecond are two attempts.
      const now = clock.now();
      const ticket = `${now}:${randomUUID()}`;
      const reply = await orUnavailable('reserving a sign-in attempt', () =>
        redis.eval(
          RESERVE_ATTEMPT,
          3,
          ...setsOf(source).sets,
          now,
          limits.windowMs,
          limits.pairMax,
          limits.addressMax,
          limits.accountFree,
          limits.accountDelayCapMs,
          ticket,
          setsOf(source).addressMember,
        ),
      );
      const wait = waitReply.parse(reply);
      return wait > 0
        ? { ok: false, retryAfterSeconds: Math.ceil(wait / 1000) }
        : { ok: true, ticket };
    },
    // The account keeps the address: it did try, even if this attempt was never verified.
    async release(source, ticket) {
      const [pair = '', address = ''] = setsOf(source).sets;
      const batch = redis.multi().zrem(pair, ticket).zrem(address, ticket);
      await orUnavailable('releasing a sign-in attempt', () => batch.exec());
    },
    async succeeded(source, ticket) {
      const [pair = '', address = '', account = ''] = setsOf(source).sets;
      const batch = redis.multi().zrem(address, ticket).del(pair, account);
      await orUnavailable('clearing failed sign-ins', () => batch.exec());
    },
  };
}

import type Redis from 'ioredis';
import { z } from 'zod';
import { orUnavailable } from '../../infra/redis/connection';
import type { Clock } from '../../lib/clock';
import { DESTROY_USER_SESSIONS, SAVE_SESSION, TOUCH_SESSION } from './redis-session-scripts';
import type { SessionStore, StoredSession } from './session-store';

const storedInteger = z
  .string()
  .regex(/^-?\d+$/)
  .transform(Number)
  .pipe(z.number().int().safe());

const sessionHashSchema = z.object({
  userId: storedInteger,
  csrfToken: z.string().min(1),
  createdAt: storedInteger,
  lastSeenAt: storedInteger,
  expiresAt: storedInteger,
});

const countSchema = z.number().int().nonnegative();

/**
 * Sessions in Redis, shared by every replica: a hash per session at `session:<idHash>` that
 * Redis deletes when it expires, and a set of id hashes per user at `user-sessions:<userId>` so
 * any replica can end all of a user's sessions.
 */
export function createRedisSessionStore(redis: Redis, prefix: string, clock: Clock): SessionStore {
  const sessionPrefix = `${prefix}session:`;
  const userPrefix = `${prefix}user-sessions:`;
  // The time left on the console's clock rather than PEXPIREAT: that clock decides a session's
  // end (tests move it, a replica's may differ from Redis's). At least 1 ms: Redis deletes a key
  // given no time at all, and an ended session is deleted 1 ms later just the same.
  const timeToLive = (expiresAt: number) => Math.max(1, expiresAt - clock.now());

  return {
    async get(idHash) {
      const fields = await orUnavailable('reading a session', () =>
        redis.hgetall(sessionPrefix + idHash),
      );
      if (Object.keys(fields).length === 0) return undefined;
      const session: StoredSession = { idHash, ...sessionHashSchema.parse(fields) };
      // Redis expires keys on its own clock; the console's clock has the last word.
      return session.expiresAt > clock.now() ? session : undefined;
    },
    async set(session) {
      const { idHash, ...fields } = session;
      await orUnavailable('saving a session', () =>
        redis.eval(
          SAVE_SESSION,
          2,
          sessionPrefix + idHash,
          userPrefix + fields.userId,
          timeToLive(fields.expiresAt),
          sessionPrefix,
          idHash,
          ...Object.entries(fields).flat(),
        ),
      );
    },
    async touch(idHash, lastSeenAt, expiresAt) {
      await orUnavailable('renewing a session', () =>
        redis.eval(
          TOUCH_SESSION,
          1,
          sessionPrefix + idHash,
          lastSeenAt,
          expiresAt,
          timeToLive(expiresAt),
          userPrefix,
        ),
      );
    },
    async destroy(idHash) {
      // The user's set keeps the id hash until the next sign-in or its own expiry: harmless.
      await orUnavailable('ending a session', () => redis.del(sessionPrefix + idHash));
    },
    async destroyAllForUser(userId) {
      const alive = await orUnavailable("ending a user's sessions", () =>
        redis.eval(DESTROY_USER_SESSIONS, 1, userPrefix + userId, sessionPrefix, clock.now()),
      );
      return countSchema.parse(alive);
    },
  };
}

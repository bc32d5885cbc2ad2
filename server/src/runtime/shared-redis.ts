import { randomUUID } from 'node:crypto';
import type Redis from 'ioredis';
import type { Logger } from 'pino';
import type { Env } from '../config/env';
import type { DependencyCheck } from '../http/health-route';
import { connectRedis, waitUntilReady } from '../infra/redis/connection';

/** This replica's connections to the Redis that every replica shares (REDIS_URL). */
export interface SharedRedis {
  /** Commands. */
  redis: Redis;
  /** Pub/sub only: a subscribed connection can run nothing else. */
  subscriber: Redis;
  prefix: string;
  /** Tells this replica's locks from another's. */
  replicaId: string;
  health: DependencyCheck;
  close(): Promise<void>;
}

/**
 * Connects to REDIS_URL. A Redis that is down at start does not stop the replica: it starts
 * degraded (health says so, requests that need Redis answer 503 with an explanation) and
 * heals by itself once Redis answers.
 */
export async function connectSharedRedis(env: Env, logger: Logger): Promise<SharedRedis | null> {
  if (!env.REDIS_URL) return null;
  const options = { url: env.REDIS_URL, commandTimeoutMs: env.SHARED_STORE_TIMEOUT_MS, logger };
  const redis = connectRedis({ ...options, name: 'commands' });
  const subscriber = connectRedis({ ...options, name: 'events' });
  const ready = await waitUntilReady(redis, env.SHARED_STORE_TIMEOUT_MS);
  if (!ready) logger.warn('starting degraded: Redis does not answer yet');
  return {
    redis,
    subscriber,
    prefix: env.REDIS_KEY_PREFIX,
    replicaId: randomUUID(),
    health: {
      name: 'redis',
      check: async () => redis.status === 'ready' && (await redis.ping()) === 'PONG',
    },
    async close() {
      redis.disconnect();
      subscriber.disconnect();
    },
  };
}

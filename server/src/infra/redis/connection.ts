import Redis from 'ioredis';
import type { Logger } from 'pino';
import { sharedStoreGuard } from '../store-unavailable';

export interface RedisConnectionOptions {
  url: string;
  /** Longest a command may take before it fails (SHARED_STORE_TIMEOUT_MS). */
  commandTimeoutMs: number;
  logger?: Logger;
  /** Shown in logs: which connection this is (commands, subscriber…). */
  name?: string;
}

/**
 * One ioredis connection tuned to fail fast and heal by itself: while Redis is away, commands
 * are refused at once instead of queueing (no request hangs), and the client keeps reconnecting
 * with capped backoff, so the replica recovers as soon as Redis is back.
 */
export function connectRedis(options: RedisConnectionOptions): Redis {
  const { logger, name = 'redis' } = options;
  const redis = new Redis(options.url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: options.commandTimeoutMs,
    connectTimeout: options.commandTimeoutMs,
    retryStrategy: (attempt) => Math.min(100 * 2 ** Math.min(attempt, 5), 2_000),
    // Never resend a command by itself after a reconnect: pacer grants and lock renewals must
    // not be applied twice.
    autoResendUnfulfilledCommands: false,
    lazyConnect: false,
  });
  let down = false;
  redis.on('ready', () => {
    if (down) logger?.info({ connection: name }, 'redis is reachable again');
    down = false;
  });
  redis.on('error', (error: Error) => {
    if (!down) logger?.warn({ connection: name, err: error.message }, 'redis is unreachable');
    down = true;
  });
  return redis;
}

/** Resolves once the connection is ready, or after `timeoutMs` (the replica then starts degraded). */
export function waitUntilReady(redis: Redis, timeoutMs: number): Promise<boolean> {
  if (redis.status === 'ready') return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      redis.off('ready', onReady);
      resolve(false);
    }, timeoutMs);
    const onReady = () => {
      clearTimeout(timer);
      resolve(true);
    };
    redis.once('ready', onReady);
  });
}

/** True when the error is Redis being away (refused, timed out, closed), not a bug of ours. */
export function isRedisUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return (
    error.name === 'MaxRetriesPerRequestError' ||
    /Stream isn't writeable|enableOfflineQueue|Command timed out|Connection is closed|ECONNREFUSED|ECONNRESET|ETIMEDOUT/i.test(
      error.message,
    )
  );
}

/** Runs a Redis operation; Redis being away becomes SHARED_STORE_UNAVAILABLE (503, explained). */
export const orUnavailable = sharedStoreGuard('Redis', isRedisUnavailable);

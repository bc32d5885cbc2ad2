import type Redis from 'ioredis';
import { type Clock, systemClock } from '../lib/clock';
import { orUnavailable } from '../scale/redis-connection';
import { bucketParameters, type Pacer, type PacerOptions } from './pacer';
import { takeOneFromEach } from './redis-buckets';
import { createWaitingLine } from './waiting-line';

export type RedisPacerOptions = Omit<PacerOptions, 'clock'> & {
  redis: Redis;
  /** REDIS_KEY_PREFIX: a limit's bucket is the hash `${prefix}pacer:${limit.key}`. */
  prefix: string;
  /** Only for sleeping between asks: the buckets themselves run on Redis' clock. */
  clock?: Clock;
};

// Longest nap between two asks, so a token that a quiet replica leaves unused is noticed soon.
const RECHECK_MS = 250;

/**
 * The pacer of a console that runs as several replicas behind one egress IP: the token buckets
 * of createPacer (same parameters, so one replica alone behaves as before), kept in Redis so all
 * replicas draw on ONE budget per limit key. The line (interactive first, FIFO, abort) stays in
 * this process. Nothing is granted while Redis cannot be asked, since a blind grant could exceed
 * the merchant's budget: everyone in line is turned away with SHARED_STORE_UNAVAILABLE, and the
 * next acquire asks Redis again.
 */
export function createRedisPacer(options: RedisPacerOptions): Pacer {
  const { redis, prefix, clock = systemClock } = options;
  const buckets = options.limits.map((limit) => ({
    key: `${prefix}pacer:${limit.key}`,
    ...bucketParameters(limit, options),
  }));
  const line = createWaitingLine();
  let granted = 0;
  let pumping = false;

  const pump = async (): Promise<void> => {
    if (pumping) return;
    pumping = true;
    try {
      while (line.size() > 0) {
        const wait = await orUnavailable('pacing a WeChat Pay call', () =>
          takeOneFromEach(redis, buckets),
        );
        if (wait > 0) {
          await clock.sleep(Math.min(wait, RECHECK_MS));
          continue;
        }
        // Chosen only now: a lookup that arrived during the ask goes first. Should everyone have
        // left meanwhile, the token goes unused, which errs on the safe side of the budget.
        const waiter = line.next();
        if (!waiter) continue;
        granted += 1;
        waiter.grant();
      }
    } catch (error) {
      line.failAll(error);
    } finally {
      pumping = false;
    }
  };

  return {
    acquire(acquireOptions = {}) {
      const joined = line.join(acquireOptions);
      void pump();
      return joined;
    },
    stats: () => ({ queued: line.size(), granted }),
  };
}

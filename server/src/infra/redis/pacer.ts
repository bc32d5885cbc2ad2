import type Redis from 'ioredis';
import { type Clock, systemClock } from '../../lib/clock';
import { bucketParameters, type Pacer, type PacerOptions } from '../../wechatpay/pacer';
import { pacerOver } from '../../wechatpay/waiting-line';
import { takeOneFromEach } from './buckets';
import { orUnavailable } from './connection';

export type RedisPacerOptions = Omit<PacerOptions, 'clock'> & {
  redis: Redis;
  /** REDIS_KEY_PREFIX: a limit's bucket is the hash `${prefix}pacer:${limit.key}`. */
  prefix: string;
  /** For sleeping between asks and for the line's fair share: the buckets run on Redis' clock. */
  clock?: Clock;
};

// Longest nap between two asks, so a token that a quiet replica leaves unused is noticed soon.
const RECHECK_MS = 250;

/**
 * The pacer of a console that runs as several replicas behind one egress IP: the token buckets
 * of createPacer (same parameters, so one replica alone behaves as before), kept in Redis so all
 * replicas draw on ONE budget per limit key. The line (fair share between requesters,
 * interactive first, abort) stays in this process. Nothing is granted while Redis cannot be
 * asked, since a blind grant could exceed the merchant's budget: everyone in line is turned away
 * with SHARED_STORE_UNAVAILABLE, and the next acquire asks Redis again.
 */
export function createRedisPacer(options: RedisPacerOptions): Pacer {
  const { redis, prefix, clock = systemClock } = options;
  const buckets = options.limits.map((limit) => ({
    key: `${prefix}pacer:${limit.key}`,
    ...bucketParameters(limit, options),
  }));
  const takeOne = () =>
    orUnavailable('pacing a WeChat Pay call', () => takeOneFromEach(redis, buckets));
  return pacerOver(takeOne, clock, RECHECK_MS);
}

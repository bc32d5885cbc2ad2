import { createHash } from 'node:crypto';
import type Redis from 'ioredis';
import { z } from 'zod';
import { type BucketParameters, TOKEN_EPSILON } from '../../wechatpay/pacer';

/** One limit's bucket as every replica sees it: its full Redis key and its parameters. */
export type SharedBucket = BucketParameters & { key: string };

/*
 * Takes one token from every bucket, or none. KEYS: one hash per limit {tokens, at}; ARGV: for
 * each key its capacity, refill per ms and expiry in ms. Returns 0 after a grant, else the ms
 * until every bucket holds a whole token.
 *
 * Why one script: replicas read, refill and take the same budget at the same moments; as separate
 * commands two of them could both see the last token and both take it, or one could take from the
 * egress bucket and then find the merchant's empty. A script runs atomically: all or nothing.
 * Why Redis' TIME: the replicas' clocks may disagree, and a fast clock would refill early for
 * everyone; measuring every refill on the one clock all replicas share keeps the rule exact.
 * (Writing after TIME needs effects replication, the default since Redis 5.)
 */
const TAKE_ONE_FROM_EACH = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + tonumber(time[2]) / 1000
local tokens, at, wait = {}, {}, 0
for i, key in ipairs(KEYS) do
  local capacity, perMs = tonumber(ARGV[3 * i - 2]), tonumber(ARGV[3 * i - 1])
  local state = redis.call('HMGET', key, 'tokens', 'at')
  local have, since = tonumber(state[1]), tonumber(state[2])
  if have == nil or since == nil then have, since = capacity, now end
  -- Redis' clock stepping back must not mint tokens: refill only for time that really passed.
  local upTo = math.max(since, now)
  have = math.min(capacity, have + (upTo - since) * perMs)
  tokens[i], at[i] = have, upTo
  if have < 1 - ${TOKEN_EPSILON} then
    wait = math.max(wait, math.ceil((1 - have) / perMs))
  end
end
if wait > 0 then return wait end
for i, key in ipairs(KEYS) do
  redis.call('HSET', key, 'tokens', tokens[i] - 1, 'at', at[i])
  redis.call('PEXPIRE', key, ARGV[3 * i])
end
return 0
`;
const SCRIPT_SHA = createHash('sha1').update(TAKE_ONE_FROM_EACH).digest('hex');

const waitReply = z.number().int().nonnegative();

// Kept until an idle bucket would be full again anyway, so letting it vanish changes nothing.
const expiryMs = (b: BucketParameters) => Math.ceil(Math.max(2 * b.windowMs, b.capacity / b.perMs));

/** Takes a token from every bucket at once (resolves 0), or none (resolves the ms to wait). */
export async function takeOneFromEach(redis: Redis, buckets: SharedBucket[]): Promise<number> {
  const keys = buckets.map((b) => b.key);
  const args = buckets.flatMap((b) => [b.capacity, b.perMs, expiryMs(b)]);
  try {
    return waitReply.parse(await redis.evalsha(SCRIPT_SHA, keys.length, ...keys, ...args));
  } catch (error) {
    // A new or restarted Redis has not seen the script yet; NOSCRIPT means nothing ran.
    if (!(error instanceof Error && error.message.startsWith('NOSCRIPT'))) throw error;
    return waitReply.parse(await redis.eval(TAKE_ONE_FROM_EACH, keys.length, ...keys, ...args));
  }
}

// The Redis throttle's reservation: throttle-rule.ts's waitMs in Lua, so reading the three
// counters and adding the attempt are one atomic step on the Redis server.

/**
 * KEYS: the pair's, the address's and the account's sorted sets (scored by attempt time).
 * ARGV: now, windowMs, pairMax, addressMax, accountFree, accountDelayCapMs, ticket, and the
 * address's member in the account's set (one per address, scored by its latest attempt).
 * Returns 0 with the attempt added to all three, or the milliseconds to wait (nothing added).
 */
export const RESERVE_ATTEMPT = `
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local wait = 0
for _, key in ipairs(KEYS) do redis.call('zremrangebyscore', key, '-inf', now - window) end
-- Held back until the max-th most recent attempt leaves the window.
local function limitWait(key, max)
  local n = redis.call('zcard', key)
  if n < max then return 0 end
  local decisive = redis.call('zrange', key, n - max, n - max, 'WITHSCORES')
  return tonumber(decisive[2]) + window - now
end
wait = math.max(wait, limitWait(KEYS[1], tonumber(ARGV[3])))
wait = math.max(wait, limitWait(KEYS[2], tonumber(ARGV[4])))
local free = tonumber(ARGV[5])
local attempts = redis.call('zcard', KEYS[3])
if attempts >= free then
  local newest = redis.call('zrange', KEYS[3], -1, -1, 'WITHSCORES')
  local delay = math.min(2 ^ (attempts - free + 1) * 1000, tonumber(ARGV[6]))
  wait = math.max(wait, tonumber(newest[2]) + delay - now)
end
if wait > 0 then return wait end
redis.call('zadd', KEYS[1], now, ARGV[7])
redis.call('zadd', KEYS[2], now, ARGV[7])
redis.call('zadd', KEYS[3], now, ARGV[8])
for _, key in ipairs(KEYS) do redis.call('pexpire', key, window) end
return 0
`;

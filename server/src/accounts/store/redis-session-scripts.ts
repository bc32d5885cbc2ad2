// The Redis session store's writes, each atomic on the Redis server. They reach session keys
// through a user's set (the key prefix comes in ARGV), which a single Redis allows and Redis
// Cluster would not: the console uses one Redis.

/**
 * KEYS: the session's hash, the user's set. ARGV: time to live (ms), session key prefix,
 * id hash, then the session's field/value pairs.
 */
export const SAVE_SESSION = `
redis.call('hset', KEYS[1], unpack(ARGV, 4))
redis.call('pexpire', KEYS[1], ARGV[1])
-- Forget the sessions that have ended, so a user who signs in every day keeps a small set.
for _, idHash in ipairs(redis.call('smembers', KEYS[2])) do
  if redis.call('exists', ARGV[2] .. idHash) == 0 then redis.call('srem', KEYS[2], idHash) end
end
redis.call('sadd', KEYS[2], ARGV[3])
-- The set outlives every session in it, or ending all of a user's sessions could miss one.
if redis.call('pttl', KEYS[2]) < tonumber(ARGV[1]) then redis.call('pexpire', KEYS[2], ARGV[1]) end
`;

/**
 * KEYS: the session's hash. ARGV: lastSeenAt, expiresAt, time to live (ms), user set key prefix.
 * A session ended meanwhile (logout, another replica) stays ended: nothing is written then.
 */
export const TOUCH_SESSION = `
if redis.call('exists', KEYS[1]) == 0 then return 0 end
redis.call('hset', KEYS[1], 'lastSeenAt', ARGV[1], 'expiresAt', ARGV[2])
redis.call('pexpire', KEYS[1], ARGV[3])
local userSessions = ARGV[4] .. redis.call('hget', KEYS[1], 'userId')
if redis.call('pttl', userSessions) < tonumber(ARGV[3]) then
  redis.call('pexpire', userSessions, ARGV[3])
end
return 1
`;

/**
 * KEYS: the user's set. ARGV: session key prefix, now on the console's clock.
 * Ends them all; returns how many were still alive on that clock.
 */
export const DESTROY_USER_SESSIONS = `
local alive = 0
for _, idHash in ipairs(redis.call('smembers', KEYS[1])) do
  local key = ARGV[1] .. idHash
  local expiresAt = tonumber(redis.call('hget', key, 'expiresAt'))
  if expiresAt and expiresAt > tonumber(ARGV[2]) then alive = alive + 1 end
  redis.call('del', key)
end
redis.call('del', KEYS[1])
return alive
`;

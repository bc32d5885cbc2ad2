// Lua run by Redis as one step each: a check of the lock's owner and the writes it guards can
// never be split by another replica's command, so a replica that lost its lock cannot write.
// KEYS are always: 1 lock, 2 meta, 3 pages, 4 events channel.

/** ARGV: token, meta, running TTL, lock TTL, event. A new scan: only when nobody holds the lock. */
export const CLAIM = `
if not redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[4]) then return 0 end
redis.call('DEL', KEYS[3])
redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3])
redis.call('PUBLISH', KEYS[4], ARGV[5])
return 1`;

/** ARGV: token, scanId, lock TTL. Continues a running scan whose owner is gone. */
export const TAKE_OVER = `
local meta = redis.call('GET', KEYS[2])
if not meta then return 0 end
local decoded = cjson.decode(meta)
if decoded.scanId ~= ARGV[2] or decoded.state ~= 'running' then return 0 end
if not redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[3]) then return 0 end
return 1`;

/** ARGV: token, page, meta, running TTL, event. One more page, and the meta that counts it. */
export const APPEND = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('RPUSH', KEYS[3], ARGV[2])
redis.call('PEXPIRE', KEYS[3], ARGV[4])
redis.call('SET', KEYS[2], ARGV[3], 'PX', ARGV[4])
redis.call('PUBLISH', KEYS[4], ARGV[5])
return 1`;

/** ARGV: token, lock TTL, running TTL. The owner is alive: the lock and the records live on. */
export const RENEW = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
redis.call('PEXPIRE', KEYS[2], ARGV[3])
redis.call('PEXPIRE', KEYS[3], ARGV[3])
return 1`;

/** ARGV: token, meta, cache TTL, event. The final meta, kept (with the pages) as the cache. */
export const FINISH = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3])
redis.call('PEXPIRE', KEYS[3], ARGV[3])
redis.call('DEL', KEYS[1])
redis.call('PUBLISH', KEYS[4], ARGV[4])
return 1`;

/** ARGV: token, event. Lets go of a running scan so that a watching replica continues it now. */
export const RELEASE = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[1])
redis.call('PUBLISH', KEYS[4], ARGV[2])
return 1`;

// Test-only: everything under a key prefix, as text, to show what a Redis store never keeps.
import type Redis from 'ioredis';

export async function redisContents(redis: Redis, prefix: string): Promise<string> {
  const keys = (await redis.keys(`${prefix}*`)).sort();
  const entries: [string, unknown][] = [];
  for (const key of keys) {
    const type = await redis.type(key);
    if (type === 'hash') entries.push([key, await redis.hgetall(key)]);
    else if (type === 'set') entries.push([key, await redis.smembers(key)]);
    else if (type === 'zset') entries.push([key, await redis.zrange(key, 0, '-1', 'WITHSCORES')]);
    else entries.push([key, await redis.get(key)]);
  }
  return JSON.stringify(entries);
}

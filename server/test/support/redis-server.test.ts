import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RedisUnderTest, startRedis } from './redis-server';

describe('the test redis-server', () => {
  let redis: RedisUnderTest;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(() => redis.stop());

  it('answers commands, and comes back empty after a restart', async () => {
    const client = new Redis(redis.url, { maxRetriesPerRequest: 1, retryStrategy: () => 50 });
    await client.set('k', 'v');
    expect(await client.get('k')).toBe('v');
    await redis.restart();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await client.get('k')).toBeNull();
    client.disconnect();
  });
});

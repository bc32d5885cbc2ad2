import type Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RedisUnderTest, startRedis } from '../../test/support/redis-server';
import { PASSWORDS, startTestConsole, type TestConsole } from '../../test/support/test-console';
import { apiErrorBodySchema } from '../contract/error';
import { connectRedis, waitUntilReady } from '../infra/redis/connection';
import { createRedisLoginThrottle } from './store/redis-login-throttle';
import { createRedisSessionStore } from './store/redis-session-store';

const PREFIX = 'ccc:';

let server: RedisUnderTest;
const connections: Redis[] = [];
// Two replicas of the console, each on its own connection to the same Redis.
let replicaA: TestConsole;
let replicaB: TestConsole;

async function startReplica(): Promise<TestConsole> {
  const redis = connectRedis({ url: server.url, commandTimeoutMs: 500 });
  await waitUntilReady(redis, 5_000);
  connections.push(redis);
  return startTestConsole({
    trustProxy: true,
    sessionStore: (clock) => createRedisSessionStore(redis, PREFIX, clock),
    throttle: (clock) => createRedisLoginThrottle(redis, PREFIX, clock),
  });
}

beforeAll(async () => {
  server = await startRedis();
  replicaA = await startReplica();
  replicaB = await startReplica();
});
afterAll(async () => {
  await Promise.all([replicaA.close(), replicaB.close()]);
  for (const redis of connections) redis.disconnect();
  await server.stop();
});

const attempt = (replica: TestConsole, username: string, password: string, ip: string) =>
  replica
    .http()
    .post('/api/auth/login')
    .set('Origin', replica.origin)
    .set('X-Forwarded-For', ip)
    .send({ username, password });

const me = (replica: TestConsole, cookie: string) =>
  replica.http().get('/api/auth/me').set('Cookie', cookie);

describe('accounts on Redis, over HTTP', () => {
  it('share sign-ins and failed sign-ins between replicas', async () => {
    const admin = await replicaA.signIn('admin');
    const res = await me(replicaB, admin.cookie);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ username: 'admin', csrf_token: admin.csrf });
    expect((await replicaB.as(admin, 'post', '/api/auth/logout')).status).toBe(204);
    expect((await me(replicaA, admin.cookie)).status).toBe(401);

    for (let i = 1; i <= 5; i += 1) {
      expect((await attempt(replicaA, 'operator', `wrong-${i}`, `10.0.0.${i}`)).status).toBe(401);
    }
    const locked = await attempt(replicaB, 'operator', PASSWORDS.operator, '10.0.1.1');
    expect(locked.status).toBe(429);
    expect(apiErrorBodySchema.parse(locked.body).error.code).toBe('RATE_LIMITED');
  });

  it('answer 503 SHARED_STORE_UNAVAILABLE while Redis is away, and serve again after a new sign-in', async () => {
    const support = await replicaA.signIn('support');
    expect((await me(replicaA, support.cookie)).status).toBe(200);
    await server.stop();

    for (const res of [
      await me(replicaA, support.cookie),
      await replicaB.login('support', PASSWORDS.support),
    ]) {
      expect(res.status).toBe(503);
      const { error } = apiErrorBodySchema.parse(res.body);
      expect(error).toMatchObject({
        code: 'SHARED_STORE_UNAVAILABLE',
        status: 503,
        retryable: true,
      });
      expect(error.explanation).not.toBe('');
    }

    await server.restart();
    for (const redis of connections) expect(await waitUntilReady(redis, 5_000)).toBe(true);
    // Redis came back empty: the old cookie opens nothing, a new sign-in does.
    expect((await me(replicaA, support.cookie)).status).toBe(401);
    const again = await replicaB.signIn('support');
    expect((await me(replicaA, again.cookie)).status).toBe(200);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PostgresUnderTest, startPostgres } from '../support/postgres-server';
import { type RedisUnderTest, startRedis } from '../support/redis-server';
import { type Cluster, call, signInTab, startCluster } from '../support/replica-cluster';
import { CREATOR, startScan, waitForScan } from '../support/scan-progress';

// Passwords in REDIS_URL and DATABASE_URL are secrets like the merchant's keys: through sign-in,
// lookups, a scan, an outage and its recovery, they must appear in no answer and no log line.
const REDIS_PASSWORD = 'redis-Secret-4f9c2a71';
const PG_PASSWORD = 'pg-Secret-8e31b0d5';

describe('the shared stores’ passwords', () => {
  let redis: RedisUnderTest;
  let postgres: PostgresUnderTest;
  let cluster: Cluster;
  const answers: string[] = [];

  beforeAll(async () => {
    [redis, postgres] = await Promise.all([
      startRedis({ password: REDIS_PASSWORD }),
      startPostgres(),
    ]);
    const databaseUrl = postgres.url.replace('postgres@', `postgres:${PG_PASSWORD}@`);
    cluster = await startCluster({
      replicas: 1,
      redisUrl: redis.url,
      databaseUrl,
      perIpPerMinute: 1000,
      env: { LOG_LEVEL: 'debug' },
    });
  }, 90_000);

  afterAll(async () => {
    await cluster?.stop();
    await Promise.all([redis?.stop(), postgres?.stop()]);
  }, 30_000);

  it('reach Redis (authenticated) and PostgreSQL, and are never echoed', async () => {
    expect(redis.url).toContain(REDIS_PASSWORD);
    const base = cluster.replicas[0]?.url ?? '';
    const signed = await signInTab(base);
    if (!signed.tab) throw new Error(`sign-in failed: ${signed.status}`);
    answers.push(JSON.stringify(signed.body));
    const tab = signed.tab;
    const lookup = `/api/stocks/16000004/items?stock_creator_mchid=${CREATOR}&offset=0&limit=10`;
    const record = async (route: string) => {
      const res = await call(tab, 'GET', route);
      answers.push(JSON.stringify(res.body), JSON.stringify([...res.headers]));
      return res;
    };
    expect((await record(lookup)).status).toBe(200);
    await startScan(tab, '16000004');
    await waitForScan(tab, '16000004', (p) => p.state === 'done');
    expect((await record('/api/admin/audit?page=1&page_size=10')).status).toBe(200);

    // Errors are where connection strings tend to leak: make both stores fail, then heal.
    await redis.stop();
    expect((await record(lookup)).status).toBe(503);
    answers.push(await (await fetch(`${base}/api/health`)).text());
    await redis.restart();
    await postgres.stop();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    answers.push(await (await fetch(`${base}/api/health`)).text());
    await postgres.restart();

    const logs = cluster.replicas[0]?.output() ?? '';
    // The logs did record the outage (so there was something to leak).
    expect(logs).toContain('"statusCode":503');
    for (const secret of [REDIS_PASSWORD, PG_PASSWORD]) {
      expect(logs).not.toContain(secret);
      for (const answer of answers) expect(answer).not.toContain(secret);
    }
  }, 60_000);
});

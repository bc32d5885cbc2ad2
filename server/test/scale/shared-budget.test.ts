import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, printFigures } from '../reliability/figures';
import { type RedisUnderTest, startRedis } from '../support/redis-server';
import { type Cluster, onReplica, signInTab, startCluster } from '../support/replica-cluster';
import { latestScan, startScan } from '../support/scan-progress';

// WeChat Pay's per-IP limit, scaled down so a few seconds show whether it is shared: the sandbox
// answers 429 past 60 calls in any minute from one address, and both replicas leave through
// the same address (loopback), as replicas behind one NAT gateway do.
const PER_IP_PER_MINUTE = 60;
const OBSERVE_MS = 12_000;

describe('the WeChat Pay budget shared by two replicas', () => {
  let redis: RedisUnderTest;
  let cluster: Cluster;

  beforeAll(async () => {
    redis = await startRedis();
    cluster = await startCluster({
      replicas: 2,
      redisUrl: redis.url,
      perIpPerMinute: PER_IP_PER_MINUTE,
    });
  }, 60_000);

  afterAll(async () => {
    printFigures('shared budget');
    await cluster?.stop();
    await redis?.stop();
  }, 30_000);

  it('never lets both replicas together exceed one budget at the sandbox', async () => {
    const [replicaA, replicaB] = cluster.replicas;
    if (!replicaA || !replicaB) throw new Error('two replicas expected');
    const signed = await signInTab(replicaA.url);
    if (!signed.tab) throw new Error(`sign-in failed: ${signed.status}`);
    const onA = signed.tab;
    const onB = onReplica(onA, replicaB.url);

    const from = Date.now();
    cluster.sandbox.stats.reset();
    // Two long scans at once, one per replica: each alone would use the whole budget.
    await Promise.all([startScan(onA, '16000005'), startScan(onB, '16000006')]);
    await new Promise((resolve) => setTimeout(resolve, OBSERVE_MS));
    const to = Date.now();

    const calls = cluster.sandbox.stats
      .log()
      .filter((entry) => entry.url.includes('/items') && entry.at >= from && entry.at <= to);
    expect(calls.filter((entry) => entry.status === 429)).toHaveLength(0);

    // The pacer's token bucket for 60/min: budget 58 after the 2 % margin, 2 at once, then
    // (58 − 2 + 1) per 61 s. Shared, both replicas together stay within one bucket's grants.
    const perMs = (58 - 2 + 1) / 61_000;
    const allowed = 2 + perMs * (to - from) + 1;
    count('calls_both_replicas', calls.length);
    count('allowed_by_one_budget', Math.floor(allowed));
    expect(calls.length).toBeLessThanOrEqual(allowed);
    // And they do use it (the budget is shared, not starved), both of them.
    expect(calls.length).toBeGreaterThanOrEqual(0.6 * allowed);
    const pagesA = (await latestScan(onA, '16000005')).pages_done;
    const pagesB = (await latestScan(onB, '16000006')).pages_done;
    count('pages_a', pagesA);
    count('pages_b', pagesB);
    expect(pagesA).toBeGreaterThanOrEqual(2);
    expect(pagesB).toBeGreaterThanOrEqual(2);
  }, 60_000);
});

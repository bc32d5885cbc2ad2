import { describe, expect, it } from 'vitest';
import { apiErrorBodySchema } from '../../src/contract/error';
import { healthResponseSchema } from '../../src/contract/health';
import { count, printFigures } from '../reliability/figures';
import { type ConsoleTab, call, onReplica, signInTab } from '../support/replica-cluster';
import { CREATOR, startScan, waitForScan } from '../support/scan-progress';
import { useCluster } from '../support/use-cluster';

const LOCK_TTL_MS = 2_000;

async function signedIn(base: string): Promise<ConsoleTab> {
  const signed = await signInTab(base);
  if (!signed.tab) throw new Error(`sign-in on ${base} failed: ${signed.status}`);
  return signed.tab;
}

async function health(base: string) {
  return healthResponseSchema.parse(await (await fetch(`${base}/api/health`)).json());
}

async function until<T>(probe: () => Promise<T>, accept: (value: T) => boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  let last = await probe();
  while (!accept(last)) {
    if (Date.now() > deadline) throw new Error(`gave up waiting: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    last = await probe();
  }
  return last;
}

describe('a replica dies, then Redis and PostgreSQL go away in turn', () => {
  const deployment = useCluster(
    { replicas: 2, perIpPerMinute: 1000, env: { SCAN_LOCK_TTL_MS: String(LOCK_TTL_MS) } },
    () => printFigures('replica failures'),
  );

  it('finishes a scan on B soon after A, which held its lock, is killed mid-scan', async () => {
    const [replicaA, replicaB] = deployment.cluster.replicas;
    if (!replicaA || !replicaB) throw new Error('two replicas expected');
    const onA = await signedIn(replicaA.url);
    const onB = onReplica(onA, replicaB.url);
    const stockId = '16000005';

    await startScan(onA, stockId);
    // B has a viewer on the scan (someone is looking at it there).
    await startScan(onB, stockId);
    await waitForScan(onB, stockId, (p) => p.pages_done >= 8);

    await replicaA.kill();
    const killedAt = Date.now();

    const done = await waitForScan(onB, stockId, (p) => p.state !== 'running', 30_000);
    expect(done.state).toBe('done');
    expect(done.codes_loaded).toBe(5_000);

    // A is dead, so the first call for this stock that reaches WeChat Pay after the kill is B's:
    // B waited for A's lock to expire (at most LOCK_TTL_MS), then asked for the next page.
    const firstAfterKill = deployment.cluster.sandbox.stats
      .log()
      .find((entry) => entry.stockId === stockId && entry.at > killedAt);
    if (!firstAfterKill) throw new Error('no call after the kill');
    // One page: the sandbox's latency (≤ 150 ms) and the pacer's spacing, with room for a busy CI.
    const onePageMs = 1_000;
    const stalledMs = firstAfterKill.at - killedAt;
    count('takeover_after_kill_ms', stalledMs);
    expect(stalledMs).toBeLessThan(LOCK_TTL_MS + onePageMs);
    // Resumed, not restarted: the pages A had read are not read again (the one in flight may be).
    const calls = deployment.cluster.sandbox.stats.calls({ stockId });
    count('upstream_calls_for_50_pages', calls);
    expect(calls).toBeLessThanOrEqual(51);
  }, 60_000);

  it('says degraded and explains lookups while Redis is down, then recovers by itself', async () => {
    const replicaB = deployment.cluster.replicas[1];
    if (!replicaB) throw new Error('replica B expected');
    const tab = await signedIn(replicaB.url);
    const lookup = `/api/stocks/16000004/items?stock_creator_mchid=${CREATOR}&offset=0&limit=10`;
    expect((await call(tab, 'GET', lookup)).status).toBe(200);

    await deployment.redis.stop();
    const degraded = await until(
      () => health(replicaB.url),
      (h) => h.status === 'degraded',
      5_000,
    );
    expect(degraded.dependencies).toContainEqual({ name: 'redis', status: 'down' });

    const asked = Date.now();
    const failed = await call(tab, 'GET', lookup);
    count('explained_503_ms', Date.now() - asked);
    expect(Date.now() - asked).toBeLessThan(3_000);
    expect(failed.status).toBe(503);
    const { error } = apiErrorBodySchema.parse(failed.body);
    expect(error.code).toBe('SHARED_STORE_UNAVAILABLE');
    expect(error.retryable).toBe(true);
    expect(error.explanation).toBe('api.shared_store_unavailable');

    // Back (empty: sessions held there are gone, so people sign in again) without a restart.
    await deployment.redis.restart();
    await until(
      () => health(replicaB.url),
      (h) => h.status === 'ok',
      10_000,
    );
    const again = await signedIn(replicaB.url);
    expect((await call(again, 'GET', lookup)).status).toBe(200);
    expect((await startScan(again, '16000004')).stock_id).toBe('16000004');
  }, 40_000);

  it('says degraded and explains audited lookups while PostgreSQL is down, then recovers', async () => {
    const replicaB = deployment.cluster.replicas[1];
    if (!replicaB) throw new Error('replica B expected');
    const tab = await signedIn(replicaB.url);
    const lookup = `/api/stocks/16000004/items?stock_creator_mchid=${CREATOR}&offset=0&limit=10`;
    expect((await call(tab, 'GET', lookup)).status).toBe(200);

    await deployment.postgres.stop();
    const degraded = await until(
      () => health(replicaB.url),
      (h) => h.status === 'degraded',
      5_000,
    );
    expect(degraded.dependencies).toContainEqual({ name: 'postgres', status: 'down' });
    expect(degraded.dependencies).toContainEqual({ name: 'redis', status: 'up' });

    // Every lookup leaves an audit row first: without the trail, no answer (and no WeChat Pay call).
    const asked = Date.now();
    const failed = await call(tab, 'GET', lookup);
    expect(Date.now() - asked).toBeLessThan(3_000);
    expect(failed.status).toBe(503);
    expect(apiErrorBodySchema.parse(failed.body).error.code).toBe('SHARED_STORE_UNAVAILABLE');

    await deployment.postgres.restart();
    await until(
      () => health(replicaB.url),
      (h) => h.status === 'ok',
      15_000,
    );
    // The same session (in Redis) goes on working once PostgreSQL is back.
    expect((await call(tab, 'GET', lookup)).status).toBe(200);
  }, 40_000);
});

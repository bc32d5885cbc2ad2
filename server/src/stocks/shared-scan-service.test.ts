import request from 'supertest';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type RedisUnderTest, startRedis } from '../../test/support/redis-server';
import {
  CREATOR,
  finished,
  LOCK_TTL_MS,
  type Replica,
  startReplica,
  target,
  waitForScan,
} from '../../test/support/shared-scan-harness';
import { codesOfStock, startIntegrationSandbox } from '../../test/support/wiring';
import type { ScanProgress } from '../contract/stocks';
import { waitUntilReady } from '../infra/redis/connection';
import { StoreUnavailableError } from '../infra/store-unavailable';
import type { RunningSandbox } from '../sandbox/sandbox';
import { createFairShare, DEFAULT_FAIR_SHARE } from './fair-share';
import type { Scan } from './scan';

// Each page answers after 25 ms, so the 5,000-code stock (50 pages) takes well over a second.
const PAGE_LATENCY_MS = 25;
const BIG = '16000005';

let redis: RedisUnderTest;
let sandbox: RunningSandbox;
let replicas: Replica[] = [];
let clusters = 0;

beforeAll(async () => {
  redis = await startRedis();
  sandbox = await startIntegrationSandbox({ latencyMs: [PAGE_LATENCY_MS, PAGE_LATENCY_MS] });
});
afterAll(async () => {
  await sandbox?.close();
  await redis?.stop();
});
afterEach(async () => {
  await Promise.all(replicas.map((replica) => replica.close()));
  replicas = [];
});

/** Replicas sharing scans with each other and nobody else. */
async function cluster(size: number): Promise<Replica[]> {
  clusters += 1;
  const prefix = `ccc-test-${clusters}:`;
  const started = await Promise.all(
    Array.from({ length: size }, () => startReplica(sandbox, redis.url, prefix)),
  );
  replicas.push(...started);
  return started;
}

/** Items calls the sandbox receives for the stock from now on. */
function callsFrom(stockId: string): () => number {
  const count = () =>
    sandbox.stats.calls({ stockId, path: `/v3/marketing/favor/stocks/${stockId}/items` });
  const before = count();
  return () => count() - before;
}

/** When each page (and the end) reached the scan's watchers on this replica. */
function arrivals(scan: Scan): number[] {
  const times: number[] = [];
  scan.subscribe(() => times.push(Date.now()));
  return times;
}

const longestGap = (times: number[]) =>
  Math.max(...times.slice(1).map((time, i) => time - (times[i] as number)));

describe('scans shared by replicas', () => {
  it('bounds the walks each person starts on a replica; joining stays free', async () => {
    clusters += 1;
    const share = createFairShare({ ...DEFAULT_FAIR_SHARE, scansPerUser: 1 });
    const replica = await startReplica(sandbox, redis.url, `ccc-test-${clusters}:`, share);
    replicas.push(replica);
    const walking = await replica.scans.start(target(BIG), { requester: 'user:1' });
    expect(walking.requester).toBe('user:1');
    await expect(
      replica.scans.start(target('16000004'), { requester: 'user:1' }),
    ).rejects.toMatchObject({ payload: { code: 'USER_BUDGET_EXCEEDED', status: 429 } });
    expect(await replica.scans.start(target(BIG), { requester: 'user:2' })).toBe(walking);
    await replica.scans.start(target('16000004'), { requester: 'user:2' });
    await waitForScan(replica, BIG, finished);
    // The finished walk gave its slot back.
    const next = await replica.scans.start(target('16000003'), { requester: 'user:1' });
    expect(next.requester).toBe('user:1');
  });

  it('is walked once for both replicas; the other sees progress and codes as they come', async () => {
    const [a, b] = (await cluster(2)) as [Replica, Replica];
    const calls = callsFrom(BIG);
    const truth = codesOfStock(BIG);
    const started = await a.scans.start(target(BIG));
    await waitForScan(a, BIG, (scan) => scan.pagesDone >= 3);
    const joined = await b.scans.start(target(BIG));
    expect(joined.state).toBe('running');
    expect(joined.startedAt).toBe(started.startedAt);
    const seen: ScanProgress[] = [];
    joined.subscribe((progress) => seen.push(progress));

    await waitForScan(b, BIG, (scan) => scan.pagesDone >= 6);
    const code = truth[420] as string;
    const mid = await request(b.app).get(
      `/api/stocks/${BIG}/codes?stock_creator_mchid=${CREATOR}&q=${code}`,
    );
    expect(mid.body).toMatchObject({ scan_state: 'running', complete: false, match_count: 1 });
    expect(mid.body.items).toEqual([{ code, exact: true }]);
    expect(mid.body.searched_count).toBeLessThan(5_000);

    const done = await waitForScan(b, BIG, finished);
    expect(done).toBe(joined);
    expect(done.progress()).toMatchObject({
      state: 'done',
      pages_done: 50,
      codes_loaded: 5_000,
      request_count: 50,
      truncated: false,
      offset_mode: 'page',
    });
    expect(done.index.codes).toEqual(truth);
    expect(calls()).toBe(50);
    const pagesSeen = seen.map((progress) => progress.pages_done);
    expect(pagesSeen.length).toBeGreaterThan(20);
    expect(pagesSeen).toEqual([...pagesSeen].sort((x, y) => x - y));
    expect(seen.at(-1)?.state).toBe('done');

    const cached = await request(b.app)
      .post(`/api/stocks/${BIG}/scans`)
      .send({ stock_creator_mchid: CREATOR });
    expect(cached.status).toBe(200);
    expect(cached.body).toMatchObject({ state: 'done', codes_loaded: 5_000 });
    expect(await b.scans.start(target(BIG))).toBe(done);
    expect((await a.scans.start(target(BIG))).state).toBe('done');
    expect(calls()).toBe(50);

    const refreshed = await b.scans.start(target(BIG), { refresh: true });
    expect(refreshed.state).toBe('running');
    expect((await a.scans.start(target(BIG), { refresh: true })).startedAt).toBe(
      refreshed.startedAt,
    );
    await waitForScan(a, BIG, (scan) => finished(scan) && scan.startedAt === refreshed.startedAt);
    expect(calls()).toBe(100);
  });

  it('shares one walk among concurrent starts on every replica', async () => {
    const replicasOfOne = await cluster(3);
    const calls = callsFrom('16000004');
    const scans = await Promise.all(
      replicasOfOne.flatMap((replica) =>
        Array.from({ length: 10 }, (_, i) =>
          replica.scans.start(target('16000004'), { refresh: i % 2 === 0 }),
        ),
      ),
    );
    expect(new Set(scans.map((scan) => scan.startedAt)).size).toBe(1);
    for (const replica of replicasOfOne) await waitForScan(replica, '16000004', finished);
    expect(calls()).toBe(3);
  });

  it('keeps a scan WeChat Pay refused as failed for every replica, and walks again on start', async () => {
    const [a, b] = (await cluster(2)) as [Replica, Replica];
    const refused = { stockId: '16000003', stockCreatorMchid: '1900000999' };
    const calls = callsFrom('16000003');
    await a.scans.start(refused);
    for (;;) {
      const scan = await b.scans.latest(refused);
      if (scan && finished(scan)) {
        expect(scan.error).toMatchObject({ code: 'UPSTREAM_REJECTED', status: 403 });
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(calls()).toBe(1);
    expect((await b.scans.start(refused)).state).toBe('running');
    expect(calls()).toBeLessThanOrEqual(2);
  });
});

describe('a replica that goes away mid-scan', () => {
  it('crashed: another continues the walk once the lock expires, reading no page twice', async () => {
    const [a, b] = (await cluster(2)) as [Replica, Replica];
    const calls = callsFrom(BIG);
    await a.scans.start(target(BIG));
    const onB = await b.scans.start(target(BIG));
    await waitForScan(b, BIG, (scan) => scan.pagesDone >= 10);
    const times = arrivals(onB);
    a.crash();
    times.push(Date.now());
    const done = await waitForScan(b, BIG, finished);
    expect(done.progress()).toMatchObject({ state: 'done', codes_loaded: 5_000, pages_done: 50 });
    expect(done.index.codes).toEqual(codesOfStock(BIG));
    expect(done.index.repeated).toBe(0);
    // The page A was reading when it crashed is the only one read twice.
    expect(calls()).toBeGreaterThanOrEqual(50);
    expect(calls()).toBeLessThanOrEqual(51);
    // Nothing moved for at most the lock's lifetime plus a page (25 ms here, with room for
    // a busy machine's Redis round trips: a second, as for the replicas in processes).
    const gap = longestGap(times.sort((x, y) => x - y));
    expect(gap).toBeLessThan(LOCK_TTL_MS + 1_000);
    expect(gap).toBeGreaterThan(LOCK_TTL_MS / 3);
  });

  it('shut down: it hands its walk over at once, and its own viewers see it interrupted', async () => {
    const [a, b] = (await cluster(2)) as [Replica, Replica];
    const calls = callsFrom(BIG);
    const onA = await a.scans.start(target(BIG));
    const onB = await b.scans.start(target(BIG));
    await waitForScan(b, BIG, (scan) => scan.pagesDone >= 10);
    const times = arrivals(onB);
    times.push(Date.now());
    await a.close();
    expect(onA.progress()).toMatchObject({
      state: 'interrupted',
      error: { code: 'SCAN_INTERRUPTED' },
    });
    const done = await waitForScan(b, BIG, finished);
    expect(done.state).toBe('done');
    expect(done.index.codes).toEqual(codesOfStock(BIG));
    expect(calls()).toBeLessThanOrEqual(51);
    expect(longestGap(times.sort((x, y) => x - y))).toBeLessThan(LOCK_TTL_MS / 2);
  });
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Redis away', () => {
  it('stops a walk that can no longer prove it holds the lock', async () => {
    const [a] = (await cluster(1)) as [Replica];
    const calls = callsFrom(BIG);
    const scan = await a.scans.start(target(BIG));
    await waitForScan(a, BIG, (running) => running.pagesDone >= 5);
    await redis.stop();
    await pause(LOCK_TTL_MS / 3 + 100);
    const stoppedAt = calls();
    await pause(500);
    expect(calls()).toBe(stoppedAt);
    expect(stoppedAt).toBeLessThan(50);
    expect(scan.state).toBe('running');

    // Redis came back empty: the scan is gone for every replica, and this one says so.
    await redis.restart();
    expect(await waitUntilReady(a.redis, 10_000)).toBe(true);
    while (scan.state === 'running') await pause(20);
    expect(scan.error).toMatchObject({ code: 'SCAN_INTERRUPTED' });
    await a.scans.start(target(BIG));
    expect((await waitForScan(a, BIG, finished)).index.size).toBe(5_000);
  });

  it('refuses at once with SHARED_STORE_UNAVAILABLE, and works again once Redis is back', async () => {
    const [a] = (await cluster(1)) as [Replica];
    await redis.stop();
    const askedAt = Date.now();
    const refused = await request(a.app)
      .post('/api/stocks/16000003/scans')
      .send({ stock_creator_mchid: CREATOR });
    expect(Date.now() - askedAt).toBeLessThan(500);
    expect(refused.status).toBe(503);
    expect(refused.body.error).toMatchObject({ code: 'SHARED_STORE_UNAVAILABLE', retryable: true });
    await expect(a.scans.latest(target('16000003'))).rejects.toBeInstanceOf(StoreUnavailableError);

    await redis.restart();
    expect(await waitUntilReady(a.redis, 10_000)).toBe(true);
    await a.scans.start(target('16000003'));
    const done = await waitForScan(a, '16000003', finished);
    expect(done.progress()).toMatchObject({ state: 'done', codes_loaded: 57 });
  });
});

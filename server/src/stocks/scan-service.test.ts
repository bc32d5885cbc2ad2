import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import {
  gateFrom,
  type Harness,
  type HarnessOptions,
  settled,
  startHarness,
} from '../../test/support/stocks-harness';
import type { ScanProgress } from '../contract/stocks';
import type { Clock } from '../lib/clock';

const CREATOR = '1900000109';
let harness: Harness | undefined;

async function start(options: HarnessOptions = {}) {
  harness = await startHarness(options);
  return harness;
}

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

function manualClock(): Clock & { advance(ms: number): void } {
  let now = Date.UTC(2026, 0, 1);
  return { now: () => now, sleep: async () => {}, advance: (ms) => (now += ms) };
}

const scanOf = (h: Harness, stockId: string, refresh = false) =>
  request(h.app)
    .post(`/api/stocks/${stockId}/scans`)
    .send({ stock_creator_mchid: CREATOR, refresh });

const pagesAt = (h: Harness, stockId: string) =>
  h.sandbox.stats.calls({ stockId, path: `/v3/marketing/favor/stocks/${stockId}/items` });

describe('shared full scans', () => {
  it('50 concurrent scan requests for one stock cause exactly one upstream walk', async () => {
    const h = await start();
    const answers = await Promise.all(Array.from({ length: 50 }, () => scanOf(h, '16000005')));
    for (const answer of answers) expect([200, 202]).toContain(answer.status);
    const scan = await settled(h.scans, '16000005');
    expect(scan.state).toBe('done');
    expect(pagesAt(h, '16000005')).toBe(50);
    const progress = (
      await request(h.app).get(`/api/stocks/16000005/scans/latest?stock_creator_mchid=${CREATOR}`)
    ).body as ScanProgress;
    expect(progress).toMatchObject({
      state: 'done',
      pages_done: 50,
      pages_total: 50,
      codes_loaded: 5_000,
      total_count: 5_000,
      reachable_count: 5_000,
      truncated: false,
      error: null,
      eta_seconds: null,
      offset_mode: 'page',
      request_count: 50,
    });
    expect(progress.finished_at).not.toBeNull();
  });

  it('answers a cached stock with zero upstream calls until the TTL, then walks again', async () => {
    const clock = manualClock();
    const h = await start({ clock, ttlMs: 60_000 });
    await scanOf(h, '16000003');
    await settled(h.scans, '16000003');
    expect(pagesAt(h, '16000003')).toBe(1);
    clock.advance(59_000);
    const cached = await scanOf(h, '16000003');
    expect(cached.status).toBe(200);
    expect(cached.body).toMatchObject({ state: 'done', codes_loaded: 57 });
    expect(cached.body.expires_at).toBe(new Date(Date.UTC(2026, 0, 1) + 60_000).toISOString());
    expect(pagesAt(h, '16000003')).toBe(1);
    clock.advance(1_000);
    const fresh = await scanOf(h, '16000003');
    expect(fresh.status).toBe(202);
    await settled(h.scans, '16000003');
    expect(pagesAt(h, '16000003')).toBe(2);
  });

  it('refresh walks again, but concurrent refreshes share one walk', async () => {
    const h = await start();
    await scanOf(h, '16000004');
    await settled(h.scans, '16000004');
    expect(pagesAt(h, '16000004')).toBe(3);
    const answers = await Promise.all([
      ...Array.from({ length: 10 }, () => scanOf(h, '16000004', true)),
      ...Array.from({ length: 10 }, () => scanOf(h, '16000004')),
    ]);
    expect(answers.some((answer) => answer.status === 202)).toBe(true);
    await settled(h.scans, '16000004');
    expect(pagesAt(h, '16000004')).toBe(6);
  });

  it('keeps stocks of different creators apart', async () => {
    const h = await start();
    const wrong = await request(h.app)
      .post('/api/stocks/16000003/scans')
      .send({ stock_creator_mchid: '1900000999' });
    expect(wrong.status).toBe(202);
    const scan = await settled(h.scans, '16000003', '1900000999');
    expect(scan.state).toBe('failed');
    expect(scan.error).toMatchObject({
      code: 'UPSTREAM_REJECTED',
      status: 403,
      upstream: { code: 'REQUEST_BLOCKED' },
    });
    expect(
      await h.scans.latest({ stockId: '16000003', stockCreatorMchid: CREATOR }),
    ).toBeUndefined();
  });
});

describe('the 60,000-code stock', () => {
  it('scans to truncated with 50,100 reachable codes under page offsets', async () => {
    const h = await start({ offsetMode: 'auto' });
    await scanOf(h, '16000006');
    const scan = await settled(h.scans, '16000006');
    expect(scan.progress()).toMatchObject({
      state: 'done',
      truncated: true,
      total_count: 60_000,
      reachable_count: 50_100,
      codes_loaded: 50_100,
      pages_done: 501,
      offset_mode: 'page',
    });
    expect(pagesAt(h, '16000006')).toBe(501);
  });

  it('scans to truncated with 600 reachable codes under item offsets', async () => {
    const h = await start({ offsetMode: 'auto', sandbox: { pagination: 'item' } });
    await scanOf(h, '16000006');
    const scan = await settled(h.scans, '16000006');
    expect(scan.progress()).toMatchObject({
      state: 'done',
      truncated: true,
      total_count: 60_000,
      reachable_count: 600,
      codes_loaded: 600,
      pages_done: 6,
      pages_total: 6,
      offset_mode: 'item',
    });
    // Offsets 0, 1 (the auto-detection probe), 100, 200, 300, 400, 500.
    expect(pagesAt(h, '16000006')).toBe(7);
    expect(scan.index.repeated).toBe(0);
  });
});

describe('shutdown', () => {
  it('interrupts running walks, keeps their codes and refuses new scans', async () => {
    const gate = gateFrom(1);
    const h = await start({ wrapClient: gate.wrap });
    await scanOf(h, '16000004');
    const scan = await h.scans.latest({ stockId: '16000004', stockCreatorMchid: CREATOR });
    while ((scan?.pagesDone ?? 0) < 1) await new Promise((resolve) => setTimeout(resolve, 2));
    await h.scans.close();
    expect(scan?.progress()).toMatchObject({
      state: 'interrupted',
      codes_loaded: 100,
      error: { code: 'SCAN_INTERRUPTED', retryable: true },
    });
    const refused = await scanOf(h, '16000005');
    expect(refused.status).toBe(503);
    expect(refused.body.error.code).toBe('SCAN_INTERRUPTED');
    expect(pagesAt(h, '16000005')).toBe(0);
  });
});
